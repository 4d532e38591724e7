package io.rootfix.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.rootfix.mailbox.ReplyText.Verdict;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Only a clear word decides a complaint; a clear "not resolved" wins; the quoted history is not the customer's. */
class ReplyTextTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "Het is opgelost, dank u wel.|RESOLVED",
      "Yes, it is resolved. Thanks!|RESOLVED",
      "Het is niet opgelost.|NOT_RESOLVED",
      "Nog steeds niet verholpen, de doos was weer kapot.|NOT_RESOLVED",
      "It is not resolved at all|NOT_RESOLVED",
      "Still broken.|NOT_RESOLVED",
      "Opgelost? Nee hoor.|UNCLEAR",
      "Resolved, but the box was dented again|UNCLEAR",
      "Thanks for your message, I will look at it tomorrow.|UNCLEAR",
      "''|UNCLEAR"})
  void decidesOnlyOnAClearWord(String text, Verdict verdict) {
    assertThat(ReplyText.verdict(text)).isEqualTo(verdict);
  }

  @Test
  void theQuotedHistoryIsNotTheCustomersWord() {
    String reply = """
        Het ordernummer is 4711.

        Op 3 dec. 2026 om 10:00 schreef Klantenservice <service@rootfix.example>:
        > Is het opgelost?
        """;

    assertThat(ReplyText.own(reply)).isEqualTo("Het ordernummer is 4711.");
    assertThat(ReplyText.own("Not resolved.\n> resolved\n-----Original Message-----\nresolved"))
        .isEqualTo("Not resolved.");
  }
}
