package io.rootfix.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** Dates as Camunda Forms submit them: {@code 2026-12-31T14:00} (no zone) or a plain date. */
public final class FormDates {

  private FormDates() {}

  /**
   * The moment in the customer's zone; a plain date means the end of that business day. Null for no
   * value; bad input fails naming the field.
   */
  public static Instant parse(Object value, String field, ZoneId zone, LocalTime endOfDay) {
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    String text = value.toString().trim();
    try {
      LocalDateTime dateTime = text.length() <= 10
          ? LocalDate.parse(text).atTime(endOfDay)
          : LocalDateTime.parse(text.length() > 16 ? text.substring(0, 16) : text);
      return dateTime.atZone(zone).toInstant();
    } catch (DateTimeParseException e) {
      throw InvalidInputException.of(field, "must be a date like 2026-12-31 or 2026-12-31T14:00");
    }
  }
}
