package io.rootfix.complaint;

import static io.rootfix.complaint.ComplaintProcess.Element.AGREE_EXPECTATION;
import static io.rootfix.complaint.ComplaintProcess.Element.FIND_ROOT_CAUSE;
import static io.rootfix.complaint.ComplaintProcess.Element.PATCH_SYMPTOM;
import static io.rootfix.complaint.ComplaintProcess.Element.RECORD_CUSTOMER_CONFIRMATION;
import static io.rootfix.complaint.ComplaintProcess.Element.REPORT_BACK;
import static org.assertj.core.api.Assertions.assertThat;

import io.rootfix.calendar.BusinessCalendar;
import io.rootfix.complaint.ComplaintProcess.Var;
import io.rootfix.notify.CustomerMessage;
import io.rootfix.notify.MessageKind;
import io.rootfix.notify.Outbox;
import io.rootfix.support.RootfixIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Complaints driven the way agents drive them: claim and submit each task form over the engine's REST
 * API as a service agent, with the Complaint row's state following every step.
 */
class ComplaintLifecycleTest extends RootfixIntegrationTest {

  @Autowired
  private ComplaintRepository complaints;

  @Autowired
  private Outbox outbox;

  @Autowired
  private BusinessCalendar calendar;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void anAgentTakesAComplaintFromIntakeToClosure() {
    String trackingNumber = receive();
    assertThat(complaint(trackingNumber).getState()).isEqualTo(ComplaintState.RECEIVED);

    submit(trackingNumber, AGREE_EXPECTATION, Map.of(Var.DESIRED_OUTCOME, "replacement",
        Var.AGREED_ANSWER_DATE, PROMISED, Var.CONTACT_PREFERENCE, "email", Var.EXPECTATION_NOTE, "Call before noon"));
    assertThat(complaint(trackingNumber).getState()).isEqualTo(ComplaintState.IN_PROGRESS);
    assertThat(complaint(trackingNumber).getOwner()).isEqualTo(AGENT);
    assertThat(complaint(trackingNumber).getAgreedAnswerDate()).hasToString(PROMISED);
    executeDueJobs();
    // Acknowledged at intake (it came from the web), then the agreed date in writing.
    assertThat(kinds(trackingNumber)).containsExactly(MessageKind.ACKNOWLEDGEMENT, MessageKind.ANSWER_DATE_AGREED);

    submit(trackingNumber, PATCH_SYMPTOM, Map.of(Var.PATCH_DESCRIPTION, "Sent a new vase by express"));
    assertThat(complaint(trackingNumber).getState()).isEqualTo(ComplaintState.IN_PROGRESS);

    submit(trackingNumber, FIND_ROOT_CAUSE,
        Map.of(Var.ROOT_CAUSE_DESCRIPTION, "Vases are packed without corner protection", Var.ONE_OFF, false));
    assertThat(complaint(trackingNumber).getState()).isEqualTo(ComplaintState.WAITING_FOR_FIX);

    fixRootCause(rootCauseOf(trackingNumber), "Every vase now ships in a moulded box");
    assertThat(complaint(trackingNumber).getState()).isEqualTo(ComplaintState.IN_PROGRESS);

    submit(trackingNumber, REPORT_BACK, Map.of(Var.ANSWER_TEXT, "Your vase broke because of our packing; fixed."));
    assertThat(complaint(trackingNumber).getState()).as("drafted, not sent yet").isEqualTo(ComplaintState.IN_PROGRESS);
    executeDueJobs(); // sending the answer, asynchronous
    assertThat(complaint(trackingNumber).getState()).isEqualTo(ComplaintState.REPORTED);

    submit(trackingNumber, RECORD_CUSTOMER_CONFIRMATION, Map.of(Var.RESOLVED, "true"));
    executeDueJobs();

    Complaint closed = complaint(trackingNumber);
    assertThat(closed.getState()).isEqualTo(ComplaintState.CLOSED);
    assertThat(closed.getClosedAt()).isNotNull();
    assertThat(closed.getFixDescription()).isEqualTo("Every vase now ships in a moulded box");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(trackingNumber).count()).isZero();
    List<CustomerMessage> messages = outbox.messagesOf(closed.getId());
    assertThat(messages).extracting(CustomerMessage::getKind)
        .containsExactly(MessageKind.ACKNOWLEDGEMENT, MessageKind.ANSWER_DATE_AGREED, MessageKind.REPORT,
            MessageKind.CLOSING);
    assertThat(messages).allSatisfy(message -> {
      // The acknowledgement went out at intake, on the channel the complaint came in on (the web, by e-mail).
      assertThat(message.getChannel()).isIn("web", "email");
      assertThat(message.getRecipient()).isEqualTo(closed.getContactEmail());
      assertThat(message.getBody()).contains(trackingNumber);
    });
    assertThat(messages.get(2).getBody()).contains("Your vase broke because of our packing; fixed.",
        "Wat we hebben veranderd zodat het niet opnieuw gebeurt:", "Every vase now ships in a moulded box");
  }

  @Test
  void theAgentIsProposedTheCustomersDateOrElseThePolicysDefaultInBusinessDays() {
    String withWish = receive();
    assertThat(proposedDate(withWish)).as("the customer's wish at intake").isEqualTo("2099-12-10");

    ResponseEntity<Map> response = postComplaint(intake()
        .replace("\"wantedAnswerDate\": \"2099-12-10\"", "\"wantedAnswerDate\": null"));
    String withoutWish = (String) response.getBody().get("trackingNumber");
    LocalDate expected = LocalDate.ofInstant(
        calendar.resolve("2 business days", Instant.now()), calendar.zone()); // delivery: 2 business days
    assertThat(proposedDate(withoutWish)).isEqualTo(expected.toString());
  }

  private String proposedDate(String trackingNumber) {
    String instanceId = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(trackingNumber)
        .singleResult().getId();
    return (String) runtimeService.getVariable(instanceId, Var.AGREED_ANSWER_DATE);
  }

  @Test
  void badFormInputIsA400NamingTheFieldsAndChangesNothing() {
    String trackingNumber = receive();
    String taskId = claim(trackingNumber, AGREE_EXPECTATION);

    ResponseEntity<Map> response = submitForm(taskId,
        Map.of(Var.AGREED_ANSWER_DATE, "2001-01-01", Var.EXPECTATION_NOTE, "Call \\u0007before noon"));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) response.getBody().get("message"))
        .contains("agreedAnswerDate: must not be in the past", "contactPreference: is required",
            "expectationNote: must not contain control characters");
    assertThat(taskService.createTaskQuery().taskId(taskId).count()).as("task still open").isOne();
    assertThat(complaint(trackingNumber).getState()).isEqualTo(ComplaintState.RECEIVED);
  }

  @Test
  void aOneOffNeedsAReasonAndSkipsTheFundamentalFix() {
    String trackingNumber = receiveAndPatch();
    String taskId = claim(trackingNumber, FIND_ROOT_CAUSE);

    ResponseEntity<Map> withoutReason = submitForm(taskId,
        Map.of(Var.ROOT_CAUSE_DESCRIPTION, "The courier dropped it", Var.ONE_OFF, true));
    assertThat(withoutReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) withoutReason.getBody().get("message")).contains("oneOffReason", "oneOffNote");

    assertThat(submitForm(taskId, Map.of(Var.ROOT_CAUSE_DESCRIPTION, "The courier dropped it",
        Var.ONE_OFF, true, Var.ONE_OFF_REASON, "PARTNER_SLIP",
        Var.ONE_OFF_NOTE, "A single accident, already handled with the courier"))
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

    assertThat(openTaskKeys(trackingNumber)).containsExactly(REPORT_BACK);
    assertThat(complaint(trackingNumber).getState()).isEqualTo(ComplaintState.IN_PROGRESS);
    assertThat(complaint(trackingNumber).getOneOffReason())
        .isEqualTo("A single slip of a courier or partner: A single accident, already handled with the courier");
  }

  @Test
  void notResolvedTwiceReopensAndPointsTheCustomerToTheDisputesCommittee() {
    String trackingNumber = receiveAndPatch();
    findCauseAndReport(trackingNumber);

    assertThat(customerReplies(trackingNumber, false, "Still broken").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(complaint(trackingNumber).getState()).isEqualTo(ComplaintState.REOPENED);
    assertThat(complaint(trackingNumber).getReopenCount()).isEqualTo(1);
    assertThat(openTaskKeys(trackingNumber)).containsExactly(FIND_ROOT_CAUSE);

    findCauseAndReport(trackingNumber);
    customerReplies(trackingNumber, false, "Again!");
    executeDueJobs();
    assertThat(complaint(trackingNumber).getReopenCount()).isEqualTo(2);
    assertThat(kinds(trackingNumber)).containsOnlyOnce(MessageKind.DISPUTES_COMMITTEE);

    findCauseAndReport(trackingNumber);
    customerReplies(trackingNumber, true, "Thanks, it works now");
    executeDueJobs();
    assertThat(complaint(trackingNumber).getState()).isEqualTo(ComplaintState.CLOSED);
    assertThat(complaint(trackingNumber).getCustomerComment()).isEqualTo("Thanks, it works now");

    assertThat(customerReplies(trackingNumber, true, null).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
  }

  @Test
  void whatTheAgentRecordedAsStillWrongShowsWhenTheCauseIsSoughtAgain() {
    String onlyNote = receiveAndPatch();
    findCauseAndReport(onlyNote);
    String withComment = receiveAndPatch();
    findCauseAndReport(withComment);

    // The note is required when the agent records "not resolved"; what the customer said is optional.
    submit(onlyNote, RECORD_CUSTOMER_CONFIRMATION, Map.of(Var.RESOLVED, "false",
        Var.REOPEN_REASON, "PROBLEM_PERSISTS", Var.REOPEN_NOTE, "The new vase is cracked as well"));
    submit(withComment, RECORD_CUSTOMER_CONFIRMATION, Map.of(Var.RESOLVED, "false",
        Var.REOPEN_REASON, "PROBLEM_PERSISTS", Var.REOPEN_NOTE, "Crack along the base",
        Var.CUSTOMER_COMMENT, "I am very disappointed"));

    assertThat(previousCustomerCommentOn(onlyNote)).isEqualTo("The new vase is cracked as well");
    assertThat(previousCustomerCommentOn(withComment)).contains("I am very disappointed", "Crack along the base");
  }

  @Test
  void noReplyWithinFourteenDaysClosesTheComplaintWithANote() {
    String trackingNumber = receiveAndPatch();
    findCauseAndReport(trackingNumber);

    ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + Duration.ofDays(15).toMillis()));
    executeDueJobs(); // the no-reply timer
    executeDueJobs(); // closing, asynchronous

    Complaint closed = complaint(trackingNumber);
    assertThat(closed.getState()).isEqualTo(ComplaintState.CLOSED);
    assertThat(closed.getClosingNote()).isEqualTo(ComplaintAnswerService.NO_REPLY_NOTE);
    assertThat(kinds(trackingNumber)).endsWith(MessageKind.CLOSING);
  }

  @Test
  void aPhoneCallIsTakenWithTheStartFormInTasklist() {
    ResponseEntity<Map> form = as(AGENT).getForEntity(
        "/engine-rest/process-definition/key/complaint/deployed-start-form", Map.class);
    assertThat(form.getBody()).containsEntry("id", "phone-intake");

    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put(Var.CUSTOMER_NAME, "Piet Klaver");
    variables.put(Var.CUSTOMER_PHONE, "0612340099");
    variables.put(Var.CATEGORY, "billing");
    variables.put(Var.DESCRIPTION, "Charged twice for one order");
    variables.put(Var.DESIRED_OUTCOME, "refund");
    ResponseEntity<Map> started = as(AGENT).postForEntity(
        "/engine-rest/process-definition/key/complaint/submit-form", json(formBody(variables)), Map.class);

    assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
    String trackingNumber = (String) started.getBody().get("businessKey");
    assertThat(trackingNumber).startsWith("RF-");
    assertThat(complaint(trackingNumber).getChannel()).isEqualTo(Channel.PHONE);
    assertThat(openTaskKeys(trackingNumber)).containsExactly(AGREE_EXPECTATION);

    variables.remove(Var.CUSTOMER_PHONE);
    long before = count("complaint");
    ResponseEntity<Map> noPhone = as(AGENT).postForEntity(
        "/engine-rest/process-definition/key/complaint/submit-form", json(formBody(variables)), Map.class);
    assertThat(noPhone.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) noPhone.getBody().get("message")).contains("customerPhone: is required");
    assertThat(count("complaint")).isEqualTo(before);
  }

  @Test
  void theEngineRestApiNeedsAUserWithTheRightPermissions() {
    String trackingNumber = receive();
    String taskId = taskId(trackingNumber, AGREE_EXPECTATION);

    assertThat(http.getForEntity("/engine-rest/task", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(as(AUDITOR).postForEntity("/engine-rest/task/" + taskId + "/complete", json("{}"), Map.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(taskService.createTaskQuery().taskId(taskId).count()).isOne();
  }

  /** What "Find the root cause" of the next round shows under "What the customer said when reopening". */
  private String previousCustomerCommentOn(String trackingNumber) {
    Map<String, Map<String, Object>> form = as(AGENT).getForObject(
        "/engine-rest/task/" + taskId(trackingNumber, FIND_ROOT_CAUSE) + "/form-variables", Map.class);
    return form.get(Var.PREVIOUS_CUSTOMER_COMMENT) == null ? null : (String) form.get(Var.PREVIOUS_CUSTOMER_COMMENT).get("value");
  }

  private Complaint complaint(String trackingNumber) {
    return complaints.findByTrackingNumber(trackingNumber).orElseThrow();
  }

  private List<MessageKind> kinds(String trackingNumber) {
    return outbox.messagesOf(complaint(trackingNumber).getId()).stream().map(CustomerMessage::getKind).toList();
  }
}
