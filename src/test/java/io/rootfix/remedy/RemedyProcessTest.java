package io.rootfix.remedy;

import static io.rootfix.remedy.RemedyProcess.Element.APPROVAL_NEEDED;
import static io.rootfix.remedy.RemedyProcess.Element.APPROVE_REMEDY;
import static io.rootfix.remedy.RemedyProcess.Element.COUNT_CUSTOMER_REMEDIES;
import static io.rootfix.remedy.RemedyProcess.Element.DECIDE_REMEDY;
import static io.rootfix.remedy.RemedyProcess.Element.END;
import static io.rootfix.remedy.RemedyProcess.Element.PAY_REFUND;
import static io.rootfix.remedy.RemedyProcess.Element.RECORD_REMEDY_DECISION;
import static io.rootfix.remedy.RemedyProcess.Element.REMEDY_GRANTED;
import static io.rootfix.remedy.RemedyProcess.Element.REMEDY_SETTLED;
import static io.rootfix.remedy.RemedyProcess.Element.SHIP_REPLACEMENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import io.rootfix.complaint.ComplaintProcess;
import io.rootfix.remedy.RemedyProcess.Var;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The real {@code processes/remedy.bpmn} with the real remedy policy, its delegates mocked: the process, not the
 * ledger, is under test here (RemedyLifecycleTest pays through the real service). Started as the complaint's call
 * activity starts it: its business key and in-variables only. Every flow node and sequence flow is covered.
 */
@Deployment(resources = {RemedyProcess.RESOURCE, RemedyProcess.POLICY_DECISION})
class RemedyProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine =
      ProcessEngineCoverageExtension.builder().assertClassCoverageAtLeast(1.0).build();

  private static final String TRACKING_NUMBER = "RF-2026-000042";
  private static final Date ANSWER_DUE = Date.from(Instant.parse("2026-11-25T16:00:00Z"));

  private ProcessEngine processEngine;

  /** What the customer wants and claims, as the first step finds it. */
  private String desiredOutcome = "answer";
  private Double claimedAmount;

  /** The delegates and listeners the process called, in order. */
  private final List<String> calls = new ArrayList<>();

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(processEngine);
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-23T09:00:00Z")));
    mock("countCustomerRemedies", execution -> {
      execution.setVariable(Var.DESIRED_OUTCOME, desiredOutcome);
      execution.setVariable(Var.CATEGORY, "delivery");
      execution.setVariable(Var.CLAIMED_AMOUNT, claimedAmount);
      execution.setVariable(Var.REMEDIES_LAST_12_MONTHS, 0);
      execution.setVariable(Var.REMEDY_TOTAL_LAST_12_MONTHS, 0.0);
    });
    mock("recordRemedyDecision", execution -> {
      calls.add("decided:" + execution.getVariable(Var.REMEDY_TYPE) + " " + execution.getVariable(Var.REMEDY_AMOUNT)
          + (Boolean.TRUE.equals(execution.getVariable(Var.TEAM_LEAD_APPROVAL)) ? " for a team lead" : ""));
      execution.setVariable(Var.REMEDY_ID, 9L);
    });
    mock("payRefund", execution -> {});
    mock("shipReplacement", execution -> {});
    Mocks.register("recordRemedyApproval", (TaskListener) task -> calls.add("approval"));
  }

  @AfterEach
  void tearDown() {
    Mocks.reset();
    ClockUtil.reset();
  }

  /** The key the complaint's call activity names is this model's. */
  @Test
  void theComplaintCallsThisModel() {
    assertThat(ComplaintProcess.CALLED_REMEDY).isEqualTo(RemedyProcess.KEY);
  }

  @Test
  void noRemedyDueIsDecidedRecordedAndSettledAtOnce() {
    ProcessInstance remedy = start();

    assertThat(remedy.getBusinessKey()).isEqualTo(TRACKING_NUMBER);
    assertThat(remedy).isEnded()
        .hasPassed(COUNT_CUSTOMER_REMEDIES, DECIDE_REMEDY, RECORD_REMEDY_DECISION, REMEDY_SETTLED, END)
        .hasNotPassed(APPROVAL_NEEDED, APPROVE_REMEDY, PAY_REFUND, SHIP_REPLACEMENT);
    assertThat(calls).containsExactly("countCustomerRemedies", "recordRemedyDecision", "decided:NONE 0.0");
  }

  @Test
  void aRefundWithinThePolicyLimitIsPaidWithoutAnyoneLooking() {
    desiredOutcome = "refund";
    claimedAmount = 129.95;
    ProcessInstance remedy = start();

    assertThat(remedy).isWaitingAt(PAY_REFUND).hasNotPassed(APPROVE_REMEDY);
    assertThat(calls).containsExactly("countCustomerRemedies", "recordRemedyDecision", "decided:REFUND 129.95");
    assertThat(runtimeService().getVariable(remedy.getId(), Var.REMEDY_TYPE)).isEqualTo("REFUND");

    execute(job(PAY_REFUND));

    assertThat(remedy).isEnded().hasPassed(PAY_REFUND, END).hasNotPassed(SHIP_REPLACEMENT);
    assertThat(calls).last().isEqualTo("payRefund");
  }

  @Test
  void aReplacementAboveTheLimitWaitsForATeamLeadWhoGrantsIt() {
    desiredOutcome = "replacement";
    claimedAmount = 750.0;
    ProcessInstance remedy = start();

    assertThat(remedy).isWaitingAt(APPROVE_REMEDY);
    assertThat(calls).contains("decided:REPLACEMENT 750.0 for a team lead");
    assertThat(task()).hasCandidateGroup(RemedyProcess.TEAM_LEADS).hasDueDate(ANSWER_DUE);
    complete(task(), withVariables(Var.REMEDY_APPROVED, true));

    assertThat(remedy).isWaitingAt(SHIP_REPLACEMENT);
    execute(job(SHIP_REPLACEMENT));

    assertThat(remedy).isEnded().hasPassed(REMEDY_GRANTED, SHIP_REPLACEMENT).hasNotPassed(PAY_REFUND);
    assertThat(calls).containsSubsequence("approval", "shipReplacement");
  }

  @Test
  void aRemedyTheTeamLeadRefusesIsNeitherPaidNorShipped() {
    desiredOutcome = "refund";
    claimedAmount = 900.0;
    ProcessInstance remedy = start();
    assertThat(remedy).isWaitingAt(APPROVE_REMEDY);

    complete(task(APPROVE_REMEDY), withVariables(Var.REMEDY_APPROVED, false, Var.REFUSAL_REASON, "ALREADY_COMPENSATED",
        Var.REFUSAL_NOTE, "Bought elsewhere"));

    assertThat(remedy).isEnded().hasPassed(APPROVE_REMEDY, REMEDY_SETTLED)
        .hasNotPassed(REMEDY_GRANTED, PAY_REFUND, SHIP_REPLACEMENT);
    assertThat(calls).doesNotContain("payRefund", "shipReplacement");
    assertThat(managementService().createJobQuery().count()).isZero();
  }

  @Test
  void aRepairIsRecordedAndLeftToTheAgent() {
    desiredOutcome = "repair";
    ProcessInstance remedy = start();

    assertThat(remedy).isEnded().hasPassed(REMEDY_SETTLED).hasNotPassed(APPROVAL_NEEDED);
    assertThat(calls).contains("decided:REPAIR 0.0");
  }

  @Test
  void aPaymentThatFailsOnceIsRetriedAfterAMinuteAndGoesThroughOnce() {
    desiredOutcome = "refund";
    claimedAmount = 40.0;
    int[] attempts = {0};
    mock("payRefund", execution -> {
      if (++attempts[0] == 1) {
        throw new IllegalStateException("Payment gateway unreachable");
      }
    });
    ProcessInstance remedy = start();

    assertThat(tryJob(PAY_REFUND)).isFalse();
    Job retry = job(PAY_REFUND);
    assertThat(retry.getRetries()).isEqualTo(4);
    assertThat(retry.getDuedate()).isEqualTo(plus(ClockUtil.getCurrentTime(), Duration.ofMinutes(1)));
    assertThat(remedy).isWaitingAt(PAY_REFUND);

    ClockUtil.setCurrentTime(retry.getDuedate());
    assertThat(tryJob(PAY_REFUND)).isTrue();

    assertThat(remedy).isEnded();
    assertThat(attempts[0]).isEqualTo(2);
    assertThat(calls.stream().filter("payRefund"::equals)).hasSize(2);
    assertThat(managementService().createJobQuery().count()).isZero();
  }

  @Test
  void aPaymentThatKeepsFailingBecomesAnIncidentAndTheRemedyWaits() {
    desiredOutcome = "refund";
    claimedAmount = 40.0;
    mock("payRefund", execution -> {
      throw new IllegalStateException("Payment gateway unreachable");
    });
    ProcessInstance remedy = start();

    for (int attempt = 1; attempt <= 5; attempt++) {
      ClockUtil.setCurrentTime(plus(ClockUtil.getCurrentTime(), Duration.ofMinutes(1)));
      assertThat(tryJob(PAY_REFUND)).isFalse();
    }

    assertThat(job(PAY_REFUND).getRetries()).isZero();
    assertThat(runtimeService().createIncidentQuery().processInstanceId(remedy.getId())
        .activityId(PAY_REFUND).count()).isEqualTo(1);
    assertThat(remedy).isWaitingAt(PAY_REFUND).hasNotPassed(REMEDY_SETTLED);
  }

  /** As Activity_Remedy starts it: the tracking number as business key, and only the in-variables. */
  private ProcessInstance start() {
    return runtimeService().startProcessInstanceByKey(RemedyProcess.KEY, TRACKING_NUMBER,
        withVariables(Var.COMPLAINT_ID, 42L, Var.TRACKING_NUMBER, TRACKING_NUMBER, Var.CUSTOMER_NAME, "Eva de Wit",
            Var.DESCRIPTION, "The vase arrived broken.", Var.ANSWER_DUE_DATE, ANSWER_DUE));
  }

  private void mock(String name, JavaDelegate behaviour) {
    Mocks.register(name, (JavaDelegate) execution -> {
      calls.add(name);
      behaviour.execute(execution);
    });
  }

  private static Job job(String activityId) {
    return managementService().createJobQuery().activityId(activityId).singleResult();
  }

  /** Runs the job as the job executor would; true when it succeeded. */
  private static boolean tryJob(String activityId) {
    try {
      managementService().executeJob(job(activityId).getId());
      return true;
    } catch (RuntimeException failed) {
      return false;
    }
  }

  private static Date plus(Date date, Duration duration) {
    return new Date(date.getTime() + duration.toMillis());
  }
}
