package io.rootfix.audit;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The list of closed complaints as CSV (RFC 4180): a header row, comma-separated, CRLF line ends, a field
 * quoted when it holds a comma, quote or line break, quotes doubled. Text that a spreadsheet would take
 * for a formula (starting with =, +, -, @, tab or CR) gets a leading apostrophe, so a customer's words
 * never run as one on an auditor's machine.
 */
final class ClosedComplaintsCsv {

  static final List<String> HEADER = List.of("trackingNumber", "customerId", "customerName", "category", "channel",
      "receivedAt", "closedAt", "daysOpen", "promisesMade", "promisesKept", "promisesRenegotiated", "promisesBroken",
      "remedyTotal", "reopened", "rootCauseId", "rootCause", "fix", "closingNote", "sealed");

  private ClosedComplaintsCsv() {}

  static String write(List<ClosedComplaints.Figures> rows) {
    StringBuilder csv = new StringBuilder(line(HEADER.stream()));
    for (ClosedComplaints.Figures f : rows) {
      csv.append(line(Stream.of(f.trackingNumber(), f.customerId(), text(f.customerName()), f.category(), f.channel(),
          f.receivedAt(), f.closedAt(), f.daysOpen(), f.promisesMade(), f.promisesKept(), f.promisesRenegotiated(),
          f.promisesBroken(), f.remedyTotal().toPlainString(), f.reopened(), f.rootCauseId(), text(f.rootCause()),
          text(f.fix()), text(f.closingNote()), f.sealed())));
    }
    return csv.toString();
  }

  private static String line(Stream<?> fields) {
    return fields.map(field -> field == null ? "" : escape(Objects.toString(field))).collect(Collectors.joining(","))
        + "\r\n";
  }

  static String escape(String field) {
    if (field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r")) {
      return '"' + field.replace("\"", "\"\"") + '"';
    }
    return field;
  }

  /** Free text: defused against formula injection. */
  static String text(String value) {
    if (value == null || value.isEmpty()) {
      return value;
    }
    return "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
  }
}
