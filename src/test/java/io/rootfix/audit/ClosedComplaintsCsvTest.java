package io.rootfix.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The CSV export: RFC 4180 quoting, and no formulas from a customer's words in an auditor's spreadsheet. */
class ClosedComplaintsCsvTest {

  @Test
  void fieldsWithCommasQuotesOrLineBreaksAreQuotedAndQuotesDoubled() {
    assertThat(ClosedComplaintsCsv.escape("plain")).isEqualTo("plain");
    assertThat(ClosedComplaintsCsv.escape("a, b")).isEqualTo("\"a, b\"");
    assertThat(ClosedComplaintsCsv.escape("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(ClosedComplaintsCsv.escape("two\nlines")).isEqualTo("\"two\nlines\"");
    assertThat(ClosedComplaintsCsv.escape("cr\rlf")).isEqualTo("\"cr\rlf\"");
  }

  @Test
  void textAForeignSpreadsheetWouldRunAsAFormulaIsDefused() {
    assertThat(ClosedComplaintsCsv.text("=HYPERLINK(\"http://evil\")")).isEqualTo("'=HYPERLINK(\"http://evil\")");
    assertThat(ClosedComplaintsCsv.text("+31 6 1234")).isEqualTo("'+31 6 1234");
    assertThat(ClosedComplaintsCsv.text("-1")).isEqualTo("'-1");
    assertThat(ClosedComplaintsCsv.text("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(ClosedComplaintsCsv.text("Eva")).isEqualTo("Eva");
  }

  @Test
  void aRowHasEveryColumnOfTheHeaderInOrder() {
    ClosedComplaints.Figures figures = new ClosedComplaints.Figures("RF-2026-000001", 7L, "=cmd|' /C calc'!A0",
        "delivery", "web", Instant.parse("2026-11-02T09:00:00Z"), Instant.parse("2026-11-05T15:30:00Z"), 3, 2, 1, 1, 0,
        new BigDecimal("25.00"), 1, 4L, "Weak packaging", "Stronger boxes, from now on", null, true);

    String[] lines = ClosedComplaintsCsv.write(List.of(figures)).split("\r\n", -1);

    assertThat(lines).hasSize(3);
    assertThat(lines[2]).isEmpty();
    assertThat(lines[0]).isEqualTo("trackingNumber,customerId,customerName,category,channel,receivedAt,closedAt,"
        + "daysOpen,promisesMade,promisesKept,promisesRenegotiated,promisesBroken,remedyTotal,reopened,rootCauseId,"
        + "rootCause,fix,closingNote,sealed");
    assertThat(lines[1]).isEqualTo("RF-2026-000001,7,'=cmd|' /C calc'!A0,delivery,web,2026-11-02T09:00:00Z,"
        + "2026-11-05T15:30:00Z,3,2,1,1,0,25.00,1,4,Weak packaging,\"Stronger boxes, from now on\",,true");
  }
}
