package io.rootfix.form;

import java.math.BigDecimal;
import java.util.List;

/**
 * One input of a Camunda Form, as the server reads it: what the browser checks, checked again here, because a
 * REST caller is not the browser.
 *
 * @param key the variable the field submits
 * @param type the form-js type: textfield, textarea, number, checkbox, select, radio, datetime, …
 * @param subtype for a datetime: date, time or datetime
 * @param label what the agent sees, for messages
 * @param disabled shown, never submitted: its value is not the agent's to set
 * @param conditional shown only under a condition; whether it is required then is the step's to judge
 * @param required filled in whenever the form is shown (never true for a conditional field)
 * @param options the allowed values of a select or radio, when the form lists them
 * @param valuesKey the variable holding the allowed values, when the process offers them
 */
public record FormField(
    String key,
    String type,
    String subtype,
    String label,
    boolean disabled,
    boolean conditional,
    boolean required,
    Integer minLength,
    Integer maxLength,
    String pattern,
    BigDecimal min,
    BigDecimal max,
    Integer decimalDigits,
    boolean disallowPassedDates,
    List<String> options,
    String valuesKey) {

  /** Text fields without a maximum on the form still have one: nobody types more into a complaint step. */
  public static final int DEFAULT_MAX_LENGTH = 4000;

  public int maxLengthOrDefault() {
    return maxLength == null ? DEFAULT_MAX_LENGTH : maxLength;
  }

  public boolean isText() {
    return "textfield".equals(type) || "textarea".equals(type);
  }

  public boolean isChoice() {
    return "select".equals(type) || "radio".equals(type);
  }
}
