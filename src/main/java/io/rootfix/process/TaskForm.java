package io.rootfix.process;

import io.rootfix.reason.ControlledReasons;
import io.rootfix.reason.Reason;
import io.rootfix.web.InvalidInputException;
import io.rootfix.web.NoControlCharacters;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * What a person submitted on a task form, read and checked on the server: the one reader every feature's task
 * listeners use. Camunda Forms and REST callers submit text that may be blank, booleans that may be strings
 * ("true", "yes", "false", "no" mean the same everywhere) and dates without a zone. The forms check the same
 * rules in the browser; this is the server's word for callers of the REST API. Collects every error, then
 * {@link #check()} fails naming each field; nothing is stored before that.
 */
public final class TaskForm {

  private final Map<String, Object> values;
  private final Clock clock;
  private final LocalTime endOfDay;
  private final Map<String, String> errors = new LinkedHashMap<>();

  /**
   * @param clock the engine's clock and the customer's zone
   * @param endOfDay what a plain date means as a deadline ({@code rootfix.promise.answer-due-time})
   */
  public TaskForm(Map<String, Object> values, Clock clock, LocalTime endOfDay) {
    this.values = values;
    this.clock = clock;
    this.endOfDay = endOfDay;
  }

  /** Whether the field has a non-blank value. */
  public boolean has(String field) {
    Object raw = values.get(field);
    return raw != null && !raw.toString().isBlank();
  }

  public String requiredText(String field, int maxLength) {
    String value = optionalText(field, maxLength);
    if (value == null && !errors.containsKey(field)) {
      errors.put(field, "is required");
    }
    return value;
  }

  /** As {@link #requiredText}, with the message the person sees when it is missing. */
  public String requiredText(String field, int maxLength, String whenMissing) {
    String value = optionalText(field, maxLength);
    if (value == null && !errors.containsKey(field)) {
      errors.put(field, whenMissing);
    }
    return value;
  }

  /** Trimmed text, or null for none. */
  public String optionalText(String field, int maxLength) {
    if (!has(field)) {
      return null;
    }
    String value = values.get(field).toString().trim();
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

  public Long requiredNumber(String field) {
    return requiredNumber(field, null);
  }

  /** A number, also when written with its prefix ("RC-12" for root cause 12). */
  public Long requiredNumber(String field, String prefix) {
    String value = requiredText(field, 20);
    if (value == null) {
      return null;
    }
    try {
      return Long.valueOf(prefix != null && value.startsWith(prefix) ? value.substring(prefix.length()) : value);
    } catch (NumberFormatException e) {
      errors.put(field, "must be a number");
      return null;
    }
  }

  /** A checkbox or yes/no: unset or blank is false. */
  public boolean flag(String field) {
    Object raw = values.get(field);
    if (raw instanceof Boolean b) {
      return b;
    }
    if (!has(field)) {
      return false;
    }
    return switch (raw.toString().trim().toLowerCase(Locale.ROOT)) {
      case "true", "yes" -> true;
      case "false", "no" -> false;
      default -> {
        errors.put(field, "must be true or false");
        yield false;
      }
    };
  }

  /** A yes/no the person must answer. */
  public Boolean requiredFlag(String field) {
    return requiredFlag(field, "is required (true or false)");
  }

  public Boolean requiredFlag(String field, String whenMissing) {
    if (!has(field)) {
      errors.put(field, whenMissing);
      return null;
    }
    return flag(field);
  }

  /** A yes/no whose blank means {@code whenBlank} (a checkbox that starts ticked). */
  public boolean flagOr(String field, boolean whenBlank) {
    return has(field) ? flag(field) : whenBlank;
  }

  public LocalDate requiredFutureDate(String field) {
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

  /**
   * A moment as Camunda Forms submit it ({@code 2026-12-31T14:00}, no zone) in the customer's zone; a plain date
   * means the end of that business day. Null when blank.
   */
  public Instant optionalMoment(String field) {
    if (!has(field)) {
      return null;
    }
    String text = values.get(field).toString().trim();
    try {
      LocalDateTime dateTime = text.length() <= 10
          ? LocalDate.parse(text).atTime(endOfDay)
          : LocalDateTime.parse(text.length() > 16 ? text.substring(0, 16) : text);
      return dateTime.atZone(clock.getZone()).toInstant();
    } catch (DateTimeParseException e) {
      errors.put(field, "must be a date like 2026-12-31 or 2026-12-31T14:00");
      return null;
    }
  }

  /** A moment, with the message the person sees when it is missing. */
  public Instant requiredMoment(String field, String whenMissing) {
    Instant moment = optionalMoment(field);
    if (moment == null && !errors.containsKey(field)) {
      errors.put(field, whenMissing);
    }
    return moment;
  }

  /** A moment still ahead; {@code whenMissing} also when it is not in the future. */
  public Instant requiredFutureMoment(String field, String whenMissing) {
    Instant moment = optionalMoment(field);
    if (moment == null && !errors.containsKey(field)) {
      errors.put(field, whenMissing);
    } else if (moment != null && !moment.isAfter(Instant.now(clock))) {
      errors.put(field, whenMissing);
      return null;
    }
    return moment;
  }

  public <E> E requiredCode(String field, Function<String, E> fromCode, String codes) {
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
  public Reason reason(ControlledReasons reasons, String step, String codeField, String noteField) {
    return reasons.check(step, values.get(codeField), codeField, values.get(noteField), noteField, errors);
  }

  public void reject(String field, String message) {
    errors.put(field, message);
  }

  /** Throws when any field broke a rule. */
  public void check() {
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
  }

  public static String shorten(String text, int length) {
    return text.length() <= length ? text : text.substring(0, length - 1) + "…";
  }
}
