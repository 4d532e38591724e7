package io.rootfix.audit;

import io.rootfix.support.BusinessDay;
import static org.assertj.core.api.Assertions.assertThat;

import io.rootfix.complaint.ComplaintProcess.Element;
import io.rootfix.complaint.ComplaintProcess.Var;
import io.rootfix.support.RootfixIntegrationTest;
import jakarta.persistence.EntityManagerFactory;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Auditors list closed complaints with their key figures, as JSON or CSV, by period, customer or number. */
class ClosedComplaintsTest extends RootfixIntegrationTest {

  private static final String TODAY = BusinessDay.today().toString();

  @Autowired
  private ClosedComplaints closedComplaints;

  @Autowired
  private EntityManagerFactory entityManagerFactory;

  @Test
  void aClosedComplaintIsListedWithItsKeyFigures() {
    String email = newEmail();
    String trackingNumber = closedComplaint(email, "Eva \\\"Evie\\\" de Wit, Jr.");
    String title = jdbc.queryForObject("select title from root_cause where id = ?", String.class,
        rootCauseOf(trackingNumber));

    Map<String, Object> page = as(AUDITOR).getForObject(
        "/api/audit/complaints?closedFrom={from}&closedTo={to}&customer={email}", Map.class, TODAY, TODAY, email);

    assertThat(page).containsEntry("closedFrom", TODAY).containsEntry("closedTo", TODAY).containsEntry("total", 1)
        .containsEntry("page", 0).containsEntry("size", 100);
    assertThat((List<Map<String, Object>>) page.get("complaints")).singleElement().satisfies(figures -> assertThat(figures)
        .containsEntry("trackingNumber", trackingNumber)
        .containsEntry("customerName", "Eva \"Evie\" de Wit, Jr.")
        .containsEntry("daysOpen", 0)
        .containsEntry("promisesMade", 2)
        .containsEntry("promisesKept", 2)
        .containsEntry("promisesRenegotiated", 0)
        .containsEntry("promisesBroken", 0)
        .containsEntry("remedyTotal", 42.5)
        .containsEntry("reopened", 0)
        .containsEntry("rootCause", title)
        .containsEntry("fix", "Stronger boxes")
        .containsEntry("sealed", true));

    Map<String, Object> byNumber = as(AUDITOR).getForObject("/api/audit/complaints?trackingNumber={tn}", Map.class,
        trackingNumber);
    assertThat((List<Map<String, Object>>) byNumber.get("complaints")).extracting(c -> c.get("trackingNumber"))
        .containsExactly(trackingNumber);
    Map<String, Object> yesterday = as(AUDITOR).getForObject("/api/audit/complaints?closedTo={to}&trackingNumber={tn}",
        Map.class, BusinessDay.today().minusDays(1), trackingNumber);
    assertThat(yesterday).containsEntry("total", 0);
  }

  @Test
  void theListExportsAsCsvWithEscapingAndAFileName() {
    String email = newEmail();
    String trackingNumber = closedComplaint(email, "Eva \\\"Evie\\\" de Wit, Jr.");

    HttpHeaders accept = new HttpHeaders();
    accept.setAccept(List.of(MediaType.parseMediaType("text/csv")));
    ResponseEntity<String> byAccept = as(AUDITOR).exchange("/api/audit/complaints?closedFrom={d}&closedTo={d}&customer={e}",
        HttpMethod.GET, new HttpEntity<>(accept), String.class, TODAY, TODAY, email);
    ResponseEntity<String> byFormat = as(AUDITOR).getForEntity(
        "/api/audit/complaints?closedFrom={d}&closedTo={d}&customer={e}&format=csv", String.class, TODAY, TODAY, email);

    for (ResponseEntity<String> csv : List.of(byAccept, byFormat)) {
      assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
      assertThat(csv.getHeaders().getContentType().isCompatibleWith(MediaType.parseMediaType("text/csv"))).isTrue();
      assertThat(csv.getHeaders().getContentDisposition().getType()).isEqualTo("attachment");
      assertThat(csv.getHeaders().getContentDisposition().getFilename())
          .isEqualTo("closed-complaints-from-" + TODAY + "-to-" + TODAY + ".csv");
      String[] lines = csv.getBody().split("\r\n");
      assertThat(lines).hasSize(2);
      assertThat(lines[0]).isEqualTo(String.join(",", ClosedComplaintsCsv.HEADER));
      assertThat(lines[1]).startsWith(trackingNumber + ",")
          .contains(",\"Eva \"\"Evie\"\" de Wit, Jr.\",delivery,web,")
          .contains(",Stronger boxes,")
          .endsWith(",true");
    }
    assertThat(as(AUDITOR).getForObject("/api/audit/complaints?format=json&trackingNumber={tn}", Map.class,
        trackingNumber)).containsEntry("total", 1);
  }

  @Test
  void badParametersAreRefusedNamingTheParameter() {
    assertBadRequest("/api/audit/complaints?closedFrom=2026-13-01", "closedFrom");
    assertBadRequest("/api/audit/complaints?closedTo=yesterday", "closedTo");
    assertBadRequest("/api/audit/complaints?closedFrom=2026-12-02&closedTo=2026-12-01", "closedFrom");
    assertBadRequest("/api/audit/complaints?size=5000", "size");
    assertBadRequest("/api/audit/complaints?page=-1", "page");
    assertBadRequest("/api/audit/complaints?format=xml", "format");
  }

  @Test
  void onePageCostsAFixedHandfulOfQueriesHoweverManyComplaintsItHolds() {
    for (int i = 0; i < 3; i++) {
      closedComplaint(newEmail(), "Eva de Wit");
    }
    Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
    statistics.setStatisticsEnabled(true);
    try {
      statistics.clear();
      ClosedComplaints.Page page = closedComplaints.find(new ClosedComplaints.Criteria(BusinessDay.today(), BusinessDay.today(),
          null, null, 0, ClosedComplaints.MAX_PAGE_SIZE));

      assertThat(page.complaints()).hasSizeGreaterThanOrEqualTo(3);
      // count, the page (with its customers), promises, remedies, root causes, seals
      assertThat(statistics.getPrepareStatementCount()).isLessThanOrEqualTo(6);
    } finally {
      statistics.setStatisticsEnabled(false);
    }
  }

  private void assertBadRequest(String url, String parameter) {
    ResponseEntity<Map> response = as(AUDITOR).getForEntity(url, Map.class);
    assertThat(response.getStatusCode()).as(url).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((List<Map<String, Object>>) response.getBody().get("errors")).as(url)
        .anySatisfy(error -> assertThat(error).containsEntry("field", parameter));
  }

  /** A complaint of a new customer through the whole lifecycle, with a replacement shipped and a root cause fixed. */
  private String closedComplaint(String email, String customerName) {
    ResponseEntity<Map> response = postComplaint(intake(email, newPhone()).replace("Eva de Wit", customerName)
        .replace("\"desiredOutcome\": \"replacement\"", "\"desiredOutcome\": \"replacement\", \"amount\": 42.50"));
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String trackingNumber = (String) response.getBody().get("trackingNumber");
    agreeExpectation(trackingNumber, PROMISED);
    executeDueJobs(); // the replacement ships
    submit(trackingNumber, Element.PATCH_SYMPTOM, Map.of(Var.PATCH_DESCRIPTION, "Sent a replacement"));
    findCauseAndReport(trackingNumber);
    submit(trackingNumber, Element.RECORD_CUSTOMER_CONFIRMATION, Map.of(Var.RESOLVED, "true"));
    executeDueJobs();
    return trackingNumber;
  }
}
