package io.rootfix.complaint;

/** What the customer wants from us. */
public enum DesiredOutcome implements CodedValue {
  ANSWER, REPAIR, REFUND, REPLACEMENT;

  public static final String CODES = "answer|repair|refund|replacement";

  public static DesiredOutcome fromCode(String code) {
    return CodedValue.fromCode(DesiredOutcome.class, code);
  }
}
