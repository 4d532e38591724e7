package io.rootfix.form;

import io.rootfix.web.NoControlCharacters;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * Checks what a caller submitted for a form against that form, field by field: only the form's own input
 * fields, each with the type, length, range, pattern and options the form gives it, text without control
 * characters (checked as sent, before anyone trims it), dates within sensible bounds. What is required only
 * under a condition (a field the form shows for one answer) is the step's to check; everything else is here.
 *
 * <p>The form is the one contract: the browser checks the same rules as the agent types, so a message here
 * only reaches a caller who bypassed the form.
 */
public final class FormCheck {

  /** No complaint step is about a date before this one or more than this many years ahead. */
  static final LocalDate EARLIEST_DATE = LocalDate.of(2000, 1, 1);
  static final int YEARS_AHEAD = 10;

  /** Plain values only: an object, a file or a JSON document is never what a form field submits. */
  private static final Set<ValueType> PLAIN = Set.of(ValueType.STRING, ValueType.BOOLEAN, ValueType.INTEGER,
      ValueType.LONG, ValueType.SHORT, ValueType.DOUBLE, ValueType.NULL);

  private final CamundaForm form;
  private final Function<String, List<String>> offered;
  private final LocalDate today;
  private final Map<String, String> errors = new LinkedHashMap<>();

  /**
   * @param offered the values the process offers for a field with a {@code valuesKey} (null if none are offered)
   * @param today the date in the company's zone, for "not in the past"
   */
  private FormCheck(CamundaForm form, Function<String, List<String>> offered, LocalDate today) {
    this.form = form;
    this.offered = offered;
    this.today = today;
  }

  /** What is wrong with the submission, by field name; empty when it may be taken. */
  public static Map<String, String> check(CamundaForm form, VariableMap submitted,
      Function<String, List<String>> offered, LocalDate today) {
    FormCheck check = new FormCheck(form, offered, today);
    for (String name : submitted.keySet()) {
      check.value(name, submitted.getValueTyped(name));
    }
    for (FormField field : form.fields().values()) {
      if (field.required() && !field.disabled() && !check.errors.containsKey(field.key())
          && isBlank(submitted, field.key())) {
        check.errors.put(field.key(), "is required");
      }
    }
    return check.errors;
  }

  private static boolean isPlain(Object value) {
    return value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
        || value instanceof Long || value instanceof Short || value instanceof Double;
  }

  private static boolean isBlank(VariableMap submitted, String key) {
    Object value = submitted.containsKey(key) ? submitted.getValueTyped(key).getValue() : null;
    return value == null || value.toString().isBlank();
  }

  private void value(String name, TypedValue typed) {
    FormField field = form.field(name);
    if (field == null) {
      errors.put(name, "is not a field of this form");
      return;
    }
    if (field.disabled()) {
      errors.put(name, "is shown on this form for reading; it cannot be changed here");
      return;
    }
    // An untyped value is what a plain JSON value or a Java call gives: judge it by its class.
    if (typed.getType() == null ? !isPlain(typed.getValue()) : !PLAIN.contains(typed.getType())) {
      errors.put(name, "must be a plain value (text, a number, true or false), not "
          + (typed.getType() == null ? typed.getValue().getClass().getSimpleName() : typed.getType().getName()));
      return;
    }
    Object value = typed.getValue();
    if (value == null) {
      return;
    }
    switch (field.type()) {
      case "textfield", "textarea" -> text(field, value);
      case "number" -> number(field, value);
      case "checkbox" -> {
        if (!(value instanceof Boolean)) {
          errors.put(name, "must be true or false");
        }
      }
      case "select", "radio" -> choice(field, value);
      case "datetime" -> date(field, value);
      default -> errors.put(name, "is a kind of field (" + field.type() + ") the server does not take");
    }
  }

  private void text(FormField field, Object value) {
    if (!(value instanceof String text)) {
      errors.put(field.key(), "must be text");
      return;
    }
    if (!NoControlCharacters.Validator.isClean(text)) {
      errors.put(field.key(), NoControlCharacters.MESSAGE);
    } else if (text.length() > field.maxLengthOrDefault()) {
      errors.put(field.key(), "must be at most " + field.maxLengthOrDefault() + " characters");
    } else if (field.minLength() != null && !text.isEmpty() && text.length() < field.minLength()) {
      errors.put(field.key(), "must be at least " + field.minLength() + " characters");
    } else if (field.pattern() != null && !text.isEmpty() && !matches(field.pattern(), text)) {
      errors.put(field.key(), "is not in the expected form");
    }
  }

  private static boolean matches(String pattern, String text) {
    try {
      return Pattern.compile(pattern).matcher(text).find();
    } catch (PatternSyntaxException e) {
      return true; // the browser judges what Java cannot compile; the step checks the value itself
    }
  }

  private void number(FormField field, Object value) {
    BigDecimal number;
    if (value instanceof Number n) {
      number = new BigDecimal(n.toString());
    } else if (value instanceof String s && !s.isBlank()) {
      try {
        number = new BigDecimal(s.trim());
      } catch (NumberFormatException e) {
        errors.put(field.key(), "must be a number");
        return;
      }
    } else {
      if (!(value instanceof String)) {
        errors.put(field.key(), "must be a number");
      }
      return;
    }
    if (field.min() != null && number.compareTo(field.min()) < 0) {
      errors.put(field.key(), "must be at least " + field.min().toPlainString());
    } else if (field.max() != null && number.compareTo(field.max()) > 0) {
      errors.put(field.key(), "must be at most " + field.max().toPlainString());
    } else if (field.decimalDigits() != null && number.stripTrailingZeros().scale() > field.decimalDigits()) {
      errors.put(field.key(), "must have at most " + field.decimalDigits() + " decimals");
    } else if (number.abs().compareTo(BigDecimal.valueOf(1_000_000_000)) >= 0) {
      errors.put(field.key(), "must be less than 1,000,000,000");
    }
  }

  private void choice(FormField field, Object value) {
    if (!(value instanceof String code)) {
      errors.put(field.key(), "must be one of the listed values");
      return;
    }
    if (code.isEmpty()) {
      return;
    }
    List<String> allowed = field.options() != null ? field.options()
        : field.valuesKey() != null ? offered.apply(field.valuesKey()) : null;
    if (allowed == null || allowed.isEmpty()) {
      errors.put(field.key(), "has no values to choose from on this form");
    } else if (!allowed.contains(code)) {
      errors.put(field.key(), "is not one of the choices on this form: " + String.join(", ", allowed));
    }
  }

  private void date(FormField field, Object value) {
    if (!(value instanceof String text) || text.isBlank()) {
      if (!(value instanceof String)) {
        errors.put(field.key(), "must be a date written like 2026-12-31");
      }
      return;
    }
    if ("time".equals(field.subtype())) {
      if (!parses(() -> LocalTime.parse(text)) && !parses(() -> OffsetTime.parse(text))) {
        errors.put(field.key(), "must be a time like 14:00");
      }
      return;
    }
    LocalDate date = dateOf(text, !"date".equals(field.subtype()));
    if (date == null) {
      errors.put(field.key(), "date".equals(field.subtype())
          ? "must be a date written like 2026-12-31" : "must be a date and time written like 2026-12-31T14:00");
    } else if (date.isBefore(EARLIEST_DATE) || date.isAfter(today.plusYears(YEARS_AHEAD))) {
      errors.put(field.key(), "must be a date between " + EARLIEST_DATE + " and " + today.plusYears(YEARS_AHEAD));
    } else if (field.disallowPassedDates() && date.isBefore(today)) {
      errors.put(field.key(), "must not be in the past");
    }
  }

  /** The date of a plain date, or (when a time may come with it) of a local or offset date-time. */
  private static LocalDate dateOf(String text, boolean withTime) {
    try {
      if (text.length() == 10) {
        return LocalDate.parse(text);
      }
      if (!withTime) {
        return null;
      }
      try {
        return LocalDateTime.parse(text).toLocalDate();
      } catch (DateTimeParseException e) {
        return OffsetDateTime.parse(text).toLocalDate();
      }
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static boolean parses(Runnable parse) {
    try {
      parse.run();
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }
}
