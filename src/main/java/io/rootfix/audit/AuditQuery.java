package io.rootfix.audit;

import io.rootfix.web.InvalidInputException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The search parameters of the list of closed complaints, as the API and the audit page take them. */
final class AuditQuery {

  static final int DEFAULT_PAGE_SIZE = 100;

  private AuditQuery() {}

  /** Reads and checks the parameters; every bad one is named in one 400. */
  static ClosedComplaints.Criteria criteria(String closedFrom, String closedTo, String customer, String trackingNumber,
      String page, String size, int defaultSize) {
    Map<String, String> errors = new LinkedHashMap<>();
    LocalDate from = date("closedFrom", closedFrom, errors);
    LocalDate to = date("closedTo", closedTo, errors);
    if (from != null && to != null && from.isAfter(to)) {
      errors.put("closedFrom", "must not be after closedTo");
    }
    int pageNumber = number("page", page, 0, 0, Integer.MAX_VALUE / ClosedComplaints.MAX_PAGE_SIZE, errors);
    int pageSize = number("size", size, defaultSize, 1, ClosedComplaints.MAX_PAGE_SIZE, errors);
    String customerText = text("customer", customer, 200, errors);
    String tracking = text("trackingNumber", trackingNumber, 20, errors);
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return new ClosedComplaints.Criteria(from, to, customerText, tracking, pageNumber, pageSize);
  }

  private static LocalDate date(String name, String value, Map<String, String> errors) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.trim());
    } catch (DateTimeParseException e) {
      errors.put(name, "must be a date like 2026-12-31");
      return null;
    }
  }

  private static int number(String name, String value, int fallback, int min, int max, Map<String, String> errors) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      int number = Integer.parseInt(value.trim());
      if (number >= min && number <= max) {
        return number;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    errors.put(name, "must be a whole number from " + min + " to " + max);
    return fallback;
  }

  private static String text(String name, String value, int maxLength, Map<String, String> errors) {
    if (value == null || value.isBlank()) {
      return null;
    }
    if (value.length() > maxLength) {
      errors.put(name, "must be at most " + maxLength + " characters");
      return null;
    }
    return value.trim();
  }
}
