package io.rootfix.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.rootfix.complaint.ComplaintProcess;
import io.rootfix.complaint.ComplaintProcess.Element;
import io.rootfix.complaint.ComplaintProcess.Var;
import io.rootfix.support.RootfixIntegrationTest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** Auditors trace a closed complaint step by step, and nothing disappears. */
class AuditTrailTest extends RootfixIntegrationTest {

  @Test
  void aClosedComplaintsTrailHasEveryStepActorAndValueInOrder() {
    String trackingNumber = receiveAndPatch();
    List<Map<String, Object>> promises = as(AGENT).getForObject("/api/complaints/" + trackingNumber + "/promises",
        List.class);
    Object answerPromise = promises.get(0).get("id");
    Instant newDue = LocalDate.parse(PROMISED).plusDays(3).atTime(12, 0).toInstant(ZoneOffset.UTC);
    assertThat(as(AGENT).postForEntity("/api/promises/" + answerPromise + "/renegotiation",
        json("{\"newDueAt\": \"%s\", \"reason\": \"The replacement part arrives later\"}".formatted(newDue)),
        Map.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    findCauseAndReport(trackingNumber);
    submit(trackingNumber, Element.RECORD_CUSTOMER_CONFIRMATION, Map.of(Var.RESOLVED, "true"));
    executeDueJobs();

    List<Map<String, Object>> trail = as(AUDITOR).getForObject("/api/audit/complaints/" + trackingNumber, List.class);

    // Every step in order, each by whom: the agent, the team lead who fixed, the other who verified, the system.
    List<String> steps = trail.stream().map(e -> e.get("what") + " | " + e.get("actor")).toList();
    assertThat(steps).containsSubsequence(
        "Complaint received | system",
        "Completed: Agree expectation | " + AGENT,
        "Completed: Patch the symptom | " + AGENT,
        "Promise renegotiated | " + AGENT,
        "Completed: Find the root cause | " + AGENT,
        "Completed: Investigate the root cause | " + LEAD,
        "Completed: Fix fundamentally | " + LEAD,
        "Completed: Verify the fix | " + SECOND_LEAD,
        "Completed: Report back to the customer | " + AGENT,
        "Completed: Record the customer's confirmation | " + AGENT,
        "Complaint closed | system");
    // The values submitted, in the order they were given.
    List<String> values = trail.stream().filter(e -> ((String) e.get("what")).startsWith("Value set: "))
        .map(e -> e.get("what") + " = " + e.get("details")).toList();
    assertThat(values).containsSubsequence(
        "Value set: agreedAnswerDate = " + PROMISED,
        "Value set: patchDescription = Sent a replacement",
        "Value set: rootCauseDescription = Weak packaging",
        "Value set: fixDescription = Stronger boxes",
        "Value set: answerText = We changed our boxes.",
        "Value set: resolved = true");
    // Rootfix's records, made in the same transactions as the steps above (to the millisecond):
    assertThat(trail).anySatisfy(e -> assertThat(e).containsEntry("what", "Promise made").containsEntry("actor", AGENT));
    assertThat(trail).anySatisfy(e -> assertThat(e).containsEntry("what", "Promise renegotiated")
        .containsEntry("actor", AGENT)
        .containsEntry("details", Instant.parse((String) promises.get(0).get("dueAt")) + " → " + newDue
            + ": The replacement part arrives later (customer told in time)"));
    // Kept at the renegotiated date, by the report back.
    assertThat(trail).filteredOn(e -> "Promise renegotiated".equals(e.get("what"))).hasSize(2)
        .anySatisfy(e -> assertThat(e).containsEntry("actor", "system"));
    assertThat(trail).anySatisfy(e -> assertThat(e).containsEntry("what", "Root cause reported")
        .containsEntry("actor", AGENT).satisfies(r -> assertThat((String) r.get("details")).startsWith("RC-")));
    assertThat(trail).anySatisfy(e -> assertThat(e).containsEntry("what", "Root cause fixed")
        .containsEntry("actor", LEAD).containsEntry("details", "Stronger boxes (verified by " + SECOND_LEAD + ")"));
    assertThat(trail).filteredOn(e -> "Message to the customer".equals(e.get("what"))).isNotEmpty()
        .anySatisfy(e -> assertThat((String) e.get("details")).startsWith("REPORT by"));
    assertThat(trail).anySatisfy(e -> assertThat(e).containsEntry("what", "Answer sent").containsEntry("actor", AGENT)
        .satisfies(a -> assertThat((String) a.get("details")).startsWith("by email to ").endsWith("We changed our boxes.")));
    assertThat(trail.stream().map(e -> Instant.parse((String) e.get("time"))).toList()).isSorted();
  }

  @Test
  void theCompletenessCheckIsEmptyAfterFullRunsAndFindsAStuckComplaint() {
    String closed = receiveAndPatch();
    findCauseAndReport(closed);
    submit(closed, Element.RECORD_CUSTOMER_CONFIRMATION, Map.of(Var.RESOLVED, "true"));
    executeDueJobs();
    assertThat(completeness()).isEqualTo(Map.of("openWithoutAnythingToMoveThem", List.of(),
        "closedWithoutReport", List.of(), "inconsistencies", List.of(), "complete", true));

    String stuck = receive();
    String instance = runtimeService.createProcessInstanceQuery().processDefinitionKey(ComplaintProcess.KEY).processInstanceBusinessKey(stuck).singleResult().getId();
    runtimeService.deleteProcessInstance(instance, "deliberately stuck for the test");

    // Nothing can move it any more: its process ended without closing it (CompletenessTest has the other kinds).
    assertThat((List<Map<String, Object>>) completeness().get("inconsistencies"))
        .extracting(finding -> finding.get("trackingNumber") + " " + finding.get("kind"))
        .containsExactly(stuck + " PROCESS_ENDED_WITHOUT_CLOSING");
    assertThat(completeness()).containsEntry("complete", false);
    assertThat(as(AGENT).getForEntity("/api/audit/completeness", Map.class).getStatusCode().value()).isEqualTo(403);
    // The suite shares one database: the next check starts clean (a complaint just received from the web has
    // nothing else but its acknowledgement).
    jdbc.update("delete from customer_message where tracking_number = ?", stuck);
    jdbc.update("delete from complaint where tracking_number = ?", stuck);
  }

  private Map<String, Object> completeness() {
    return as(AUDITOR).getForObject("/api/audit/completeness", Map.class);
  }
}
