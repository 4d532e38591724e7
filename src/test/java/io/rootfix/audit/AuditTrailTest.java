package io.rootfix.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.rootfix.complaint.ComplaintProcess.Element;
import io.rootfix.complaint.ComplaintProcess.Var;
import io.rootfix.support.RootfixIntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Auditors trace a closed complaint step by step, and nothing disappears. */
class AuditTrailTest extends RootfixIntegrationTest {

  @Test
  void aClosedComplaintsTrailHasEveryStepActorAndValueInOrder() {
    String trackingNumber = receiveAndPatch();
    findCauseAndReport(trackingNumber);
    submit(trackingNumber, Element.RECORD_CUSTOMER_CONFIRMATION, Map.of(Var.RESOLVED, "true"));
    executeDueJobs();

    List<Map<String, Object>> trail = as(AUDITOR).getForObject("/api/audit/complaints/" + trackingNumber, List.class);

    List<String> what = trail.stream().map(e -> (String) e.get("what")).toList();
    assertThat(what).containsSubsequence("Complaint received", "Completed: Agree expectation",
        "Completed: Patch the symptom", "Completed: Find the root cause", "Root cause fixed",
        "Completed: Report back to the customer", "Completed: Record the customer's confirmation", "Complaint closed");
    // Made and kept in the same transactions as the steps above, to the millisecond:
    assertThat(what).contains("Promise made", "Promise kept", "Root cause reported", "Message to the customer");
    assertThat(trail).anySatisfy(e -> assertThat(e).containsEntry("what", "Completed: Agree expectation")
        .containsEntry("actor", AGENT));
    assertThat(trail).anySatisfy(e -> assertThat(e).containsEntry("what", "Value set: agreedAnswerDate")
        .containsEntry("details", PROMISED));
    assertThat(trail).anySatisfy(e -> assertThat(e).containsEntry("what", "Root cause fixed")
        .containsEntry("actor", LEAD));
    assertThat(trail.stream().map(e -> (String) e.get("time")).toList()).isSorted();
  }

  @Test
  void theCompletenessCheckIsEmptyAfterFullRunsAndFindsAStuckComplaint() {
    String closed = receiveAndPatch();
    findCauseAndReport(closed);
    submit(closed, Element.RECORD_CUSTOMER_CONFIRMATION, Map.of(Var.RESOLVED, "true"));
    executeDueJobs();
    assertThat(completeness()).isEqualTo(Map.of("openWithoutAnythingToMoveThem", List.of(),
        "closedWithoutReport", List.of(), "complete", true));

    String stuck = receive();
    String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(stuck).singleResult().getId();
    runtimeService.deleteProcessInstance(instance, "deliberately stuck for the test");

    assertThat((List<String>) completeness().get("openWithoutAnythingToMoveThem")).containsExactly(stuck);
    assertThat(as(AGENT).getForEntity("/api/audit/completeness", Map.class).getStatusCode().value()).isEqualTo(403);
  }

  private Map<String, Object> completeness() {
    return as(AUDITOR).getForObject("/api/audit/completeness", Map.class);
  }
}
