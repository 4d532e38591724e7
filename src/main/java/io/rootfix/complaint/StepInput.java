package io.rootfix.complaint;

import io.rootfix.reason.ControlledReasons;
import io.rootfix.reason.Reason;
import io.rootfix.web.InvalidInputException;
import io.rootfix.web.NoControlCharacters;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads and checks what an agent submitted on a task form. The forms check the same rules in the
 * browser; this is the server's word for callers of the REST API. Collects every error before failing.
 */
final class StepInput {

  private final Map<String, Object> variables;
  private final Map<String, String> errors = new LinkedHashMap<>();

  StepInput(Map<String, Object> variables) {
    this.variables = variables;
  }

  String requiredText(String field, int maxLength) {
    String value = optionalText(field, maxLength);
    if (value == null && !errors.containsKey(field)) {
      errors.put(field, "is required");
    }
    return value;
  }

  String optionalText(String field, int maxLength) {
    Object raw = variables.get(field);
    if (raw == null || raw.toString().isBlank()) {
      return null;
    }
    String value = raw.toString().trim();
    if (value.length() > maxLength) {
      errors.put(field, "must be at most " + maxLength + " characters");
      return null;
    }
    if (!NoControlCharacters.Validator.isClean(value)) {
      errors.put(field, NoControlCharacters.MESSAGE);
      return null;
    }
    return value;
  }

  Long requiredNumber(String field) {
    String value = requiredText(field, 20);
    if (value == null) {
      return null;
    }
    try {
      return Long.valueOf(value.startsWith("RC-") ? value.substring(3) : value);
    } catch (NumberFormatException e) {
      errors.put(field, "must be a number");
      return null;
    }
  }

  static String shorten(String text, int length) {
    return text.length() <= length ? text : text.substring(0, length - 1) + "…";
  }

  boolean flag(String field) {
    Object raw = variables.get(field);
    if (raw instanceof Boolean b) {
      return b;
    }
    if (raw == null || raw.toString().isBlank()) {
      return false;
    }
    return switch (raw.toString().trim().toLowerCase()) {
      case "true", "yes" -> true;
      case "false", "no" -> false;
      default -> {
        errors.put(field, "must be true or false");
        yield false;
      }
    };
  }

  Boolean requiredFlag(String field) {
    if (variables.get(field) == null || variables.get(field).toString().isBlank()) {
      errors.put(field, "is required (true or false)");
      return null;
    }
    return flag(field);
  }

  LocalDate requiredFutureDate(String field, Clock clock) {
    String value = requiredText(field, 10);
    if (value == null) {
      return null;
    }
    try {
      LocalDate date = LocalDate.parse(value);
      if (date.isBefore(LocalDate.now(clock))) {
        errors.put(field, "must not be in the past");
        return null;
      }
      return date;
    } catch (DateTimeParseException e) {
      errors.put(field, "must be a date like 2026-12-31");
      return null;
    }
  }

  <E> E requiredCode(String field, Function<String, E> fromCode, String codes) {
    String value = requiredText(field, 32);
    if (value == null) {
      return null;
    }
    try {
      return fromCode.apply(value);
    } catch (IllegalArgumentException e) {
      errors.put(field, "must be one of " + codes);
      return null;
    }
  }

  /**
   * A reason from the step's controlled list and its note, both required; what is wrong is collected under the
   * fields' names. Returns null when the code is missing or not in the list.
   */
  Reason reason(ControlledReasons reasons, String step, String codeField, String noteField) {
    return reasons.check(step, variables.get(codeField), codeField, variables.get(noteField), noteField, errors);
  }

  void reject(String field, String message) {
    errors.put(field, message);
  }

  /** Throws when any field broke a rule. */
  void check() {
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
  }
}
