package io.rootfix.complaint;

/** How bad the matter is for the customer, as the intake judges it; the answer-review policy reads it. */
public enum Severity implements CodedValue {
  LOW, NORMAL, HIGH, CRITICAL;

  public static final String CODES = "low|normal|high|critical";

  /** A missing severity is normal. */
  public static Severity fromCode(String code) {
    Severity severity = CodedValue.fromCode(Severity.class, code);
    return severity == null ? NORMAL : severity;
  }
}
