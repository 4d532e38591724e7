package io.rootfix.security;

import io.rootfix.support.BusinessDay;
import static org.assertj.core.api.Assertions.assertThat;

import io.rootfix.complaint.ComplaintProcess;
import io.rootfix.complaint.ComplaintProcess.Element;
import io.rootfix.complaint.ComplaintProcess.Var;
import io.rootfix.remedy.RemedyService;
import io.rootfix.remedy.RemedyProcess;
import io.rootfix.rootcause.RootCauseProcess;
import io.rootfix.support.RootfixIntegrationTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The attacks of issue 18 on the engine REST API, as the demo users make them. Each asserts that its effect did
 * not happen (no payout, no instance, the complaint at its step, the variable as it was), not only the status.
 */
class OnlyTheProcessMovesAComplaintTest extends RootfixIntegrationTest {

  static final String COLLEAGUE = "noor";
  static final String OWNER = "owen";
  static final String ADMIN = "demo";

  @Autowired
  RemedyService remedies;

  @Autowired
  ProcessEngine processEngine;

  // --- starting a process anywhere but at its start ------------------------------------------------

  @Test
  void anAgentCannotForgeARefundByStartingAComplaintAtItsRemedy() {
    String colleagues = receiveAndPatchAs(COLLEAGUE);
    long complaintId = complaintId(colleagues);
    long instances = runtimeService.createProcessInstanceQuery().count();
    long payouts = count("payout");
    long remedies = count("remedy");

    ResponseEntity<Map> forged = as(AGENT).postForEntity("/engine-rest/process-definition/key/complaint/start", json("""
        {"variables": {"remedyType": {"value": "REFUND"}, "remedyAmount": {"value": 1000000},
                       "complaintId": {"value": %d}, "remedyId": {"value": 1}},
         "startInstructions": [{"type": "startBeforeActivity", "activityId": "%s"}]}"""
        .formatted(complaintId, Element.REMEDY)), Map.class);

    assertThat(forged.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(forged.getBody().get("message").toString()).contains("start event");
    executeDueJobs();
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(instances);
    assertThat(count("payout")).isEqualTo(payouts);
    assertThat(count("remedy")).isEqualTo(remedies);
  }

  /** The remedy runs only as the complaint's call activity: nobody starts it, at its start or at its payout. */
  @Test
  void nobodyStartsTheRemedyByHandAndNothingIsPaidOrDecided() {
    String colleagues = receiveAndPatchAs(COLLEAGUE);
    long complaintId = complaintId(colleagues);
    long instances = runtimeService.createProcessInstanceQuery().count();
    long payouts = count("payout");
    long remedies = count("remedy");
    String start = "/engine-rest/process-definition/key/" + RemedyProcess.KEY + "/start";

    for (String user : List.of(AGENT, LEAD, ADMIN)) {
      ResponseEntity<Map> atStart = as(user).postForEntity(start, json("""
          {"variables": {"complaintId": {"value": %d}, "trackingNumber": {"value": "%s"}}}"""
          .formatted(complaintId, colleagues)), Map.class);
      assertThat(atStart.getStatusCode()).as(user + " starts the remedy").isEqualTo(HttpStatus.FORBIDDEN);

      ResponseEntity<Map> atPayout = as(user).postForEntity(start, json("""
          {"variables": {"remedyType": {"value": "REFUND"}, "complaintId": {"value": %d}, "remedyId": {"value": 1}},
           "startInstructions": [{"type": "startBeforeActivity", "activityId": "%s"}]}"""
          .formatted(complaintId, RemedyProcess.Element.PAY_REFUND)), Map.class);
      assertThat(atPayout.getStatusCode()).as(user + " starts the remedy at the payout").isEqualTo(HttpStatus.FORBIDDEN);
    }

    executeDueJobs();
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(instances);
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(RemedyProcess.KEY)
        .processInstanceBusinessKey(colleagues).count()).isZero();
    assertThat(count("payout")).isEqualTo(payouts);
    assertThat(count("remedy")).isEqualTo(remedies);
  }

  @Test
  void anAgentCannotCloseAColleaguesComplaintByStartingAtTheClose() {
    String colleagues = receiveAndPatchAs(COLLEAGUE);

    ResponseEntity<Map> forged = as(AGENT).postForEntity("/engine-rest/process-definition/key/complaint/start", json("""
        {"variables": {"complaintId": {"value": %d}, "resolved": {"value": true}},
         "startInstructions": [{"type": "startBeforeActivity", "activityId": "%s"}]}"""
        .formatted(complaintId(colleagues), Element.CLOSE)), Map.class);

    assertThat(forged.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    executeDueJobs();
    assertThat(state(colleagues)).isEqualTo("IN_PROGRESS");
    assertThat(openTaskKeys(colleagues)).contains(Element.FIND_ROOT_CAUSE);
  }

  @Test
  void nobodyStartsTheInternalProcessesNotEvenAnAdmin() {
    long instances = runtimeService.createProcessInstanceQuery().count();
    for (String key : List.of("promise", RootCauseProcess.KEY, "send-by-hand")) {
      for (String user : List.of(AGENT, LEAD, ADMIN)) {
        ResponseEntity<Map> started = as(user).postForEntity("/engine-rest/process-definition/key/" + key + "/start",
            json("{\"variables\": {\"ownerGroup\": {\"value\": \"" + AGENT + "\"}}}"), Map.class);
        assertThat(started.getStatusCode()).as(user + " starts " + key).isEqualTo(HttpStatus.FORBIDDEN);
      }
    }
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(instances);
  }

  @Test
  void thePhoneIntakeTakesOnlyItsFormsFieldsAndNoBusinessKey() {
    long complaints = count("complaint");
    String phoneCall = """
        "customerName": {"value": "Jan Smit"}, "customerPhone": {"value": "%s"}, "category": {"value": "billing"},
        "description": {"value": "Charged twice."}, "desiredOutcome": {"value": "refund"}""".formatted(newPhone());

    ResponseEntity<Map> forgedRemedy = startComplaint(AGENT, "{\"variables\": {" + phoneCall
        + ", \"remedyAmount\": {\"value\": 1000000}, \"severity\": {\"value\": \"critical\"}}}");
    assertThat(forgedRemedy.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(fields(forgedRemedy)).containsExactly("remedyAmount");

    ResponseEntity<Map> ownKey = startComplaint(AGENT, "{\"businessKey\": \"RF-2026-999999\", \"variables\": {"
        + phoneCall + "}}");
    assertThat(ownKey.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(fields(ownKey)).containsExactly("businessKey");

    ResponseEntity<Map> objectValue = startComplaint(AGENT, "{\"variables\": {" + phoneCall.replace(
        "{\"value\": \"Charged twice.\"}", "{\"value\": \"{\\\"path\\\": \\\"/tmp\\\"}\", \"type\": \"Object\", "
            + "\"valueInfo\": {\"objectTypeName\": \"java.io.File\", \"serializationDataFormat\": \"application/json\"}}")
        + "}}");
    assertThat(objectValue.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(fields(objectValue)).containsExactly("description");
    assertThat(count("complaint")).isEqualTo(complaints);

    ResponseEntity<Map> honest = startComplaint(AGENT, "{\"variables\": {" + phoneCall + "}}");
    assertThat(honest.getStatusCode()).as(String.valueOf(honest.getBody())).isEqualTo(HttpStatus.OK);
    assertThat(count("complaint")).isEqualTo(complaints + 1);
  }

  // --- variables outside a form ----------------------------------------------------------------------

  @Test
  void nobodyRewritesAComplaintsVariablesOutsideAForm() {
    String colleagues = receiveAndPatchAs(COLLEAGUE);
    String taskId = taskId(colleagues, Element.FIND_ROOT_CAUSE);
    String instance = processOf(colleagues);
    String before = variablesOf(instance);

    List<ResponseEntity<String>> attempts = List.of(
        as(AGENT).postForEntity("/engine-rest/task/" + taskId + "/variables",
            json("{\"modifications\": {\"owner\": {\"value\": \"sam\"}, \"severity\": {\"value\": \"low\"}}}"), String.class),
        as(AGENT).exchange("/engine-rest/task/" + taskId + "/variables/answerDueDate", HttpMethod.PUT,
            json("{\"value\": \"2099-01-01T00:00:00.000+0000\", \"type\": \"Date\"}"), String.class),
        as(AGENT).exchange("/engine-rest/task/" + taskId + "/variables/owner", HttpMethod.DELETE, null, String.class),
        as(LEAD).postForEntity("/engine-rest/process-instance/" + instance + "/variables",
            json("{\"modifications\": {\"remedyAmount\": {\"value\": 1000000}}}"), String.class),
        as(OWNER).exchange("/engine-rest/process-instance/" + instance + "/variables/severity", HttpMethod.PUT,
            json("{\"value\": \"low\"}"), String.class),
        as(ADMIN).postForEntity("/engine-rest/execution/" + instance + "/localVariables",
            json("{\"modifications\": {\"owner\": {\"value\": \"demo\"}}}"), String.class));

    for (ResponseEntity<String> attempt : attempts) {
      assertThat(attempt.getStatusCode()).as(attempt.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
    }
    assertThat(variablesOf(instance)).isEqualTo(before);
  }

  @Test
  void noHumanCorrelatesACustomersMessageNotAProcessOwnerNorAnAdmin() {
    String trackingNumber = receiveAndPatchAs(AGENT);
    submit(trackingNumber, Element.FIND_ROOT_CAUSE, Map.of(Var.ONE_OFF, true,
        Var.ROOT_CAUSE_DESCRIPTION, "A courier dropped it", Var.ONE_OFF_REASON, "PARTNER_SLIP",
        Var.ONE_OFF_NOTE, "Seen once"));
    reportBack(trackingNumber, "We are sorry; a courier dropped it.");

    for (String user : List.of(OWNER, ADMIN, AGENT)) {
      ResponseEntity<Map> correlated = as(user).postForEntity("/engine-rest/message", json("""
          {"messageName": "%s", "businessKey": "%s", "processVariables": {"resolved": {"value": true}}}"""
          .formatted(ComplaintProcess.MESSAGE_CUSTOMER_CONFIRMED, trackingNumber)), Map.class);
      assertThat(correlated.getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
      ResponseEntity<Map> signal = as(user).postForEntity("/engine-rest/signal",
          json("{\"name\": \"anything\"}"), Map.class);
      assertThat(signal.getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
    }
    executeDueJobs();
    assertThat(state(trackingNumber)).isEqualTo("REPORTED");
    assertThat(openTaskKeys(trackingNumber)).containsExactly(Element.RECORD_CUSTOMER_CONFIRMATION);
  }

  // --- whose task it is ------------------------------------------------------------------------------

  @Test
  void anAgentCannotTakeReleaseOrCompleteAColleaguesClaimedTaskButATeamLeadMayReassign() {
    String colleagues = receiveAndPatchAs(COLLEAGUE);
    String taskId = taskId(colleagues, Element.FIND_ROOT_CAUSE);
    assertThat(taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo(COLLEAGUE);

    assertThat(as(AGENT).postForEntity("/engine-rest/task/" + taskId + "/assignee",
        json("{\"userId\": \"sam\"}"), String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(as(AGENT).postForEntity("/engine-rest/task/" + taskId + "/unclaim", json("{}"), String.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(as(AGENT).postForEntity("/engine-rest/task/" + taskId + "/claim", json("{\"userId\": \"sam\"}"),
        String.class).getStatusCode()).isNotEqualTo(HttpStatus.NO_CONTENT);
    assertThat(as(AGENT).exchange("/engine-rest/task/" + taskId, HttpMethod.PUT,
        json("{\"name\": \"Find the root cause\", \"assignee\": \"sam\", \"priority\": 50}"), String.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<Map> completed = submitForm(AGENT, taskId, Map.of(Var.ONE_OFF, true,
        Var.ROOT_CAUSE_DESCRIPTION, "x", Var.ONE_OFF_REASON, "PARTNER_SLIP", Var.ONE_OFF_NOTE, "y"));
    assertThat(completed.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo(COLLEAGUE);

    assertThat(as(LEAD).postForEntity("/engine-rest/task/" + taskId + "/assignee", json("{\"userId\": \"sam\"}"),
        String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo(AGENT);
    assertThat(as(AGENT).postForEntity("/engine-rest/task/" + taskId + "/unclaim", json("{}"), String.class)
        .getStatusCode()).as("giving back one's own task").isEqualTo(HttpStatus.NO_CONTENT);
  }

  @Test
  void aProcessOwnerCannotHurryATimerModifyOrDeleteAComplaint() {
    String trackingNumber = receiveAndPatchAs(AGENT);
    String instance = processOf(trackingNumber);
    Job keepInLoop = managementService.createJobQuery().processInstanceId(instance).timers().list().get(0);

    assertThat(as(OWNER).postForEntity("/engine-rest/job/" + keepInLoop.getId() + "/execute", null, String.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(as(OWNER).exchange("/engine-rest/job/" + keepInLoop.getId() + "/duedate", HttpMethod.PUT,
        json("{\"duedate\": \"2020-01-01T00:00:00.000+0000\"}"), String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(as(OWNER).postForEntity("/engine-rest/process-instance/" + instance + "/modification", json("""
        {"instructions": [{"type": "startBeforeActivity", "activityId": "%s"}]}""".formatted(Element.CLOSE)),
        String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(as(OWNER).exchange("/engine-rest/process-instance/" + instance, HttpMethod.DELETE, null, String.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

    assertThat(managementService.createJobQuery().jobId(keepInLoop.getId()).singleResult().getDuedate())
        .isEqualTo(keepInLoop.getDuedate());
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance).count()).isEqualTo(1);
    assertThat(openTaskKeys(trackingNumber)).containsExactly(Element.FIND_ROOT_CAUSE);
  }

  // --- a form's values, and only its values ------------------------------------------------------------

  @Test
  void extraValuesOnReportBackCannotTalkTheReviewPolicyOutOfAReview() {
    String trackingNumber = receiveAndPatchAs(AGENT);
    submit(trackingNumber, Element.FIND_ROOT_CAUSE, Map.of(Var.ONE_OFF, true,
        Var.ROOT_CAUSE_DESCRIPTION, "A courier dropped it", Var.ONE_OFF_REASON, "PARTNER_SLIP",
        Var.ONE_OFF_NOTE, "Seen once"));
    String taskId = claim(trackingNumber, Element.REPORT_BACK);

    ResponseEntity<Map> smuggled = submitForm(taskId, Map.of(Var.ANSWER_TEXT, "Sorry.", Var.SEVERITY, "low",
        Var.CATEGORY, "other", Var.REMEDY_AMOUNT, 0));

    assertThat(smuggled.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(fields(smuggled)).containsExactlyInAnyOrder(Var.SEVERITY, Var.CATEGORY, Var.REMEDY_AMOUNT);
    assertThat(openTaskKeys(trackingNumber)).containsExactly(Element.REPORT_BACK);
    assertThat(runtimeService.getVariable(processOf(trackingNumber), Var.CATEGORY)).isEqualTo("delivery");
  }

  @Test
  void theAutomaticCloseReasonAndAnUnlistedRootCauseOwnerCannotBeChosenByHand() {
    String trackingNumber = receiveAndPatchAs(AGENT);
    String findCause = claim(trackingNumber, Element.FIND_ROOT_CAUSE);
    ResponseEntity<Map> auditorsOwnIt = submitForm(findCause, Map.of(Var.ONE_OFF, false,
        Var.ROOT_CAUSE_DESCRIPTION, "Boxes too weak", Var.ROOT_CAUSE_OWNER_GROUP, "auditors"));
    assertThat(auditorsOwnIt.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(fields(auditorsOwnIt)).containsExactly(Var.ROOT_CAUSE_OWNER_GROUP);
    assertThat(count("root_cause where description = 'Boxes too weak'")).isZero();

    submit(trackingNumber, Element.FIND_ROOT_CAUSE, Map.of(Var.ONE_OFF, true,
        Var.ROOT_CAUSE_DESCRIPTION, "A courier dropped it", Var.ONE_OFF_REASON, "PARTNER_SLIP",
        Var.ONE_OFF_NOTE, "Seen once"));
    reportBack(trackingNumber, "We are sorry; a courier dropped it.");
    String confirmation = claim(trackingNumber, Element.RECORD_CUSTOMER_CONFIRMATION);
    ResponseEntity<Map> noReply = submitForm(confirmation, Map.of(Var.CLOSE_WITHOUT_CONFIRMATION, true,
        Var.CLOSE_REASON, "NO_REPLY", Var.CLOSE_NOTE, "Did not try"));

    assertThat(noReply.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(fields(noReply)).containsExactly(Var.CLOSE_REASON);
    assertThat(String.valueOf(shown(confirmation, Var.CLOSE_REASONS)))
        .doesNotContain("NO_REPLY");
    assertThat(state(trackingNumber)).isEqualTo("REPORTED");
  }

  @Test
  void everyComplaintFormRefusesAWrongTypeAnUnknownFieldAnOverLongValueAndAControlCharacter() {
    String trackingNumber = receive();
    String agree = claim(trackingNumber, Element.AGREE_EXPECTATION);
    refusesBadValues(agree, Var.EXPECTATION_NOTE, 2000, trackingNumber, Element.AGREE_EXPECTATION);
    agreeExpectation(trackingNumber, PROMISED);

    String patch = taskId(trackingNumber, Element.PATCH_SYMPTOM);
    refusesBadValues(patch, Var.PATCH_DESCRIPTION, 4000, trackingNumber, Element.PATCH_SYMPTOM);
    submit(trackingNumber, Element.PATCH_SYMPTOM, Map.of(Var.PATCH_DESCRIPTION, "Sent a replacement"));

    String find = taskId(trackingNumber, Element.FIND_ROOT_CAUSE);
    refusesBadValues(find, Var.ROOT_CAUSE_DESCRIPTION, 4000, trackingNumber, Element.FIND_ROOT_CAUSE);
    submit(trackingNumber, Element.FIND_ROOT_CAUSE, Map.of(Var.ROOT_CAUSE_DESCRIPTION, "Weak boxes", Var.ONE_OFF, false));

    String key = "RC-" + rootCauseOf(trackingNumber);
    String investigate = claim(LEAD, key, RootCauseProcess.Element.INVESTIGATE);
    refusesBadValuesAs(LEAD, investigate, RootCauseProcess.Var.WONT_FIX_REASON, 2000, key,
        RootCauseProcess.Element.INVESTIGATE);
    ResponseEntity<Map> year10000 = submitForm(LEAD, investigate, Map.of(RootCauseProcess.Var.WILL_FIX, true,
        RootCauseProcess.Var.FIX_DEADLINE, "+10000-01-01"));
    assertThat(fields(year10000)).containsExactly(RootCauseProcess.Var.FIX_DEADLINE);
    ResponseEntity<Map> numberForADate = submitForm(LEAD, investigate, Map.of(RootCauseProcess.Var.WILL_FIX, true,
        RootCauseProcess.Var.FIX_DEADLINE, 20261231));
    assertThat(fields(numberForADate)).containsExactly(RootCauseProcess.Var.FIX_DEADLINE);
    submit(LEAD, key, RootCauseProcess.Element.INVESTIGATE, Map.of(RootCauseProcess.Var.WILL_FIX, true,
        RootCauseProcess.Var.FIX_DEADLINE, BusinessDay.today().plusDays(14).toString()));

    String fix = claim(LEAD, key, RootCauseProcess.Element.FIX);
    refusesBadValuesAs(LEAD, fix, RootCauseProcess.Var.FIX_DESCRIPTION, 4000, key, RootCauseProcess.Element.FIX);
    ResponseEntity<Map> hundredThousand = submitForm(LEAD, fix,
        Map.of(RootCauseProcess.Var.FIX_DESCRIPTION, "x".repeat(100_000)));
    assertThat(hundredThousand.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    submit(LEAD, key, RootCauseProcess.Element.FIX, Map.of(RootCauseProcess.Var.FIX_DESCRIPTION, "Stronger boxes"));

    String verify = claim(SECOND_LEAD, key, RootCauseProcess.Element.VERIFY);
    ResponseEntity<Map> maybe = submitForm(SECOND_LEAD, verify, Map.of(RootCauseProcess.Var.FIX_VERIFIED, "maybe"));
    assertThat(maybe.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(fields(maybe)).containsExactly(RootCauseProcess.Var.FIX_VERIFIED);
    refusesBadValuesAs(SECOND_LEAD, verify, RootCauseProcess.Var.VERIFICATION_NOTE, 2000, key,
        RootCauseProcess.Element.VERIFY);
  }

  // --- four eyes are two signed-in people ---------------------------------------------------------------

  @Test
  void aTeamLeadCannotVerifyHerOwnFixInAColleaguesName() {
    String trackingNumber = receiveAndPatchAs(AGENT);
    submit(trackingNumber, Element.FIND_ROOT_CAUSE, Map.of(Var.ROOT_CAUSE_DESCRIPTION, "Weak tape", Var.ONE_OFF, false));
    String key = "RC-" + rootCauseOf(trackingNumber);
    submit(LEAD, key, RootCauseProcess.Element.INVESTIGATE, Map.of(RootCauseProcess.Var.WILL_FIX, true,
        RootCauseProcess.Var.FIX_DEADLINE, BusinessDay.today().plusDays(14).toString()));
    submit(LEAD, key, RootCauseProcess.Element.FIX, Map.of(RootCauseProcess.Var.FIX_DESCRIPTION, "Better tape"));
    String verify = taskId(key, RootCauseProcess.Element.VERIFY);
    String fixedState = rootCauseState(trackingNumber);

    // She sets her colleague as the assignee, then completes it herself.
    assertThat(as(LEAD).postForEntity("/engine-rest/task/" + verify + "/assignee",
        json("{\"userId\": \"ivo\"}"), String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(submitForm(LEAD, verify, Map.of(RootCauseProcess.Var.FIX_VERIFIED, "true")).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    // She takes it back and verifies her own fix as herself.
    assertThat(as(LEAD).postForEntity("/engine-rest/task/" + verify + "/assignee",
        json("{\"userId\": \"lea\"}"), String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    ResponseEntity<Map> own = submitForm(LEAD, verify, Map.of(RootCauseProcess.Var.FIX_VERIFIED, "true"));
    assertThat(own.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(fields(own)).containsExactly(RootCauseProcess.Var.FIX_VERIFIED);
    assertThat(rootCauseState(trackingNumber)).isEqualTo(fixedState);
    assertThat(jdbc.queryForObject("select verified_by from root_cause where id = ?", String.class,
        rootCauseOf(trackingNumber))).isNull();

    // As the engine's Java API would have recorded it before: the assignee is not who acted.
    taskService.setAssignee(verify, LEAD);
    assertThat(as(SECOND_LEAD).postForEntity("/engine-rest/task/" + verify + "/assignee",
        json("{\"userId\": \"ivo\"}"), String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    submit(SECOND_LEAD, key, RootCauseProcess.Element.VERIFY, Map.of(RootCauseProcess.Var.FIX_VERIFIED, "true"));
    assertThat(jdbc.queryForObject("select verified_by from root_cause where id = ?", String.class,
        rootCauseOf(trackingNumber))).isEqualTo(SECOND_LEAD);
  }

  @Test
  void anUnassignedReviewIsRecordedAsTheSignedInReviewerAndTheAuthorCannotApproveIt() {
    ResponseEntity<Map> critical = postComplaint(intake().replace("\"desiredOutcome\"",
        "\"severity\": \"critical\", \"desiredOutcome\""));
    String trackingNumber = (String) critical.getBody().get("trackingNumber");
    submit(LEAD, trackingNumber, Element.AGREE_EXPECTATION, Map.of(Var.DESIRED_OUTCOME, "replacement",
        Var.AGREED_ANSWER_DATE, PROMISED, Var.CONTACT_PREFERENCE, "email"));
    executeDueJobs();
    submit(LEAD, trackingNumber, Element.PATCH_SYMPTOM, Map.of(Var.PATCH_DESCRIPTION, "Sent a replacement"));
    submit(LEAD, trackingNumber, Element.FIND_ROOT_CAUSE, Map.of(Var.ONE_OFF, true,
        Var.ROOT_CAUSE_DESCRIPTION, "A courier dropped it", Var.ONE_OFF_REASON, "PARTNER_SLIP",
        Var.ONE_OFF_NOTE, "Seen once"));
    submit(LEAD, trackingNumber, Element.REPORT_BACK, Map.of(Var.ANSWER_TEXT, "Sorry."));
    assertThat(openTaskKeys(trackingNumber)).as("a critical complaint's answer is reviewed")
        .contains(Element.REVIEW_ANSWER);
    String review = taskId(trackingNumber, Element.REVIEW_ANSWER);

    assertThat(as(LEAD).postForEntity("/engine-rest/task/" + review + "/assignee",
        json("{\"userId\": \"ivo\"}"), String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(submitForm(LEAD, review, Map.of(Var.ANSWER_APPROVED, "true")).getStatusCode())
        .as("in her colleague's name").isEqualTo(HttpStatus.FORBIDDEN);
    taskService.setAssignee(review, null);
    // Not offered to its author (FourEyes): the engine does not let her work on it at all.
    assertThat(submitForm(LEAD, review, Map.of(Var.ANSWER_APPROVED, "true")).getStatusCode())
        .as("the author, unassigned").isEqualTo(HttpStatus.FORBIDDEN);
    // Assigned to her anyway: the form refuses her under the field.
    taskService.setAssignee(review, LEAD);
    ResponseEntity<Map> own = submitForm(LEAD, review, Map.of(Var.ANSWER_APPROVED, "true"));
    assertThat(own.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(fields(own)).containsExactly(Var.ANSWER_APPROVED);
    taskService.setAssignee(review, null);
    assertThat(openTaskKeys(trackingNumber)).contains(Element.REVIEW_ANSWER);

    assertThat(submitForm(SECOND_LEAD, review, Map.of(Var.ANSWER_APPROVED, "true")).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    executeDueJobs();
    assertThat(jdbc.queryForObject("select reviewed_by from answer_evidence e join complaint c on c.id = e.complaint_id"
        + " where c.tracking_number = ?", String.class, trackingNumber)).isEqualTo(SECOND_LEAD);
  }

  // --- even if something got past the engine: no remedy goes out that was not granted ---------------------

  @Test
  void aRemedyWaitingForApprovalOrRefusedIsNeverPaid() {
    ResponseEntity<Map> response = postComplaint("""
        {"customerName": "Eva de Wit", "customerEmail": "%s", "channel": "web", "category": "product",
         "description": "The vase arrived broken.", "desiredOutcome": "refund", "amount": 750}""".formatted(newEmail()));
    String trackingNumber = (String) response.getBody().get("trackingNumber");
    submit(trackingNumber, Element.AGREE_EXPECTATION, Map.of(Var.DESIRED_OUTCOME, "refund",
        Var.AGREED_ANSWER_DATE, PROMISED, Var.CONTACT_PREFERENCE, "email"));
    executeDueJobs();
    long remedyId = jdbc.queryForObject("select id from remedy where tracking_number = ?", Long.class, trackingNumber);
    long payouts = count("payout");

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> remedies.payRefund(remedyId))
        .hasMessageContaining("AWAITING_APPROVAL");
    assertThat(count("payout")).isEqualTo(payouts);
  }

  @Test
  void noArbitraryObjectIsBuiltFromAVariable() {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    assertThat(configuration.isDeserializationTypeValidationEnabled()).isTrue();
    assertThat(configuration.getDeserializationTypeValidator().validate("java.io.File")).isFalse();
    assertThat(configuration.getDeserializationTypeValidator().validate("org.springframework.beans.factory.config.PropertyPathFactoryBean")).isFalse();
  }

  // --- helpers -----------------------------------------------------------------------------------------

  private void refusesBadValues(String taskId, String textField, int maxLength, String businessKey, String taskKey) {
    refusesBadValuesAs(AGENT, taskId, textField, maxLength, businessKey, taskKey);
  }

  /** A wrong type, an unknown field, an over-long text and a control character: each a 400 naming the field. */
  private void refusesBadValuesAs(String user, String taskId, String textField, int maxLength, String businessKey,
      String taskKey) {
    Map<String, Object> wrongType = Map.of(textField, 42);
    Map<String, Object> unknown = Map.of("remedyAmount", 1000000);
    Map<String, Object> overLong = Map.of(textField, "x".repeat(maxLength + 1));
    Map<String, Object> control = Map.of(textField, "\u0000 hidden \u001b[31m");
    for (Map<String, Object> bad : List.of(wrongType, unknown, overLong, control)) {
      ResponseEntity<Map> refused = as(user).postForEntity("/engine-rest/task/" + taskId + "/submit-form",
          new HttpEntity<>(jsonBody(bad), jsonHeaders()), Map.class);
      assertThat(refused.getStatusCode()).as(taskKey + " " + bad.keySet() + ": " + refused.getBody())
          .isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(fields(refused)).as(taskKey).contains(bad.keySet().iterator().next());
      assertThat(taskService.createTaskQuery().taskId(taskId).count()).as(taskKey + " stays open").isEqualTo(1);
    }
  }

  private static String jsonBody(Map<String, Object> variables) {
    StringBuilder body = new StringBuilder("{\"variables\": {");
    variables.forEach((name, value) -> body.append('"').append(name).append("\": {\"value\": ")
        .append(value instanceof String text ? "\"" + text.replace("\u0000", "\\u0000").replace("\u001b", "\\u001b")
            + "\"" : value).append("},"));
    body.setLength(body.length() - 1);
    return body.append("}}").toString();
  }

  private static org.springframework.http.HttpHeaders jsonHeaders() {
    org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
    headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
    return headers;
  }

  private ResponseEntity<Map> startComplaint(String user, String body) {
    return as(user).postForEntity("/engine-rest/process-definition/key/complaint/start", json(body), Map.class);
  }

  /** The fields a 400 names. */
  @SuppressWarnings("unchecked")
  private static List<String> fields(ResponseEntity<Map> response) {
    assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.BAD_REQUEST);
    return ((List<Map<String, String>>) response.getBody().get("errors")).stream().map(e -> e.get("field")).toList();
  }

  private String receiveAndPatchAs(String agent) {
    String trackingNumber = receive();
    submit(agent, trackingNumber, Element.AGREE_EXPECTATION, Map.of(Var.DESIRED_OUTCOME, "replacement",
        Var.AGREED_ANSWER_DATE, PROMISED, Var.CONTACT_PREFERENCE, "email"));
    executeDueJobs();
    submit(agent, trackingNumber, Element.PATCH_SYMPTOM, Map.of(Var.PATCH_DESCRIPTION, "Sent a replacement"));
    return trackingNumber;
  }

  /** The instance's variables as text: JSON values are compared by what they hold. */
  private String variablesOf(String instance) {
    return new java.util.TreeMap<>(runtimeService.getVariables(instance)).toString();
  }

  private String rootCauseState(String trackingNumber) {
    return jdbc.queryForObject("select state from root_cause where id = ?", String.class, rootCauseOf(trackingNumber));
  }

  private String processOf(String trackingNumber) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(trackingNumber).singleResult().getId();
  }

  /** The migration guard lets a plan set the complaint's queue and nothing else (ModelMigrationTest tries it). */
  @Test
  void theMigrationGuardKnowsTheComplaintsQueueVariableByItsName() {
    assertThat(PeopleCommands.QUEUE).isEqualTo(Var.QUEUE);
  }
}
