package io.rootfix.promise;

import io.rootfix.notify.Language;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * The words of the promises Rootfix makes itself (the answer, a refund, a replacement), in the customer's language:
 * the customer reads them quoted in our letters ("We hebben u … beloofd") and on the status page, so a Dutch
 * customer must not read an English phrase there. A promise an agent writes keeps the agent's words.
 */
public final class PromiseTexts {

  private static final String DATE_PATTERN = "EEEE d MMMM yyyy";

  private PromiseTexts() {}

  public static String answerBy(Language language, LocalDate date) {
    String day = DateTimeFormatter.ofPattern(DATE_PATTERN, language.locale()).format(date);
    return switch (language) {
      case NL -> "Ons antwoord op uw klacht uiterlijk " + day;
      case EN -> "An answer to your complaint by " + day;
    };
  }

  /** @param amount the amount with its currency, e.g. {@code EUR 40.00} */
  public static String refundPaid(Language language, String amount) {
    return switch (language) {
      case NL -> "Uw terugbetaling van " + amount + " is overgemaakt";
      case EN -> "Your refund of " + amount + " is paid";
    };
  }

  public static String replacementOnItsWay(Language language) {
    return switch (language) {
      case NL -> "Uw vervanging is onderweg";
      case EN -> "Your replacement is on its way";
    };
  }
}
