package io.rootfix.remedy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.rootfix.complaint.ComplaintProcess;
import io.rootfix.complaint.ComplaintProcess.Element;
import io.rootfix.complaint.ComplaintProcess.Var;
import io.rootfix.support.RootfixIntegrationTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * No-quibble remedies through the whole application: decided by policy, approved by a team lead above the
 * limit, and paid or shipped exactly once however often the payment gateway fails, or the node crashes
 * between the payout and the commit. The gateway's failures are scripted ({@link ScriptedPaymentGateway}).
 */
class RemedyLifecycleTest extends RootfixIntegrationTest {

  @Autowired
  ScriptedPaymentGateway gateway;

  @Autowired
  RemedyRepository remedies;

  @Autowired
  TransactionTemplate transactions;

  @Autowired
  @Qualifier("payRefund")
  JavaDelegate payRefund;

  @AfterEach
  void gatewayWorksAgain() {
    gateway.reset();
  }

  @Test
  void aRefundBelowTheLimitIsPaidExactlyOnceThoughTheGatewayFailsTwiceAndNoHumanTouchesIt() {
    gateway.failBeforePaying(2);
    String trackingNumber = complaintWanting("refund", "129.95", "delivery", newEmail());

    assertThat(openTaskKeys(trackingNumber)).containsExactly(Element.PATCH_SYMPTOM);
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(trackingNumber)
        .taskCandidateGroup(RemedyProcess.TEAM_LEADS).count()).isZero();
    Remedy remedy = remedyOf(trackingNumber);
    assertThat(remedy.getType()).isEqualTo(RemedyType.REFUND);
    assertThat(remedy.getAmount()).isEqualByComparingTo("129.95");
    assertThat(remedy.getState()).isEqualTo(RemedyState.GRANTED);
    assertThat(remedy.isApprovalNeeded()).isFalse();
    assertThat(promiseOf(trackingNumber, "REFUND")).containsEntry("state", "OPEN");
    // Decided in the remedy's own process, which the complaint waits for; nothing comes back before it settles.
    assertThat(runtimeService.getVariable(remedyInstance(trackingNumber).getId(), RemedyProcess.Var.REMEDY_TYPE))
        .isEqualTo("REFUND");
    assertThat(runtimeService.getVariable(remedyInstance(trackingNumber).getId(), RemedyProcess.Var.REMEDY_AMOUNT))
        .isEqualTo(129.95);
    assertThat(runtimeService.getVariables(processOf(trackingNumber))).doesNotContainKey(Var.REMEDY_TYPE);

    assertThat(runRemedyJob(trackingNumber, RemedyProcess.Element.PAY_REFUND)).as("first attempt").isFalse();
    assertThat(runRemedyJob(trackingNumber, RemedyProcess.Element.PAY_REFUND)).as("second attempt").isFalse();
    assertThat(remedyJob(trackingNumber, RemedyProcess.Element.PAY_REFUND).getRetries()).isEqualTo(3);
    assertThat(runRemedyJob(trackingNumber, RemedyProcess.Element.PAY_REFUND)).as("third attempt").isTrue();

    assertThat(gateway.calls(remedy.getIdempotencyKey())).isEqualTo(3);
    assertThat(payoutsFor(remedy)).isEqualTo(1);
    remedy = remedyOf(trackingNumber);
    assertThat(remedy.getState()).isEqualTo(RemedyState.PAID);
    assertThat(remedy.getExternalReference()).isEqualTo(payoutReference(remedy));
    assertThat(promiseOf(trackingNumber, "REFUND")).containsEntry("state", "KEPT");
    assertThat(remedyInstance(trackingNumber)).as("the remedy's process ended").isNull();
    submit(trackingNumber, Element.PATCH_SYMPTOM, Map.of(Var.PATCH_DESCRIPTION, "Refund on its way"));
    assertThat(openTaskKeys(trackingNumber)).containsExactly(Element.FIND_ROOT_CAUSE);
    // Nothing came back from the remedy's process: its outcome is in the ledger, which the complaint reads.
    assertThat(runtimeService.getVariables(processOf(trackingNumber))).doesNotContainKeys(Var.REMEDY_TYPE,
        Var.REMEDY_AMOUNT, RemedyProcess.Var.REMEDY_ID,
            RemedyProcess.Var.TEAM_LEAD_APPROVAL, RemedyProcess.Var.REMEDY_POLICY_NOTE,
            RemedyProcess.Var.REMEDIES_LAST_12_MONTHS, RemedyProcess.Var.REMEDY_TOTAL_LAST_12_MONTHS,
            RemedyProcess.Var.REFUSAL_REASONS);
  }

  @Test
  void aGatewayThatAlwaysFailsLeavesAnIncidentAndAWaitingComplaintAndTheRetryAfterTheIncidentPaysOnce() {
    gateway.failBeforePaying(-1);
    String trackingNumber = complaintWanting("refund", "80", "delivery", newEmail());
    submit(trackingNumber, Element.PATCH_SYMPTOM, Map.of(Var.PATCH_DESCRIPTION, "Apologised"));

    for (int attempt = 1; attempt <= 5; attempt++) {
      assertThat(runRemedyJob(trackingNumber, RemedyProcess.Element.PAY_REFUND)).isFalse();
    }

    Job job = remedyJob(trackingNumber, RemedyProcess.Element.PAY_REFUND);
    assertThat(job.getRetries()).isZero();
    assertThat(runtimeService.createIncidentQuery().processInstanceId(remedyInstance(trackingNumber).getId())
        .activityId(RemedyProcess.Element.PAY_REFUND).count()).isEqualTo(1);
    // Cockpit shows it on the complaint too, at the call activity it waits in.
    assertThat(runtimeService.createIncidentQuery().processInstanceId(processOf(trackingNumber))
        .activityId(Element.REMEDY).count()).isEqualTo(1);
    assertThat(openTaskKeys(trackingNumber)).as("the complaint waits for its remedy").isEmpty();
    Remedy remedy = remedyOf(trackingNumber);
    assertThat(payoutsFor(remedy)).isZero();
    assertThat(remedy.getState()).isEqualTo(RemedyState.GRANTED);

    // An operator resolves the incident (Cockpit: "Increment number of retries") once the gateway is back.
    gateway.reset();
    managementService.setJobRetries(job.getId(), 1);
    assertThat(runRemedyJob(trackingNumber, RemedyProcess.Element.PAY_REFUND)).isTrue();

    assertThat(payoutsFor(remedy)).isEqualTo(1);
    assertThat(remedyOf(trackingNumber).getState()).isEqualTo(RemedyState.PAID);
    assertThat(runtimeService.createIncidentQuery().processInstanceId(processOf(trackingNumber)).count()).isZero();
    assertThat(openTaskKeys(trackingNumber)).containsExactly(Element.FIND_ROOT_CAUSE);
  }

  @Test
  void aCrashBetweenThePayoutAndTheCommitPaysOnceOnTheRetry() {
    gateway.failAfterPaying(1);
    String trackingNumber = complaintWanting("refund", "45.50", "delivery", newEmail());

    assertThat(runRemedyJob(trackingNumber, RemedyProcess.Element.PAY_REFUND)).isFalse();
    Remedy remedy = remedyOf(trackingNumber);
    assertThat(payoutsFor(remedy)).as("paid, but not recorded by Rootfix").isEqualTo(1);
    assertThat(remedy.getState()).isEqualTo(RemedyState.GRANTED);

    assertThat(runRemedyJob(trackingNumber, RemedyProcess.Element.PAY_REFUND)).isTrue();

    assertThat(gateway.calls(remedy.getIdempotencyKey())).isEqualTo(2);
    assertThat(payoutsFor(remedy)).isEqualTo(1);
    assertThat(remedyOf(trackingNumber).getExternalReference()).isEqualTo(payoutReference(remedy));
  }

  @Test
  void theSameDelegateExecutedTwiceForOneComplaintPaysOnce() throws Exception {
    String trackingNumber = complaintWanting("refund", "19.99", "delivery", newEmail());
    Remedy remedy = remedyOf(trackingNumber);
    DelegateExecution execution = mock(DelegateExecution.class);
    when(execution.getVariable(RemedyProcess.Var.REMEDY_ID)).thenReturn(remedy.getId());

    // The first run pays, then its node dies before the commit: Rootfix's transaction is lost.
    transactions.executeWithoutResult(status -> {
      try {
        payRefund.execute(execution);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      status.setRollbackOnly();
    });
    assertThat(remedyOf(trackingNumber).getState()).isEqualTo(RemedyState.GRANTED);
    assertThat(payoutsFor(remedy)).isEqualTo(1);

    // The same delegate runs again for the same complaint, then the process's own job once more.
    transactions.executeWithoutResult(status -> {
      try {
        payRefund.execute(execution);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    assertThat(runRemedyJob(trackingNumber, RemedyProcess.Element.PAY_REFUND)).isTrue();

    assertThat(gateway.calls(remedy.getIdempotencyKey())).isEqualTo(2);
    assertThat(payoutsFor(remedy)).isEqualTo(1);
    assertThat(remedyOf(trackingNumber).getState()).isEqualTo(RemedyState.PAID);
    assertThat(remedyOf(trackingNumber).getExternalReference()).isEqualTo(payoutReference(remedy));
  }

  @Test
  void aRefundAboveTheLimitWaitsForATeamLeadWhoGrantsItByDefault() {
    String trackingNumber = complaintWanting("refund", "750", "product", newEmail());

    assertThat(openTaskKeys(trackingNumber)).containsExactlyInAnyOrder(Element.PATCH_SYMPTOM, RemedyProcess.Element.APPROVE_REMEDY);
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(trackingNumber)
        .taskDefinitionKey(RemedyProcess.Element.APPROVE_REMEDY).taskCandidateGroup(RemedyProcess.TEAM_LEADS).count()).isEqualTo(1);
    assertThat(remedyJobs(trackingNumber)).isZero();
    assertThat(remedyOf(trackingNumber).getState()).isEqualTo(RemedyState.AWAITING_APPROVAL);
    String taskId = taskId(trackingNumber, RemedyProcess.Element.APPROVE_REMEDY);
    assertThat(shown(taskId, RemedyProcess.Var.DESCRIPTION)).as("the customer's words, from the complaint")
        .isEqualTo("The vase arrived broken.");
    assertThat(runtimeService.createVariableInstanceQuery().processInstanceIdIn(taskService.createTaskQuery()
        .taskId(taskId).singleResult().getProcessInstanceId()).variableName(RemedyProcess.Var.DESCRIPTION).count())
        .as("the remedy keeps no copy of them").isZero();
    // An agent may not decide it, not even with the task assigned to them.
    assertThat(submitForm(AGENT, taskId, Map.of()).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    taskService.setAssignee(taskId, AGENT);
    ResponseEntity<Map> byAgent = submitForm(AGENT, taskId, Map.of());
    assertThat(byAgent.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(byAgent.getBody().toString()).contains(RemedyProcess.Var.REMEDY_APPROVED, "only a team lead");
    taskService.setAssignee(taskId, null);

    submit(LEAD, trackingNumber, RemedyProcess.Element.APPROVE_REMEDY, Map.of());

    Remedy remedy = remedyOf(trackingNumber);
    assertThat(remedy.getState()).isEqualTo(RemedyState.GRANTED);
    assertThat(remedy.getApprovedBy()).isEqualTo(LEAD);
    assertThat(promiseOf(trackingNumber, "REFUND")).containsEntry("state", "OPEN");
    assertThat(runRemedyJob(trackingNumber, RemedyProcess.Element.PAY_REFUND)).isTrue();
    assertThat(payoutsFor(remedy)).isEqualTo(1);
  }

  /** Approve the remedy runs in the remedy's process, yet is a complaint task: in its filter, due and moved with it. */
  @Test
  void approveTheRemedyIsAmongTheComplaintTasksDueWithTheAnswerAndMovedWithIt() {
    String trackingNumber = complaintWanting("refund", "750", "product", newEmail());
    String taskId = taskId(trackingNumber, RemedyProcess.Element.APPROVE_REMEDY);
    Map<String, Object> answer = promiseOf(trackingNumber, "ANSWER");
    Instant due = Instant.parse((String) answer.get("dueAt"));
    assertThat(dueDateOf(taskId)).isEqualTo(due);
    List<Map<String, Object>> filters = as(LEAD).getForObject("/engine-rest/filter?resourceType=Task", List.class);
    Object allOpen = filters.stream().filter(f -> "All open complaint tasks".equals(f.get("name"))).findFirst()
        .orElseThrow().get("id");
    List<Map<String, Object>> listed = as(LEAD).postForObject("/engine-rest/filter/" + allOpen + "/list?maxResults=1000",
        json("{\"processInstanceBusinessKey\": \"" + trackingNumber + "\"}"), List.class);
    assertThat(listed).extracting(t -> t.get("id")).contains(taskId);

    Instant later = due.plus(Duration.ofDays(3));
    ResponseEntity<Map> moved = as(AGENT).postForEntity("/api/promises/" + answer.get("id") + "/renegotiation",
        json("{\"newDueAt\": \"%s\", \"reason\": \"The supplier answers on Monday\"}".formatted(later)), Map.class);
    assertThat(moved.getStatusCode()).as(String.valueOf(moved.getBody())).isEqualTo(HttpStatus.OK);

    assertThat(dueDateOf(taskId)).isEqualTo(later);
  }

  private Instant dueDateOf(String taskId) {
    return taskService.createTaskQuery().taskId(taskId).singleResult().getDueDate().toInstant();
  }

  @Test
  void aTeamLeadRefusesOnlyWithAWrittenReasonAndNothingIsPaid() {
    String trackingNumber = complaintWanting("replacement", "1200", "delivery", newEmail());
    String taskId = claim(LEAD, trackingNumber, RemedyProcess.Element.APPROVE_REMEDY);

    ResponseEntity<Map> withoutReason = submitForm(LEAD, taskId, Map.of(RemedyProcess.Var.REMEDY_APPROVED, false));
    assertThat(withoutReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(withoutReason.getBody().toString()).contains(RemedyProcess.Var.REFUSAL_REASON).contains(RemedyProcess.Var.REFUSAL_NOTE);
    ResponseEntity<Map> unknownReason = submitForm(LEAD, taskId, Map.of(RemedyProcess.Var.REMEDY_APPROVED, false,
        RemedyProcess.Var.REFUSAL_REASON, "CUSTOMER_ASKS_TOO_OFTEN", RemedyProcess.Var.REFUSAL_NOTE, "Third time this year"));
    assertThat(unknownReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(unknownReason.getBody().toString()).contains("ALREADY_COMPENSATED");
    assertThat(remedyOf(trackingNumber).getState()).isEqualTo(RemedyState.AWAITING_APPROVAL);

    submit(LEAD, trackingNumber, RemedyProcess.Element.APPROVE_REMEDY,
        Map.of(RemedyProcess.Var.REMEDY_APPROVED, false, RemedyProcess.Var.REFUSAL_REASON, "ALREADY_COMPENSATED",
            RemedyProcess.Var.REFUSAL_NOTE, "The order was returned and refunded last week"));
    submit(trackingNumber, Element.PATCH_SYMPTOM, Map.of(Var.PATCH_DESCRIPTION, "Explained the earlier refund"));

    Remedy remedy = remedyOf(trackingNumber);
    assertThat(remedy.getState()).isEqualTo(RemedyState.REFUSED);
    assertThat(remedy.getRefusalReason())
        .isEqualTo("Already compensated for this matter: The order was returned and refunded last week");
    assertThat(jdbc.queryForObject("select code from recorded_reason where tracking_number = ? and step = ?",
        String.class, trackingNumber, "REMEDY_REFUSAL")).isEqualTo("ALREADY_COMPENSATED");
    List<Map<String, Object>> trail = as(AUDITOR).getForObject("/api/audit/complaints/" + trackingNumber, List.class);
    assertThat(trail).anySatisfy(e -> assertThat(e).containsEntry("what", "Reason given: REMEDY_REFUSAL")
        .containsEntry("actor", LEAD).containsEntry("details",
            "ALREADY_COMPENSATED (Already compensated for this matter): The order was returned and refunded last week"));
    assertThat(remedy.getPromiseId()).isNull();
    assertThat(remedyJobs(trackingNumber)).isZero();
    assertThat(count("shipment_order where idempotency_key = '" + remedy.getIdempotencyKey() + "'")).isZero();
    assertThat(openTaskKeys(trackingNumber)).containsExactly(Element.FIND_ROOT_CAUSE);
  }

  @Test
  void aReplacementIsShippedOnceAndKeepsItsDeliveryPromiseWithTheWindow() {
    String trackingNumber = complaintWanting("replacement", "60", "delivery", newEmail());
    Map<String, Object> promise = promiseOf(trackingNumber, "DELIVERY");
    assertThat(promise).containsEntry("state", "OPEN");
    assertThat(Instant.parse((String) promise.get("windowFrom"))).isBefore(Instant.parse((String) promise.get("dueAt")));

    assertThat(runRemedyJob(trackingNumber, RemedyProcess.Element.SHIP_REPLACEMENT)).isTrue();

    Remedy remedy = remedyOf(trackingNumber);
    assertThat(remedy.getState()).isEqualTo(RemedyState.SHIPPED);
    assertThat(jdbc.queryForObject("select order_reference from shipment_order where idempotency_key = ?", String.class,
        remedy.getIdempotencyKey())).isEqualTo("ORD-4711");
    assertThat(remedy.getExternalReference()).startsWith("SHIP-");
    assertThat(promiseOf(trackingNumber, "DELIVERY")).containsEntry("state", "KEPT");
    assertThat(gateway.calls(remedy.getIdempotencyKey())).isZero();
  }

  @Test
  void theCustomersEarlierRemediesAreRecordedAndNeverBlockARemedyBelowTheLimit() {
    String email = newEmail();
    String first = complaintWanting("refund", "100", "delivery", email);
    assertThat(runRemedyJob(first, RemedyProcess.Element.PAY_REFUND)).isTrue();

    String second = complaintWanting("refund", "50", "product", email);

    Remedy remedy = remedyOf(second);
    assertThat(remedy.getRemediesLast12Months()).isEqualTo(1);
    assertThat(remedy.getRemedyTotalLast12Months()).isEqualByComparingTo("100.00");
    assertThat(remedy.getState()).isEqualTo(RemedyState.GRANTED);
    assertThat(remedy.isApprovalNeeded()).isFalse();
    // The abuse signal is the remedy's: recorded with it, never passed back to the complaint.
    assertThat(runtimeService.getVariables(processOf(second))).doesNotContainKey(RemedyProcess.Var.REMEDIES_LAST_12_MONTHS);
  }

  @Test
  void staffAndAuditorsReadTheRemediesWithTheirReferencesAndTheInsightsShowTheShareOfTheCost() {
    Instant before = Instant.now().minusSeconds(1);
    String refunded = complaintWanting("refund", "30", "delivery", newEmail());
    runRemedyJob(refunded, RemedyProcess.Element.PAY_REFUND);
    String replaced = complaintWanting("replacement", "90", "delivery", newEmail());
    runRemedyJob(replaced, RemedyProcess.Element.SHIP_REPLACEMENT);

    List<Map<String, Object>> asAgent = as(AGENT).getForObject("/api/complaints/" + refunded + "/remedies", List.class);
    assertThat(asAgent).singleElement().satisfies(r -> {
      assertThat(r).containsEntry("type", "REFUND").containsEntry("state", "PAID").containsEntry("amount", 30.0)
          .containsEntry("currency", "EUR");
      assertThat((String) r.get("externalReference")).startsWith("PAY-");
    });
    assertThat(as(AUDITOR).getForEntity("/api/complaints/" + refunded + "/remedies", List.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    List<Map<String, Object>> trail = as(AUDITOR).getForObject("/api/audit/complaints/" + refunded, List.class);
    // The remedy's own process is on the complaint's trail: same business key.
    assertThat(trail).anySatisfy(entry -> assertThat(entry).containsEntry("what", "Started: Pay the refund")
        .containsEntry("details", RemedyProcess.KEY + " / " + RemedyProcess.Element.PAY_REFUND));
    assertThat(trail).anySatisfy(entry -> {
      assertThat(entry).containsEntry("what", "Remedy paid");
      assertThat((String) entry.get("details")).contains((String) asAgent.get(0).get("externalReference"));
    });

    Map<String, Object> insights = as(LEAD).getForObject("/api/insights/remedies?from=" + before + "&to="
        + Instant.now().plusSeconds(60), Map.class);
    List<Map<String, Object>> byType = (List<Map<String, Object>>) insights.get("byType");
    double total = ((Number) insights.get("totalCost")).doubleValue();
    assertThat(total).isGreaterThanOrEqualTo(120.0);
    assertThat(byType).extracting(t -> t.get("type")).contains("REFUND", "REPLACEMENT");
    assertThat(byType.stream().mapToDouble(t -> ((Number) t.get("shareOfTotal")).doubleValue()).sum())
        .isCloseTo(1.0, org.assertj.core.data.Offset.offset(0.001));
    byType.forEach(t -> assertThat(((Number) t.get("shareOfTotal")).doubleValue())
        .isCloseTo(((Number) t.get("cost")).doubleValue() / total, org.assertj.core.data.Offset.offset(0.0001)));
  }

  @Test
  void theIntakeTakesAnAmountInEurosWithAtMostTwoDecimalsAndAnOrderReference() {
    for (String badAmount : List.of("-1", "12.345", "\"12.00\"")) {
      ResponseEntity<Map> response = postComplaint(intakeWith("refund", badAmount, "delivery", newEmail()));
      assertThat(response.getStatusCode()).as(badAmount).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(response.getBody().toString()).as(badAmount).contains("amount");
    }

    String trackingNumber = (String) postComplaint(intakeWith("refund", "12.5", "delivery", newEmail()))
        .getBody().get("trackingNumber");

    Map<String, Object> view = as(AGENT).getForObject("/api/complaints/" + trackingNumber, Map.class);
    assertThat(view).containsEntry("claimedAmount", 12.5).containsEntry("orderReference", "ORD-4711");
  }

  // --- helpers -------------------------------------------------------------------------------------

  /** A new complaint whose customer wants this remedy, agreed and acknowledged; the remedy is decided. */
  private String complaintWanting(String desiredOutcome, String amount, String category, String email) {
    ResponseEntity<Map> response = postComplaint(intakeWith(desiredOutcome, amount, category, email));
    assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.CREATED);
    String trackingNumber = (String) response.getBody().get("trackingNumber");
    submit(trackingNumber, Element.AGREE_EXPECTATION, Map.of(Var.DESIRED_OUTCOME, desiredOutcome,
        Var.AGREED_ANSWER_DATE, PROMISED, Var.CONTACT_PREFERENCE, "email"));
    executeDueJobs();
    return trackingNumber;
  }

  private static String intakeWith(String desiredOutcome, String amount, String category, String email) {
    return """
        {"customerName": "Eva de Wit", "customerEmail": "%s", "channel": "web", "category": "%s",
         "description": "The vase arrived broken.", "desiredOutcome": "%s", "amount": %s,
         "orderReference": "ORD-4711"}""".formatted(email, category, desiredOutcome, amount);
  }

  /** Runs the remedy's job as the job executor would once its back-off passed; true when it succeeded. */
  private boolean runRemedyJob(String trackingNumber, String activityId) {
    try {
      managementService.executeJob(remedyJob(trackingNumber, activityId).getId());
      return true;
    } catch (RuntimeException failed) {
      return false;
    }
  }

  private Job remedyJob(String trackingNumber, String activityId) {
    return managementService.createJobQuery().processInstanceId(remedyInstance(trackingNumber).getId())
        .activityId(activityId).singleResult();
  }

  /** The payout and shipment jobs of the complaint's remedy; none once its process ended. */
  private long remedyJobs(String trackingNumber) {
    ProcessInstance remedy = remedyInstance(trackingNumber);
    return remedy == null ? 0 : managementService.createJobQuery().processInstanceId(remedy.getId()).count();
  }

  private String processOf(String trackingNumber) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(ComplaintProcess.KEY)
        .processInstanceBusinessKey(trackingNumber).singleResult().getId();
  }

  /** The remedy.bpmn instance the complaint called, with its tracking number as business key; null once ended. */
  private ProcessInstance remedyInstance(String trackingNumber) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(RemedyProcess.KEY)
        .processInstanceBusinessKey(trackingNumber).singleResult();
  }

  private Remedy remedyOf(String trackingNumber) {
    return remedies.findByComplaint_TrackingNumberOrderByDecidedAtAscIdAsc(trackingNumber).get(0);
  }

  private long payoutsFor(Remedy remedy) {
    return jdbc.queryForObject("select count(*) from payout where idempotency_key = ?", Long.class,
        remedy.getIdempotencyKey());
  }

  private String payoutReference(Remedy remedy) {
    return jdbc.queryForObject("select reference from payout where idempotency_key = ?", String.class,
        remedy.getIdempotencyKey());
  }

  private Map<String, Object> promiseOf(String trackingNumber, String type) {
    List<Map<String, Object>> promises = as(AGENT).getForObject("/api/complaints/" + trackingNumber + "/promises",
        List.class);
    return promises.stream().filter(p -> type.equals(p.get("type"))).findFirst().orElseThrow();
  }
}
