package io.rootfix.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import io.rootfix.complaint.ComplaintProcess.Element;
import io.rootfix.complaint.ComplaintProcess.Var;
import io.rootfix.promise.PromiseType;
import io.rootfix.promise.PromiseView;
import io.rootfix.remedy.RemedyProcess;
import io.rootfix.support.RootfixIntegrationTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The complaint's tasks and its remedy's approval are due when the answer promise is due, read from the complaint
 * row as each task is created ({@link AnswerDueFromComplaint}): no process keeps a copy that could say something else.
 */
class AnswerDueFromComplaintTest extends RootfixIntegrationTest {

  @Autowired
  HistoryService historyService;

  @Autowired
  ComplaintService complaints;

  @Autowired
  ComplaintRepository complaintRows;

  @Test
  void everyTaskIsDueWithTheAnswerPromiseAndNoProcessKeepsTheDate() {
    String trackingNumber = receiveAndPatch();
    Instant promised = answerPromise(trackingNumber).dueAt();

    assertThat(complaint(trackingNumber).getAnswerDueAt()).isEqualTo(promised);
    assertThat(dueOf(trackingNumber, Element.FIND_ROOT_CAUSE)).isEqualTo(promised);
    String[] complaintAndRemedy = historyService.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(trackingNumber).list().stream().map(p -> p.getId()).toArray(String[]::new);
    assertThat(complaintAndRemedy).hasSize(2);
    assertThat(historyService.createHistoricVariableInstanceQuery().variableName(Var.ANSWER_DUE_DATE)
        .processInstanceIdIn(complaintAndRemedy).includeDeleted().count())
        .as("no variable of the date, nor its history, in the complaint or its remedy").isZero();
  }

  @Test
  void theRemedysApprovalIsDueWithTheAnswerWithoutBeingHandedTheDate() {
    ResponseEntity<Map> response = postComplaint("""
        {"customerName": "Eva de Wit", "customerEmail": "%s", "channel": "web", "category": "product",
         "description": "The vase arrived broken.", "desiredOutcome": "refund", "amount": 750}"""
        .formatted(newEmail()));
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String trackingNumber = (String) response.getBody().get("trackingNumber");
    agreeExpectation(trackingNumber, PROMISED);

    assertThat(dueOf(trackingNumber, RemedyProcess.Element.APPROVE_REMEDY))
        .isEqualTo(answerPromise(trackingNumber).dueAt());
    String remedy = taskService.createTaskQuery().processInstanceBusinessKey(trackingNumber)
        .taskDefinitionKey(RemedyProcess.Element.APPROVE_REMEDY).singleResult().getProcessInstanceId();
    assertThat(runtimeService.getVariables(remedy)).doesNotContainKey(RemedyProcess.Var.ANSWER_DUE_DATE);
  }

  /** The promise moves: the open task follows, and a task created later is due on the new date, from the row. */
  @Test
  void aMovedAnswerPromiseMovesTheOpenTasksAndTheNextOnes() {
    String trackingNumber = receive();
    agreeExpectation(trackingNumber, PROMISED);
    PromiseView answer = answerPromise(trackingNumber);
    Instant later = answer.dueAt().plus(Duration.ofDays(3));

    ResponseEntity<Map> moved = as(AGENT).postForEntity("/api/promises/" + answer.id() + "/renegotiation",
        json("{\"newDueAt\": \"%s\", \"reason\": \"The customer is away until then\"}".formatted(later)), Map.class);
    assertThat(moved.getStatusCode()).isEqualTo(HttpStatus.OK);

    assertThat(dueOf(trackingNumber, Element.PATCH_SYMPTOM)).as("the open task").isEqualTo(later);
    submit(trackingNumber, Element.PATCH_SYMPTOM, Map.of(Var.PATCH_DESCRIPTION, "Sent a replacement"));
    assertThat(dueOf(trackingNumber, Element.FIND_ROOT_CAUSE)).as("the next task").isEqualTo(later);
  }

  /**
   * A date set by hand on the instance (what Cockpit or REST allow with rights on it) does not move a deadline the
   * complaint row holds; a complaint agreed before the row had the date goes on with its variable.
   */
  @Test
  void theRowDecidesAndAnOlderComplaintGoesOnWithItsVariable() {
    String trackingNumber = receive();
    agreeExpectation(trackingNumber, PROMISED);
    String instance = instanceOf(trackingNumber);
    Instant promised = answerPromise(trackingNumber).dueAt();

    runtimeService.setVariable(instance, Var.ANSWER_DUE_DATE, Date.from(promised.plus(Duration.ofDays(300))));
    submit(trackingNumber, Element.PATCH_SYMPTOM, Map.of(Var.PATCH_DESCRIPTION, "Sent a replacement"));
    assertThat(dueOf(trackingNumber, Element.FIND_ROOT_CAUSE)).as("the row's, not the copy's").isEqualTo(promised);

    // As a complaint agreed before 8 December 2026: the column empty, the variable the process was given then.
    String older = receive();
    agreeExpectation(older, PROMISED);
    jdbc.update("update complaint set answer_due_at = null where tracking_number = ?", older);
    Instant agreedThen = Instant.parse("2030-01-02T16:00:00Z");
    runtimeService.setVariable(instanceOf(older), Var.ANSWER_DUE_DATE, Date.from(agreedThen));
    submit(older, Element.PATCH_SYMPTOM, Map.of(Var.PATCH_DESCRIPTION, "Sent a replacement"));
    assertThat(dueOf(older, Element.FIND_ROOT_CAUSE)).isEqualTo(agreedThen);
    assertThat(jdbc.queryForObject("select answer_due_at from complaint where tracking_number = ?", Timestamp.class,
        older)).as("nothing filled in behind its back").isNull();
  }

  private Instant dueOf(String trackingNumber, String taskKey) {
    List<Task> tasks = taskService.createTaskQuery().processInstanceBusinessKey(trackingNumber)
        .taskDefinitionKey(taskKey).list();
    assertThat(tasks).as(taskKey).hasSize(1);
    assertThat(tasks.get(0).getDueDate()).as("%s has a due date", taskKey).isNotNull();
    return tasks.get(0).getDueDate().toInstant().truncatedTo(ChronoUnit.MILLIS);
  }

  private PromiseView answerPromise(String trackingNumber) {
    return complaints.openPromises(complaintId(trackingNumber)).stream()
        .filter(promise -> promise.type() == PromiseType.ANSWER).findFirst().orElseThrow();
  }

  private Complaint complaint(String trackingNumber) {
    return complaintRows.findByTrackingNumber(trackingNumber).orElseThrow();
  }

  private String instanceOf(String trackingNumber) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(ComplaintProcess.KEY)
        .processInstanceBusinessKey(trackingNumber).singleResult().getId();
  }
}
