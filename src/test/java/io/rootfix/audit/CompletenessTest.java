package io.rootfix.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.rootfix.support.RootfixIntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The completeness check sees what a crash, a restore or a hand-made change could leave behind: each
 * inconsistency is made here directly in the database or the engine, as such a day would leave it, and the
 * auditors' check must name it with what to do. Each test puts the suite's shared database back as it was.
 */
class CompletenessTest extends RootfixIntegrationTest {

  private static final String GONE = "RF-1999-999999";

  @Test
  void aMessageToTheCustomerNamingATrackingNumberNoComplaintHasIsReported() {
    String trackingNumber = receive();
    agreeExpectation(trackingNumber, PROMISED);
    assertThat(findingsFor(GONE)).isEmpty();
    jdbc.update("update customer_message set tracking_number = ? where tracking_number = ?", GONE, trackingNumber);
    try {
      List<Map<String, Object>> findings = findingsFor(GONE);

      assertThat(findings).isNotEmpty().allSatisfy(finding -> {
        assertThat(finding).containsEntry("kind", "UNKNOWN_TRACKING_NUMBER");
        assertThat((String) finding.get("found")).startsWith("message ");
        assertThat((String) finding.get("whatToDo")).contains("backup");
      });
      assertThat(completeness()).containsEntry("complete", false);
    } finally {
      jdbc.update("update customer_message set tracking_number = ? where tracking_number = ?", trackingNumber, GONE);
    }
    assertThat(findingsFor(GONE)).isEmpty();
  }

  @Test
  void anOpenComplaintWhoseProcessInstanceIsGoneIsReported() {
    String trackingNumber = receive();
    String instance = jdbc.queryForObject("select process_instance_id from complaint where tracking_number = ?",
        String.class, trackingNumber);
    assertThat(findingsFor(trackingNumber)).isEmpty();
    jdbc.update("update complaint set process_instance_id = 'lost-in-a-crash' where tracking_number = ?", trackingNumber);
    try {
      assertThat(findingsFor(trackingNumber)).singleElement().satisfies(finding -> {
        assertThat(finding).containsEntry("kind", "COMPLAINT_WITHOUT_PROCESS");
        assertThat((String) finding.get("found")).contains("lost-in-a-crash");
        assertThat((String) finding.get("whatToDo")).isNotBlank();
      });
      assertThat((List<String>) completeness().get("openWithoutAnythingToMoveThem"))
          .as("reported once, with what to do").doesNotContain(trackingNumber);
    } finally {
      jdbc.update("update complaint set process_instance_id = ? where tracking_number = ?", instance, trackingNumber);
    }
    assertThat(findingsFor(trackingNumber)).isEmpty();
  }

  @Test
  void anOpenComplaintWhoseProcessEndedWithoutClosingItIsReported() {
    String trackingNumber = receive();
    String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(trackingNumber)
        .singleResult().getId();
    runtimeService.deleteProcessInstance(instance, "cancelled by hand");
    try {
      assertThat(findingsFor(trackingNumber)).singleElement().satisfies(finding -> {
        assertThat(finding).containsEntry("kind", "PROCESS_ENDED_WITHOUT_CLOSING");
        assertThat((String) finding.get("found")).contains(instance).contains("cancelled by hand");
        assertThat((String) finding.get("whatToDo")).contains("Cockpit");
      });
    } finally {
      // A complaint just received from the web has nothing else that points at it but its acknowledgement.
      jdbc.update("delete from customer_message where tracking_number = ?", trackingNumber);
      jdbc.update("delete from complaint where tracking_number = ?", trackingNumber);
    }
    assertThat(findingsFor(trackingNumber)).isEmpty();
  }

  @Test
  void aRunningComplaintProcessWithoutItsComplaintRowIsReported() {
    String trackingNumber = receive();
    String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(trackingNumber)
        .singleResult().getId();
    jdbc.update("delete from customer_message where tracking_number = ?", trackingNumber);
    jdbc.update("delete from complaint where tracking_number = ?", trackingNumber);
    try {
      assertThat(findingsFor(trackingNumber)).singleElement().satisfies(finding -> {
        assertThat(finding).containsEntry("kind", "PROCESS_WITHOUT_COMPLAINT");
        assertThat((String) finding.get("found")).contains(instance);
        assertThat((String) finding.get("whatToDo")).contains("backup");
      });
    } finally {
      runtimeService.deleteProcessInstance(instance, "test over");
    }
    assertThat(findingsFor(trackingNumber)).isEmpty();
  }

  @Test
  void aPromiseOpenOnAClosedComplaintIsReported() {
    String trackingNumber = receive();
    agreeExpectation(trackingNumber, PROMISED);
    String state = jdbc.queryForObject("select state from complaint where tracking_number = ?", String.class,
        trackingNumber);
    assertThat(jdbc.queryForObject("select count(*) from promise where tracking_number = ? and state = 'OPEN'",
        Long.class, trackingNumber)).as("the answer promise").isOne();
    jdbc.update("update complaint set state = 'CLOSED' where tracking_number = ?", trackingNumber);
    try {
      assertThat(findingsFor(trackingNumber)).singleElement().satisfies(finding -> {
        assertThat(finding).containsEntry("kind", "PROMISE_OPEN_ON_CLOSED_COMPLAINT");
        assertThat((String) finding.get("found")).startsWith("answer promise ");
        assertThat((String) finding.get("whatToDo")).contains("kept or broken");
      });
    } finally {
      jdbc.update("update complaint set state = ? where tracking_number = ?", state, trackingNumber);
    }
    assertThat(findingsFor(trackingNumber)).isEmpty();
  }

  @Test
  void onlyAuditorsAndAdminsMayRunTheCheck() {
    assertThat(as(AGENT).getForEntity("/api/audit/completeness", Map.class).getStatusCode().value()).isEqualTo(403);
    assertThat(http.getForEntity("/api/audit/completeness", Map.class).getStatusCode().value()).isEqualTo(401);
  }

  private List<Map<String, Object>> findingsFor(String trackingNumber) {
    List<Map<String, Object>> all = (List<Map<String, Object>>) completeness().get("inconsistencies");
    return all.stream().filter(finding -> trackingNumber.equals(finding.get("trackingNumber"))).toList();
  }

  private Map<String, Object> completeness() {
    return as(AUDITOR).getForObject("/api/audit/completeness", Map.class);
  }
}
