package io.rootfix.complaint;

import io.rootfix.support.BusinessDay;
import static org.assertj.core.api.Assertions.assertThat;

import io.rootfix.complaint.ComplaintProcess.Element;
import io.rootfix.complaint.ComplaintProcess.Var;
import io.rootfix.notify.CustomerMessage;
import io.rootfix.notify.MessageKind;
import io.rootfix.notify.Outbox;
import io.rootfix.reason.ReasonStep;
import io.rootfix.support.RootfixIntegrationTest;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Drafting and sending are two steps: the answer-review policy decides whether a team lead reads the draft first.
 * Every answer sent leaves its evidence: the exact text, the channel and the time, with its outbox message.
 */
class AnswerReviewTest extends RootfixIntegrationTest {

  @Autowired
  ComplaintRepository complaints;

  @Autowired
  AnswerEvidenceRepository evidence;

  @Autowired
  Outbox outbox;

  @Test
  void aRoutineAnswerIsSentDirectlyAndItsEvidenceKept() {
    String trackingNumber = receiveCausedAndFixed(intake());

    submit(trackingNumber, Element.REPORT_BACK, Map.of(Var.ANSWER_TEXT, "We pack every vase in a moulded box now."));

    Complaint drafted = complaint(trackingNumber);
    assertThat(drafted.getState()).as("stored, not sent yet").isEqualTo(ComplaintState.IN_PROGRESS);
    assertThat(drafted.getAnswerDraft()).isEqualTo("We pack every vase in a moulded box now.");
    assertThat(openTaskKeys(trackingNumber)).doesNotContain(Element.REVIEW_ANSWER);
    assertThat(reports(drafted)).isEmpty();

    executeDueJobs(); // sending, asynchronous

    Complaint reported = complaint(trackingNumber);
    assertThat(reported.getState()).isEqualTo(ComplaintState.REPORTED);
    assertThat(reported.getSeverity()).as("no severity at intake: normal").isEqualTo(Severity.NORMAL);
    assertThat(openTaskKeys(trackingNumber)).containsExactly(Element.RECORD_CUSTOMER_CONFIRMATION);
    CustomerMessage report = reports(reported).get(0);
    List<AnswerEvidence> answers = evidence.findByComplaint_IdOrderBySentAtAscCustomerMessageIdAsc(reported.getId());
    assertThat(answers).singleElement().satisfies(answer -> {
      assertThat(answer.getCustomerMessageId()).isEqualTo(report.getId());
      assertThat(answer.getSentText()).isEqualTo(report.getBody()).contains("We pack every vase in a moulded box now.");
      assertThat(answer.getChannel()).isEqualTo("email");
      assertThat(answer.getRecipient()).isEqualTo(reported.getContactEmail());
      assertThat(answer.getSentAt()).isEqualTo(report.getCreatedAt());
      assertThat(answer.getDraftedBy()).isEqualTo(AGENT);
      assertThat(answer.isReviewRequired()).isFalse();
      assertThat(answer.getReviewPolicy()).isEqualTo("Routine answer: no review");
      assertThat(answer.isReviewed()).isFalse();
    });
  }

  @Test
  void aCriticalComplaintsAnswerIsReturnedOnceWithANoteThenApprovedAndSent() {
    String trackingNumber = receiveCausedAndFixed(critical(intake()));
    assertThat(complaint(trackingNumber).getSeverity()).isEqualTo(Severity.CRITICAL);
    assertThat(as(AGENT).getForObject("/api/complaints/" + trackingNumber, Map.class)).containsEntry("severity", "critical");

    submit(trackingNumber, Element.REPORT_BACK, Map.of(Var.ANSWER_TEXT, "Sorry, it broke."));
    executeDueJobs();
    Task review = taskService.createTaskQuery().processInstanceBusinessKey(trackingNumber)
        .taskDefinitionKey(Element.REVIEW_ANSWER).singleResult();
    assertThat(review).as("a team lead reads it first").isNotNull();
    assertThat(review.getAssignee()).isNull();
    // Offered to the team leads by name (FourEyes): the author, an agent, is none of them.
    assertThat(taskService.getIdentityLinksForTask(review.getId())).extracting(link -> link.getUserId())
        .contains(LEAD, SECOND_LEAD).doesNotContain(AGENT);
    assertThat(review.getDueDate()).as("the answer promise's deadline, from the complaint row")
        .isEqualTo(Date.from(complaint(trackingNumber).getAnswerDueAt()));
    assertThat(shown(review.getId(), Var.REVIEW_POLICY)).as("why, on the form, from the complaint row")
        .isEqualTo("Critical severity: always checked");
    assertThat(runtimeService.getVariables(review.getProcessInstanceId()))
        .doesNotContainKeys(Var.REVIEW_NEEDED, Var.REVIEW_POLICY);
    assertThat(reports(complaint(trackingNumber))).as("nothing sent before the review").isEmpty();

    String reviewId = claim(SECOND_LEAD, trackingNumber, Element.REVIEW_ANSWER);
    ResponseEntity<Map> withoutReason = submitForm(SECOND_LEAD, reviewId, Map.of(Var.ANSWER_APPROVED, "false"));
    assertThat(withoutReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(fieldErrors(withoutReason)).containsKeys(Var.RETURN_REASON, Var.RETURN_NOTE);
    ResponseEntity<Map> unknownReason = submitForm(SECOND_LEAD, reviewId, Map.of(Var.ANSWER_APPROVED, "false",
        Var.RETURN_REASON, "TOO_SHORT", Var.RETURN_NOTE, "Say what we changed"));
    assertThat(fieldErrors(unknownReason).get(Var.RETURN_REASON)).contains("is not one of the choices on this form", "INCOMPLETE");

    submit(SECOND_LEAD, trackingNumber, Element.REVIEW_ANSWER, Map.of(Var.ANSWER_APPROVED, "false",
        Var.RETURN_REASON, "MISSING_FIX", Var.RETURN_NOTE, "Say what we changed so it does not happen again"));

    Task redraft = taskService.createTaskQuery().processInstanceBusinessKey(trackingNumber)
        .taskDefinitionKey(Element.REPORT_BACK).singleResult();
    assertThat(redraft.getAssignee()).as("back to its author").isEqualTo(AGENT);
    assertThat(runtimeService.getVariables(redraft.getProcessInstanceId()))
        .containsEntry(Var.RETURN_NOTE, "Say what we changed so it does not happen again")
        .containsEntry(Var.ANSWER_RETURNED_BY, SECOND_LEAD)
        .as("the decision was the gateway's; its history row keeps it").doesNotContainKey(Var.ANSWER_APPROVED);
    assertThat(reasons(trackingNumber)).containsExactly(ReasonStep.RETURN_ANSWER + ":MISSING_FIX:" + SECOND_LEAD);
    assertThat(reports(complaint(trackingNumber))).isEmpty();

    submit(trackingNumber, Element.REPORT_BACK,
        Map.of(Var.ANSWER_TEXT, "Sorry, it broke. Every vase now ships in a moulded box."));
    submit(SECOND_LEAD, trackingNumber, Element.REVIEW_ANSWER, Map.of(Var.ANSWER_APPROVED, "true"));
    executeDueJobs();

    Complaint reported = complaint(trackingNumber);
    assertThat(reported.getState()).isEqualTo(ComplaintState.REPORTED);
    assertThat(reports(reported)).singleElement().satisfies(report ->
        assertThat(report.getBody()).contains("Every vase now ships in a moulded box.").doesNotContain("Sorry, it broke.\n"));
    assertThat(evidence.findByComplaint_IdOrderBySentAtAscCustomerMessageIdAsc(reported.getId())).singleElement()
        .satisfies(answer -> {
          assertThat(answer.isReviewRequired()).isTrue();
          assertThat(answer.getReviewedBy()).isEqualTo(SECOND_LEAD);
          assertThat(answer.getAnswerText()).isEqualTo("Sorry, it broke. Every vase now ships in a moulded box.");
        });
  }

  @Test
  void theAuthorOfAnAnswerDoesNotApproveIt() {
    String trackingNumber = criticalOwnedByTheLead();
    submit(LEAD, trackingNumber, Element.REPORT_BACK, Map.of(Var.ANSWER_TEXT, "Our courier dropped it."));

    // Not offered to her: only the other team leads are its candidates.
    String reviewId = taskId(trackingNumber, Element.REVIEW_ANSWER);
    assertThat(taskService.createTaskQuery().taskId(reviewId).taskCandidateUser(LEAD).count()).isZero();
    assertThat(taskService.createTaskQuery().taskId(reviewId).taskCandidateUser(SECOND_LEAD).count()).isOne();
    assertThat(tasksInFilter(LEAD, TasklistFilters.GROUP_TASKS)).noneMatch(task -> reviewId.equals(task.get("id")));
    assertThat(tasksInFilter(SECOND_LEAD, TasklistFilters.GROUP_TASKS)).anyMatch(task -> reviewId.equals(task.get("id")));
    // Assigned to her anyway by a colleague: refused under the field.
    taskService.setAssignee(reviewId, LEAD);
    ResponseEntity<Map> ownApproval = submitForm(LEAD, reviewId, Map.of(Var.ANSWER_APPROVED, "true"));

    assertThat(ownApproval.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(fieldErrors(ownApproval).get(Var.ANSWER_APPROVED)).contains("other than the author");
    taskService.setAssignee(reviewId, null);
    submit(SECOND_LEAD, trackingNumber, Element.REVIEW_ANSWER, Map.of(Var.ANSWER_APPROVED, "true"));
    executeDueJobs();
    assertThat(complaint(trackingNumber).getState()).isEqualTo(ComplaintState.REPORTED);
  }

  @Test
  void aReviewThatWouldBreakTheAnswerPromiseTodayIsAmongThePromisesAtRiskToday() {
    ResponseEntity<Map> response = postComplaint(critical(intake()));
    String trackingNumber = (String) response.getBody().get("trackingNumber");
    agreeExpectation(trackingNumber, BusinessDay.today().toString());
    submit(trackingNumber, Element.PATCH_SYMPTOM, Map.of(Var.PATCH_DESCRIPTION, "Sent a replacement"));
    submit(trackingNumber, Element.FIND_ROOT_CAUSE, Map.of(Var.ROOT_CAUSE_DESCRIPTION, "A dropped parcel",
        Var.ONE_OFF, true, Var.ONE_OFF_REASON, "PARTNER_SLIP", Var.ONE_OFF_NOTE, "The courier admitted it"));
    submit(trackingNumber, Element.REPORT_BACK, Map.of(Var.ANSWER_TEXT, "Our courier dropped it."));

    assertThat(tasksInFilter(SECOND_LEAD, TasklistFilters.AT_RISK_TODAY))
        .anySatisfy(task -> {
          assertThat(task.get("taskDefinitionKey")).isEqualTo(Element.REVIEW_ANSWER);
          assertThat(task.get("processInstanceId")).isEqualTo(processInstanceOf(trackingNumber));
        });
  }

  /**
   * The policy's decision lives on the complaint row until the answer goes out: a copy set by hand on the instance
   * (what Cockpit or REST allow with rights on it) neither skips the review nor changes what the evidence records.
   */
  @Test
  void theReviewDecisionIsOnTheComplaintAndACopySetByHandChangesNothing() {
    String trackingNumber = receiveCausedAndFixed(critical(intake()));
    submit(trackingNumber, Element.REPORT_BACK, Map.of(Var.ANSWER_TEXT, "Sorry, it broke."));

    Complaint drafted = complaint(trackingNumber);
    assertThat(drafted.getAnswerReviewNeeded()).isTrue();
    assertThat(drafted.getAnswerReviewPolicy()).isEqualTo("Critical severity: always checked");
    String instance = taskService.createTaskQuery().processInstanceBusinessKey(trackingNumber)
        .taskDefinitionKey(Element.REVIEW_ANSWER).singleResult().getProcessInstanceId();
    runtimeService.setVariable(instance, Var.REVIEW_NEEDED, false);
    runtimeService.setVariable(instance, Var.REVIEW_POLICY, "Routine: no review");

    submit(SECOND_LEAD, trackingNumber, Element.REVIEW_ANSWER, Map.of(Var.ANSWER_APPROVED, "true"));
    executeDueJobs();

    assertThat(evidence.findByComplaint_IdOrderBySentAtAscCustomerMessageIdAsc(drafted.getId())).singleElement()
        .satisfies(answer -> {
          assertThat(answer.isReviewRequired()).isTrue();
          assertThat(answer.getReviewPolicy()).isEqualTo("Critical severity: always checked");
          assertThat(answer.getReviewedBy()).isEqualTo(SECOND_LEAD);
        });
  }

  /** A draft decided before the complaint row held the decision (8 December 2026) goes out with its variables. */
  @Test
  void aDraftDecidedBeforeTheRowHeldTheDecisionIsShownAndSentWithItsVariables() {
    String trackingNumber = receiveCausedAndFixed(critical(intake()));
    submit(trackingNumber, Element.REPORT_BACK, Map.of(Var.ANSWER_TEXT, "Sorry, it broke."));
    Task review = taskService.createTaskQuery().processInstanceBusinessKey(trackingNumber)
        .taskDefinitionKey(Element.REVIEW_ANSWER).singleResult();
    // As the earlier model left it: the outputs as variables, nothing on the row.
    jdbc.update("update complaint set answer_review_needed = null, answer_review_policy = null "
        + "where tracking_number = ?", trackingNumber);
    runtimeService.setVariable(review.getProcessInstanceId(), Var.REVIEW_NEEDED, true);
    runtimeService.setVariable(review.getProcessInstanceId(), Var.REVIEW_POLICY, "Critical severity: always checked");

    assertThat(shown(review.getId(), Var.REVIEW_POLICY)).isEqualTo("Critical severity: always checked");
    submit(SECOND_LEAD, trackingNumber, Element.REVIEW_ANSWER, Map.of(Var.ANSWER_APPROVED, "true"));
    executeDueJobs();

    assertThat(evidence.findByComplaint_IdOrderBySentAtAscCustomerMessageIdAsc(complaint(trackingNumber).getId()))
        .singleElement().satisfies(answer -> {
          assertThat(answer.isReviewRequired()).isTrue();
          assertThat(answer.getReviewPolicy()).isEqualTo("Critical severity: always checked");
          assertThat(answer.getReviewedBy()).isEqualTo(SECOND_LEAD);
        });
  }

  /**
   * Who drafted the answer is on the complaint row: naming someone else by hand on the instance (what Cockpit or REST
   * allow with rights on it) neither offers the review to its author nor lets her approve it.
   */
  @Test
  void theAuthorCannotPassHerDraftOffAsAnothersToApproveIt() {
    String trackingNumber = criticalOwnedByTheLead();
    String instance = taskService.createTaskQuery().processInstanceBusinessKey(trackingNumber)
        .taskDefinitionKey(Element.REPORT_BACK).singleResult().getProcessInstanceId();
    runtimeService.setVariable(instance, Var.ANSWER_DRAFTED_BY, SECOND_LEAD);

    submit(LEAD, trackingNumber, Element.REPORT_BACK, Map.of(Var.ANSWER_TEXT, "Our courier dropped it."));
    String reviewId = taskId(trackingNumber, Element.REVIEW_ANSWER);
    assertThat(taskService.createTaskQuery().taskId(reviewId).taskCandidateUser(LEAD).count()).isZero();
    runtimeService.setVariable(instance, Var.ANSWER_DRAFTED_BY, SECOND_LEAD);
    taskService.setAssignee(reviewId, LEAD);
    ResponseEntity<Map> ownApproval = submitForm(LEAD, reviewId, Map.of(Var.ANSWER_APPROVED, "true"));

    assertThat(ownApproval.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(fieldErrors(ownApproval).get(Var.ANSWER_APPROVED)).contains("other than the author");
    executeDueJobs();
    assertThat(reports(complaint(trackingNumber))).as("nothing sent").isEmpty();
    assertThat(openTaskKeys(trackingNumber)).containsExactly(Element.REVIEW_ANSWER);
  }

  /**
   * A returned draft goes back to whoever wrote it, even when that is not the owner; once an answer was sent, the
   * reopened complaint's next answer is the owner's again.
   */
  @Test
  void aReturnedDraftGoesToItsAuthorAndAReopenedComplaintsNextAnswerToTheOwner() {
    String trackingNumber = receiveCausedAndFixed(critical(intake()));
    // A team lead, also an agent, takes over the answer from the owner.
    String draft = taskId(trackingNumber, Element.REPORT_BACK);
    taskService.setAssignee(draft, LEAD);
    submit(LEAD, trackingNumber, Element.REPORT_BACK, Map.of(Var.ANSWER_TEXT, "Sorry, it broke."));
    submit(SECOND_LEAD, trackingNumber, Element.REVIEW_ANSWER, Map.of(Var.ANSWER_APPROVED, "false",
        Var.RETURN_REASON, "MISSING_FIX", Var.RETURN_NOTE, "Say what we changed"));
    assertThat(assigneeOf(trackingNumber, Element.REPORT_BACK)).as("back to its author").isEqualTo(LEAD);

    submit(LEAD, trackingNumber, Element.REPORT_BACK, Map.of(Var.ANSWER_TEXT, "Every vase now ships in a box."));
    submit(SECOND_LEAD, trackingNumber, Element.REVIEW_ANSWER, Map.of(Var.ANSWER_APPROVED, "true"));
    executeDueJobs();
    submit(trackingNumber, Element.RECORD_CUSTOMER_CONFIRMATION, Map.of(Var.RESOLVED, "false",
        Var.REOPEN_REASON, "REMEDY_NOT_RECEIVED", Var.REOPEN_NOTE, "The replacement never came"));
    executeDueJobs();
    submit(trackingNumber, Element.FIND_ROOT_CAUSE, Map.of(Var.ONE_OFF, true, Var.ONE_OFF_REASON, "PARTNER_SLIP",
        Var.ONE_OFF_NOTE, "The courier lost the replacement"));

    assertThat(assigneeOf(trackingNumber, Element.REPORT_BACK)).as("the owner's again").isEqualTo(AGENT);
  }

  /**
   * A critical complaint (its answer is always reviewed) that lea, a team lead and an agent, owns and takes to Report
   * back: she will draft its answer.
   */
  private String criticalOwnedByTheLead() {
    ResponseEntity<Map> response = postComplaint(critical(intake()));
    String trackingNumber = (String) response.getBody().get("trackingNumber");
    submit(LEAD, trackingNumber, Element.AGREE_EXPECTATION, Map.of(Var.DESIRED_OUTCOME, "replacement",
        Var.AGREED_ANSWER_DATE, PROMISED, Var.CONTACT_PREFERENCE, "email"));
    executeDueJobs();
    submit(LEAD, trackingNumber, Element.PATCH_SYMPTOM, Map.of(Var.PATCH_DESCRIPTION, "Sent a replacement"));
    submit(LEAD, trackingNumber, Element.FIND_ROOT_CAUSE, Map.of(Var.ROOT_CAUSE_DESCRIPTION, "A dropped parcel",
        Var.ONE_OFF, true, Var.ONE_OFF_REASON, "PARTNER_SLIP", Var.ONE_OFF_NOTE, "The courier admitted it"));
    return trackingNumber;
  }

  private String assigneeOf(String trackingNumber, String taskKey) {
    return taskService.createTaskQuery().taskId(taskId(trackingNumber, taskKey)).singleResult().getAssignee();
  }

  static String critical(String intake) {
    return intake.replace("\"desiredOutcome\"", "\"severity\": \"critical\", \"desiredOutcome\"");
  }

  private String receiveCausedAndFixed(String intake) {
    ResponseEntity<Map> response = postComplaint(intake);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String trackingNumber = (String) response.getBody().get("trackingNumber");
    agreeExpectation(trackingNumber, PROMISED);
    submit(trackingNumber, Element.PATCH_SYMPTOM, Map.of(Var.PATCH_DESCRIPTION, "Sent a replacement"));
    submit(trackingNumber, Element.FIND_ROOT_CAUSE,
        Map.of(Var.ROOT_CAUSE_DESCRIPTION, "Vases are packed without corner protection", Var.ONE_OFF, false));
    fixRootCause(rootCauseOf(trackingNumber), "Every vase now ships in a moulded box");
    return trackingNumber;
  }

  private Complaint complaint(String trackingNumber) {
    return complaints.findByTrackingNumber(trackingNumber).orElseThrow();
  }

  private List<CustomerMessage> reports(Complaint complaint) {
    return outbox.messagesOf(complaint.getId()).stream().filter(m -> m.getKind() == MessageKind.REPORT).toList();
  }

  private List<String> reasons(String trackingNumber) {
    return jdbc.queryForList("select step || ':' || code || ':' || recorded_by from recorded_reason "
        + "where tracking_number = ? order by id", String.class, trackingNumber);
  }

  private String processInstanceOf(String trackingNumber) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(ComplaintProcess.KEY).processInstanceBusinessKey(trackingNumber).singleResult().getId();
  }

  @SuppressWarnings("unchecked")
  static Map<String, String> fieldErrors(ResponseEntity<Map> response) {
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    String message = (String) response.getBody().get("message");
    Map<String, String> errors = new java.util.LinkedHashMap<>();
    for (String part : message.split("; (?=\\w+: )")) {
      int colon = part.indexOf(": ");
      errors.put(part.substring(0, colon), part.substring(colon + 2));
    }
    return errors;
  }

  private List<Map<String, Object>> tasksInFilter(String user, String filterName) {
    List<Map<String, Object>> filters = as(user).getForObject("/engine-rest/filter?resourceType=Task", List.class);
    Object id = filters.stream().filter(f -> filterName.equals(f.get("name"))).findFirst().orElseThrow().get("id");
    return as(user).postForObject("/engine-rest/filter/" + id + "/list", json("{}"), List.class);
  }
}
