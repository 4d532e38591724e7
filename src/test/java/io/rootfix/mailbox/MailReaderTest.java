package io.rootfix.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.rootfix.notify.Language;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What the mailbox takes from an e-mail: HTML as plain text, the language, the Message-IDs it refers to. */
class MailReaderTest {

  @Test
  void anHtmlOnlyMailIsReadAsTextWithoutScriptsOrMarkup() throws Exception {
    byte[] raw = """
        Message-ID: <html-1@customer.example>
        From: "Jan Smit" <Jan.Smit@Example.COM>
        Subject: =?UTF-8?Q?Kapotte_l=C3=A1mp?=
        In-Reply-To: <a@rootfix.example>
        References: <first@customer.example> <a@rootfix.example>
        Content-Language: en-GB
        MIME-Version: 1.0
        Content-Type: text/html; charset=UTF-8

        <html><head><style>p {color: red}</style></head><body><p>The lamp&nbsp;is broken &amp; dented.</p>
        <script>alert(1)</script><div>Order 4711</div></body></html>
        """.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);

    ReceivedMail mail = MailReader.read(MailboxTest.parse(new String(raw, StandardCharsets.UTF_8)), raw);

    assertThat(mail.text()).isEqualTo("The lamp is broken & dented.\n\nOrder 4711");
    assertThat(mail.fromAddress()).isEqualTo("jan.smit@example.com");
    assertThat(mail.fromName()).isEqualTo("Jan Smit");
    assertThat(mail.subject()).isEqualTo("Kapotte lámp");
    assertThat(mail.language()).as("Content-Language wins over the Dutch subject").isEqualTo(Language.EN);
    assertThat(mail.refersTo()).containsExactly("<a@rootfix.example>", "<first@customer.example>");
  }

  @Test
  void theLanguageIsGuessedFromTheTextWithDutchWhenInDoubt() {
    assertThat(MailReader.language(null, "Mijn pakket is niet aangekomen en ik wil graag mijn geld terug"))
        .isEqualTo(Language.NL);
    assertThat(MailReader.language(null, "My parcel did not arrive and I would like my money back, please"))
        .isEqualTo(Language.EN);
    assertThat(MailReader.language(null, "4711")).isEqualTo(Language.NL);
    assertThat(MailReader.language("fr", "4711")).isEqualTo(Language.NL);
  }

  @Test
  void aMailWithoutMessageIdGetsAStableOneFromItsBytes() {
    String text = "From: a@b.example\r\nSubject: x\r\n\r\nbody\r\n";
    byte[] raw = text.getBytes(StandardCharsets.UTF_8);

    String first = MailReader.idOf(MailboxTest.parse(text), raw);

    assertThat(first).startsWith("<sha256-").endsWith("@no-message-id>");
    assertThat(MailReader.idOf(MailboxTest.parse(text), raw)).isEqualTo(first);
  }
}
