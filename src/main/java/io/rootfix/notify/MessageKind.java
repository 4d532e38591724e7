package io.rootfix.notify;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Why a message goes to the customer, and the values its templates ({@code templates/<file>.<language>.txt}) may
 * use. Every kind may use {@link #COMMON} too.
 */
public enum MessageKind {
  /** At once when a complaint arrives on the web or by e-mail; on other channels once the expectation is agreed. */
  ACKNOWLEDGEMENT("agreedAnswerDate"),
  /** The agreed answer date, to a customer who was acknowledged before it was agreed. */
  ANSWER_DATE_AGREED("agreedAnswerDate"),
  INFORMATION_REQUEST("question", "replyLink"),
  NEW_ANSWER_DATE("agreedAnswerDate"),
  /** A promise's date moved, as agreed with the customer: the new date in writing. */
  PROMISE_RENEGOTIATED("promise", "oldDate", "newDate", "reason"),
  /** A promise broke: an apology and what happens now. */
  BROKEN_PROMISE_APOLOGY("promise", "dueDate"),
  /** The complaint closed without some promises: which no longer hold, and why. */
  PROMISE_RELEASED("promises", "explanation"),
  STATUS_UPDATE("update"),
  /** Our answer: the agent writes only its body ({@code answer}); the template adds greeting and signature. */
  REPORT("answer", "fixDescription", "replyLink"),
  DISPUTES_COMMITTEE("reopenCount", "disputesCommittee"),
  /** {@code unconfirmed} is set (and {@code closingNote} empty) when we close without the customer's word. */
  CLOSING("closingNote", "unconfirmed", "effortLink"),
  /**
   * The customer asked on the status page for their personal link again: exactly one of the three is set, for what
   * the complaint waits for now.
   */
  YOUR_LINK("answerLink", "confirmLink", "effortLink");

  /** The values every message has: whom it is to, about which complaint, and who signs it (a full name or empty). */
  public static final Set<String> COMMON = Common.NAMES;

  private final Set<String> placeholders;

  MessageKind(String... own) {
    this.placeholders = Stream.concat(Common.NAMES.stream(), Stream.of(own)).collect(Collectors.toUnmodifiableSet());
  }

  /** Initialised before the constants (an enum's own static fields are not). */
  private static final class Common {
    static final Set<String> NAMES = Set.of("customerName", "trackingNumber", "agentName");
  }

  /** The names a template of this kind may use; any other is refused when it is deployed. */
  public Set<String> placeholders() {
    return placeholders;
  }

  /** The template's file name without language and extension: {@code broken-promise-apology}. */
  public String fileName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static java.util.Optional<MessageKind> fromFileName(String fileName) {
    return Stream.of(values()).filter(kind -> kind.fileName().equals(fileName)).findFirst();
  }
}
