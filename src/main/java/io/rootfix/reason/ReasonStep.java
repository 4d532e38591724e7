package io.rootfix.reason;

/**
 * The decision steps that take a controlled reason, as {@code processes/controlled-reasons.dmn} names them in its
 * "Decision step" column.
 */
public final class ReasonStep {

  private ReasonStep() {}

  /** Closing without the customer's confirmation: by an agent, or by the no-reply timer (NO_REPLY). */
  public static final String CLOSE_WITHOUT_CONFIRMATION = "CLOSE_WITHOUT_CONFIRMATION";
  /** Marking a root cause a one-off that needs no fundamental fix. */
  public static final String ONE_OFF = "ONE_OFF";
  /** A team lead returns a drafted answer to its author. */
  public static final String RETURN_ANSWER = "RETURN_ANSWER";
  /** The customer says "not resolved" and the complaint reopens. */
  public static final String REOPEN = "REOPEN";
  /** Refusing a remedy above the policy limit (the remedy approval task). */
  public static final String REMEDY_REFUSAL = "REMEDY_REFUSAL";

  /** The code the no-reply timer records when it closes a complaint. */
  public static final String NO_REPLY = "NO_REPLY";
  /** The code recorded when the customer says "not resolved" through a channel integration. */
  public static final String CUSTOMER_REPLY = "CUSTOMER_REPLY";

  /** The step in the words of service staff and auditors, for reports that must not show codes. */
  public static String describe(String step) {
    return switch (step) {
      case CLOSE_WITHOUT_CONFIRMATION -> "Closed without the customer's confirmation";
      case ONE_OFF -> "Root cause marked a one-off";
      case RETURN_ANSWER -> "Answer returned to its author";
      case REOPEN -> "Reopened";
      case REMEDY_REFUSAL -> "Remedy refused";
      default -> step;
    };
  }
}
