package io.rootfix.complaint;

import static io.rootfix.complaint.ComplaintProcess.Element.ACKNOWLEDGE;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static io.rootfix.complaint.ComplaintProcess.Element.AGREE_EXPECTATION;
import static io.rootfix.complaint.ComplaintProcess.Element.CLOSE;
import static io.rootfix.complaint.ComplaintProcess.Element.CLOSE_WITHOUT_REPLY;
import static io.rootfix.complaint.ComplaintProcess.Element.END_CLOSED;
import static io.rootfix.complaint.ComplaintProcess.Element.FIND_ROOT_CAUSE;
import static io.rootfix.complaint.ComplaintProcess.Element.RECORD_FIX;
import static io.rootfix.complaint.ComplaintProcess.Element.ROOT_CAUSE_FIXED;
import static io.rootfix.complaint.ComplaintProcess.Element.WAIT_FOR_FIX;
import static io.rootfix.complaint.ComplaintProcess.Element.PATCH_SYMPTOM;
import static io.rootfix.complaint.ComplaintProcess.Element.POINT_TO_DISPUTES_COMMITTEE;
import static io.rootfix.complaint.ComplaintProcess.Element.RECOGNISE_CUSTOMER;
import static io.rootfix.complaint.ComplaintProcess.Element.RECORD_CUSTOMER_CONFIRMATION;
import static io.rootfix.complaint.ComplaintProcess.Element.REGISTER;
import static io.rootfix.complaint.ComplaintProcess.Element.REOPEN;
import static io.rootfix.complaint.ComplaintProcess.Element.REPORT_BACK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static io.rootfix.complaint.ComplaintProcess.Element.NO_REPLY;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import io.rootfix.complaint.ComplaintProcess.Var;
import io.rootfix.rootcause.RootCauseProcess;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The real {@code processes/complaint.bpmn}, with its delegates mocked: the process, not the services,
 * is under test here. Every flow node and sequence flow is covered. The remedy it calls is a stub of the same key
 * (remedy.bpmn has RemedyProcessTest): here what goes into it and what comes back is under test.
 */
@Deployment(resources = {ComplaintProcess.RESOURCE, ComplaintProcess.ANSWER_DEADLINE_DECISION,
    ComplaintProcess.ANSWER_REVIEW_DECISION, ComplaintProcess.ROUTING_DECISION})
class ComplaintProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine =
      ProcessEngineCoverageExtension.builder().assertClassCoverageAtLeast(1.0).build();

  private ProcessEngine processEngine;

  /** The delegates the process called, in order. */
  private final List<String> calls = new ArrayList<>();

  private int reopenCount;

  /** What the keep-in-loop check finds. */
  private boolean silent;

  /** The open complaint the recognition finds the contact to be about; null for a new matter. */
  private String repeatOf;

  /** What the called remedy saw: its business key and the names of its variables. */
  private final List<String> remedyCalls = new ArrayList<>();
  private final Set<String> remedyVariables = new TreeSet<>();

  /** What the routing policy said, as the queue check saw it; and the queue the check settles on, if not that. */
  private final List<String> routed = new ArrayList<>();
  private String checkedQueue;

  /** What the answer-deadline policy said, as the proposal delegate saw it. */
  private final List<String> proposed = new ArrayList<>();
  /** What the review policy decided on each draft, as recordReviewDecision takes it to the complaint row. */
  private final List<String> reviewDecisions = new ArrayList<>();

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(processEngine);
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-23T09:00:00Z")));
    mockDelegate("registerComplaint", execution -> {
      execution.setVariable(Var.COMPLAINT_ID, 42L);
      execution.setVariable(Var.TRACKING_NUMBER, "RF-2026-000042");
      execution.setProcessBusinessKey("RF-2026-000042");
    });
    mockDelegate("recogniseCustomer", execution -> {
      execution.setVariable(Var.CUSTOMER_ID, 7L);
      execution.setVariable(Var.REPEAT_OF, repeatOf);
    });
    Mocks.register("checkQueue", (ExecutionListener) execution -> {
      routed.add((String) execution.getVariable(Var.QUEUE));
      if (checkedQueue != null) {
        execution.setVariable(Var.QUEUE, checkedQueue);
      }
    });
    mockDelegate("attachContact", execution -> {});
    mockDelegate("mergeIntoSurvivor", execution -> {});
    mockDelegate("proposeAnswerDate", execution -> proposed.add((String) execution.getVariable(Var.ANSWER_WITHIN)));
    mockDelegate("acknowledgeComplaint", execution -> {});
    mockDelegate("reopenComplaint", execution -> execution.setVariable(Var.REOPEN_COUNT, ++reopenCount));
    mockDelegate("pointToDisputesCommittee", execution -> {});
    mockDelegate("closeComplaint", execution -> {});
    mockDelegate("closeWithoutReply", execution -> {});
    mockDelegate("sendAnswer", execution -> {});
    Mocks.register("recordReviewDecision", (ExecutionListener) execution -> {
      boolean needed = ComplaintProcess.REVIEW_NEEDED.isTrue(execution);
      String policy = ComplaintProcess.REVIEW_POLICY.from(execution);
      reviewDecisions.add(needed + ": " + policy);
      ComplaintProcess.REVIEW_NEEDED.on(execution).set(needed);
      ComplaintProcess.REVIEW_POLICY.on(execution).set(policy);
    });
    Mocks.register("offerControlledReasons", (TaskListener) task -> {});
    mockDelegate("recordFixOnComplaint", execution -> {});
    Mocks.register("offerKnownRootCauses", (TaskListener) task -> {});
    Mocks.register("showCustomerHistory", (TaskListener) task -> {});
    Mocks.register("showReportPreview", (TaskListener) task -> {});
    Mocks.register("showRootCauseFix", (TaskListener) task -> {});
    Mocks.register("offerReviewToOtherLeads", (TaskListener) task -> task.addCandidateGroup(ComplaintProcess.TEAM_LEADS));
    mockDelegate("askCustomerForInformation", execution -> {});
    mockDelegate("resumeAfterWaiting", execution -> execution.removeVariable(Var.NEED_CUSTOMER_INFORMATION));
    mockDelegate("checkCustomerInLoop", execution -> execution.setVariableLocal(Var.CUSTOMER_WAITING_FOR_UPDATE, silent));
    for (String listener : List.of("recordExpectation", "recordPatch", "recordRootCauseFinding",
        "recordCustomerInformation", "recordCustomerUpdate", "recordAnswerDraft", "recordAnswerReview",
        "recordCustomerConfirmation")) {
      Mocks.register(listener, (TaskListener) task -> calls.add("outcome:" + task.getTaskDefinitionKey()));
    }
    Mocks.register("stubRemedy", (JavaDelegate) execution -> {
      remedyCalls.add("remedy for " + execution.getProcessBusinessKey());
      remedyVariables.addAll(execution.getVariableNames());
      // What remedy.bpmn decides, and what it keeps to itself.
      execution.setVariable(Var.REMEDY_TYPE, "REFUND");
      execution.setVariable(Var.REMEDY_AMOUNT, 129.95);
      for (String own : REMEDY_OWN_VARIABLES) {
        execution.setVariable(own, "the remedy's own");
      }
    });
    deployStubRemedy(false);
  }

  /** Variables remedy.bpmn sets for itself (its RemedyProcess.Var): none of them is the complaint's business. */
  private static final List<String> REMEDY_OWN_VARIABLES = List.of("remedyId", "teamLeadApproval", "remedyPolicyNote",
      "remediesLast12Months", "remedyTotalLast12Months", "remedyApproved", "refusalReason");

  /** A remedy process of the key the complaint calls: settles at once, or waits for its job (a payout). */
  private void deployStubRemedy(boolean waits) {
    repositoryService().createDeployment().addModelInstance("remedy-stub.bpmn",
        Bpmn.createExecutableProcess(ComplaintProcess.CALLED_REMEDY).name("Remedy (stub)").camundaHistoryTimeToLive(1)
            .startEvent("Start_StubRemedy").serviceTask("Task_StubRemedy").camundaDelegateExpression("${stubRemedy}")
            .camundaAsyncBefore(waits).endEvent("End_StubRemedy").done()).deploy();
  }

  @AfterEach
  void tearDown() {
    for (var stub : repositoryService().createProcessDefinitionQuery().processDefinitionKey(ComplaintProcess.CALLED_REMEDY).list()) {
      repositoryService().deleteDeployment(stub.getDeploymentId(), true);
    }
    Mocks.reset();
    ClockUtil.reset();
  }

  @Test
  void resolvedComplaintGoesThroughEveryStageToClosed() {
    ProcessInstance complaint = receiveComplaint();

    assertThat(complaint).hasBusinessKey("RF-2026-000042").isWaitingAt(AGREE_EXPECTATION)
        .hasPassed(ComplaintProcess.Element.ROUTE_TO_QUEUE);
    assertThat(routed).containsExactly(ComplaintProcess.AGENTS);
    assertThat(task()).hasCandidateGroup(ComplaintProcess.AGENTS).isNotAssigned();
    complete(task(), withVariables(Var.OWNER, "sam", Var.AGREED_ANSWER_DATE, "2026-12-01"));

    assertThat(complaint).isWaitingAt(ACKNOWLEDGE);
    runAsyncStep();

    assertThat(complaint).isWaitingAt(PATCH_SYMPTOM).hasPassed(ComplaintProcess.Element.REMEDY);
    assertThat(remedyCalls).containsExactly("remedy for RF-2026-000042");
    assertThat(task()).hasCandidateGroupAssociated(ComplaintProcess.AGENTS).isAssignedTo("sam");
    complete(task());

    findRootCauseAndFix(complaint);
    reportBack(complaint);

    complete(task(), withVariables(Var.RESOLVED, true));
    assertThat(complaint).isWaitingAt(CLOSE);
    runAsyncStep();

    assertThat(complaint).isEnded().hasPassed(CLOSE, END_CLOSED).hasNotPassed(REOPEN, CLOSE_WITHOUT_REPLY);
    assertThat(calls).containsExactly("recogniseCustomer", "registerComplaint", "proposeAnswerDate",
        "outcome:" + AGREE_EXPECTATION, "acknowledgeComplaint", "outcome:" + PATCH_SYMPTOM,
        "outcome:" + FIND_ROOT_CAUSE, "recordFixOnComplaint", "outcome:" + REPORT_BACK, "sendAnswer",
        "outcome:" + RECORD_CUSTOMER_CONFIRMATION, "closeComplaint");
    assertThat(complaint).hasPassed(ComplaintProcess.Element.DECIDE_ANSWER_REVIEW)
        .hasNotPassed(ComplaintProcess.Element.REVIEW_ANSWER);
  }

  @Test
  void theQueueTheCheckSettlesOnIsOfferedEveryComplaintTaskAndNotTheWholeTeam() {
    checkedQueue = "queue-billing";
    ProcessInstance complaint = receiveComplaint();

    assertThat(task()).hasCandidateGroup("queue-billing").isNotAssigned();
    assertThat(taskService().getIdentityLinksForTask(task().getId()))
        .noneMatch(link -> ComplaintProcess.AGENTS.equals(link.getGroupId()));
    complete(task(), withVariables(Var.OWNER, "sam"));
    runAsyncStep();
    assertThat(complaint).isWaitingAt(PATCH_SYMPTOM);
    assertThat(task()).hasCandidateGroupAssociated("queue-billing").isAssignedTo("sam");
    complete(task());
    assertThat(complaint).isWaitingAt(FIND_ROOT_CAUSE);
    assertThat(task()).hasCandidateGroupAssociated("queue-billing").isAssignedTo("sam");
  }

  @Test
  void notResolvedReopensAtTheRootCauseAndTheSecondReopenPointsToTheDisputesCommittee() {
    ProcessInstance complaint = receiveAndPatch();
    findRootCauseAndFix(complaint);
    reportBack(complaint);

    complete(task(), withVariables(Var.RESOLVED, false));
    assertThat(complaint).hasPassed(REOPEN).isWaitingAt(FIND_ROOT_CAUSE);
    assertThat(task()).hasCandidateGroupAssociated(ComplaintProcess.AGENTS).isAssignedTo("sam");
    assertThat(calls).doesNotContain("pointToDisputesCommittee");

    findRootCauseAndFix(complaint);
    reportBackReviewed(complaint);
    complete(task(), withVariables(Var.RESOLVED, false));

    assertThat(complaint).isWaitingAt(POINT_TO_DISPUTES_COMMITTEE);
    runAsyncStep();
    assertThat(calls).containsOnlyOnce("pointToDisputesCommittee");
    assertThat(complaint).isWaitingAt(FIND_ROOT_CAUSE);

    findRootCauseAndFix(complaint);
    reportBackReviewed(complaint);
    complete(task(), withVariables(Var.RESOLVED, true));
    runAsyncStep();
    assertThat(complaint).isEnded().hasPassed(END_CLOSED);
    assertThat(runtimeService().createProcessInstanceQuery().count()).isZero();
  }

  @Test
  void noReplyWithinFourteenDaysClosesWithANote() {
    ProcessInstance complaint = receiveAndPatch();
    findRootCauseAndFix(complaint);
    reportBack(complaint);

    Job noReply = managementService().createJobQuery().activityId(NO_REPLY).singleResult();
    assertThat(noReply.getDuedate()).isEqualTo(plus(ClockUtil.getCurrentTime(), Duration.ofDays(14)));

    ClockUtil.setCurrentTime(plus(ClockUtil.getCurrentTime(), Duration.ofDays(13)));
    assertThat(managementService().createJobQuery().activityId(NO_REPLY).executable().count()).isZero();

    ClockUtil.setCurrentTime(plus(ClockUtil.getCurrentTime(), Duration.ofDays(1).plusMinutes(1)));
    execute(managementService().createJobQuery().activityId(NO_REPLY).executable().singleResult());

    assertThat(complaint).isWaitingAt(CLOSE_WITHOUT_REPLY);
    runAsyncStep();
    assertThat(complaint).isEnded().hasPassed(CLOSE_WITHOUT_REPLY, END_CLOSED).hasNotPassed(CLOSE);
  }

  @Test
  void customerConfirmingThroughAChannelEndsTheWaitWithoutTheAgent() {
    ProcessInstance complaint = receiveAndPatch();
    findRootCauseAndFix(complaint);
    reportBack(complaint);

    runtimeService().createMessageCorrelation(ComplaintProcess.MESSAGE_CUSTOMER_CONFIRMED)
        .processInstanceBusinessKey("RF-2026-000042")
        .setVariable(Var.RESOLVED, true)
        .correlate();

    assertThat(complaint).hasPassed(ComplaintProcess.Element.CUSTOMER_CONFIRMED).isWaitingAt(CLOSE);
    assertThat(calls).doesNotContain("outcome:" + RECORD_CUSTOMER_CONFIRMATION);
    assertThat(managementService().createJobQuery().activityId(NO_REPLY).count()).as("no-reply timer removed").isZero();
    runAsyncStep();
    assertThat(complaint).isEnded();
  }

  @Test
  void oneOffSkipsTheFundamentalFix() {
    ProcessInstance complaint = receiveAndPatch();

    complete(task(), withVariables(Var.ONE_OFF, true, Var.ONE_OFF_REASON, "PARTNER_SLIP",
        Var.ONE_OFF_NOTE, "A courier's single mistake"));

    assertThat(complaint).isWaitingAt(REPORT_BACK).hasNotPassed(WAIT_FOR_FIX, RECORD_FIX);
  }

  @Test
  void aRootCauseThatIsAlreadyFixedLetsTheComplaintGoStraightOn() {
    ProcessInstance complaint = receiveAndPatch();

    complete(task(), withVariables(Var.ONE_OFF, false, Var.ROOT_CAUSE_SETTLED, true));

    assertThat(complaint).hasPassed(RECORD_FIX).hasNotPassed(WAIT_FOR_FIX).isWaitingAt(REPORT_BACK);
  }

  @Test
  void askingTheCustomerForInformationWaitsForTheirReplyThenFindsTheRootCauseAgain() {
    ProcessInstance complaint = receiveAndPatch();

    complete(task(), withVariables(Var.NEED_CUSTOMER_INFORMATION, true));
    assertThat(complaint).isWaitingAt(ComplaintProcess.Element.ASK_CUSTOMER);
    runAsyncStep();
    assertThat(complaint).isWaitingAt(ComplaintProcess.Element.AWAIT_CUSTOMER_INFORMATION);
    assertThat(task()).hasCandidateGroupAssociated(ComplaintProcess.AGENTS).isAssignedTo("sam");

    complete(task());
    assertThat(complaint).isWaitingAt(ComplaintProcess.Element.RESUME_AFTER_WAITING);
    runAsyncStep();
    assertThat(complaint).isWaitingAt(FIND_ROOT_CAUSE);

    complete(task(), withVariables(Var.NEED_CUSTOMER_INFORMATION, true));
    runAsyncStep();
    runtimeService().createMessageCorrelation(ComplaintProcess.MESSAGE_CUSTOMER_INFORMATION)
        .processInstanceBusinessKey("RF-2026-000042").correlate();
    assertThat(complaint).hasPassed(ComplaintProcess.Element.CUSTOMER_INFORMATION_RECEIVED);
    runAsyncStep();
    assertThat(complaint).isWaitingAt(FIND_ROOT_CAUSE);
    assertThat(calls).containsSubsequence("askCustomerForInformation", "resumeAfterWaiting",
        "askCustomerForInformation", "resumeAfterWaiting");
  }

  @Test
  void aCustomerWhoHeardNothingForTooLongGetsAnUpdateFromTheOwner() {
    ProcessInstance complaint = receiveAndPatch();
    silent = true;

    passDailyCheck();
    assertThat(task(ComplaintProcess.Element.UPDATE_CUSTOMER, complaint))
        .hasCandidateGroupAssociated(ComplaintProcess.AGENTS).isAssignedTo("sam");
    complete(task(ComplaintProcess.Element.UPDATE_CUSTOMER, complaint));
    assertThat(complaint).isWaitingAt(FIND_ROOT_CAUSE).hasPassed("End_CustomerUpdated");

    silent = false;
    passDailyCheck();
    assertThat(complaint).hasPassed("End_CustomerInLoop").isWaitingAt(FIND_ROOT_CAUSE);
    assertThat(managementService().createJobQuery().activityId(ComplaintProcess.Element.KEEP_IN_LOOP).count())
        .as("checks again tomorrow, until the complaint is closed").isOne();
  }

  @Test
  void aContactAboutAnOpenComplaintIsAttachedToItAndOpensNothing() {
    repeatOf = "RF-2026-000042";

    ProcessInstance contact = runtimeService().startProcessInstanceByKey(ComplaintProcess.KEY,
        withVariables(Var.CATEGORY, "billing", Var.CHANNEL, "phone"));

    assertThat(contact).isEnded()
        .hasPassed(RECOGNISE_CUSTOMER, ComplaintProcess.Element.ATTACH_CONTACT, ComplaintProcess.Element.END_CONTACT_ATTACHED)
        .hasNotPassed(REGISTER, AGREE_EXPECTATION);
    assertThat(calls).containsExactly("recogniseCustomer", "attachContact");
  }

  @Test
  void aComplaintMergedIntoAnotherStopsEverythingOpenAndEnds() {
    ProcessInstance complaint = receiveAndPatch();

    runtimeService().createMessageCorrelation(ComplaintProcess.MESSAGE_COMPLAINT_MERGED)
        .processInstanceBusinessKey("RF-2026-000042")
        .setVariable(Var.MERGED_INTO, "RF-2026-000041")
        .correlate();

    assertThat(complaint).isEnded()
        .hasPassed(ComplaintProcess.Element.MERGED_INTO_ANOTHER, ComplaintProcess.Element.MERGE_INTO_SURVIVOR,
            ComplaintProcess.Element.END_MERGED)
        .hasNotPassed(END_CLOSED);
    assertThat(calls).endsWith("mergeIntoSurvivor");
    assertThat(managementService().createJobQuery().processInstanceId(complaint.getId()).count())
        .as("no daily check left behind").isZero();
  }

  // --- The remedy, its own process, in parallel with Patch the symptom --------------------------

  @Test
  void theRemedyGetsOnlyItsInVariablesAndTheTrackingNumberAsBusinessKey() {
    agreedAndAcknowledged();

    assertThat(remedyCalls).containsExactly("remedy for RF-2026-000042");
    assertThat(remedyVariables).containsExactlyInAnyOrder(Var.COMPLAINT_ID, Var.TRACKING_NUMBER, Var.CUSTOMER_NAME,
        "attachments");
  }

  /** The remedy's outcome is in its ledger, where the review reads it: nothing of the remedy's comes back. */
  @Test
  void nothingOfTheRemedysComesBackToTheComplaint() {
    ProcessInstance complaint = agreedAndAcknowledged();

    assertThat(complaint).variables().doesNotContainKeys(Var.REMEDY_TYPE, Var.REMEDY_AMOUNT)
        .doesNotContainKeys(REMEDY_OWN_VARIABLES.toArray(String[]::new));
  }

  @Test
  void theComplaintWaitsForItsRemedyBeforeTheRootCause() {
    deployStubRemedy(true);
    ProcessInstance complaint = agreedAndAcknowledged();
    complete(task(PATCH_SYMPTOM));

    assertThat(complaint).isWaitingAt(ComplaintProcess.Element.REMEDY).isNotWaitingAt(FIND_ROOT_CAUSE);
    ProcessInstance remedy = runtimeService().createProcessInstanceQuery().superProcessInstanceId(complaint.getId())
        .singleResult();
    assertThat(remedy).hasBusinessKey("RF-2026-000042");

    execute(managementService().createJobQuery().processInstanceId(remedy.getId()).singleResult());

    assertThat(remedy).isEnded();
    assertThat(complaint).isWaitingAt(FIND_ROOT_CAUSE).hasPassed(ComplaintProcess.Element.REMEDY);
  }

  private ProcessInstance agreedAndAcknowledged() {
    ProcessInstance complaint = receiveComplaint();
    complete(task(), withVariables(Var.OWNER, "sam", Var.AGREED_ANSWER_DATE, "2026-12-01"));
    runAsyncStep();
    return complaint;
  }

  @Test
  void aReviewedAnswerReturnedOnceWithANoteGoesBackToItsAuthorThenIsApprovedAndSent() {
    ProcessInstance complaint = receiveAndPatch();
    findRootCauseAndFix(complaint);
    runtimeService().setVariable(complaint.getId(), Var.SEVERITY, "critical");
    Date answerDue = Date.from(Instant.parse("2026-11-25T16:00:00Z"));
    runtimeService().setVariable(complaint.getId(), Var.ANSWER_DUE_DATE, answerDue);

    assertThat(complaint).isWaitingAt(REPORT_BACK);
    complete(task(), withVariables(Var.ANSWER_TEXT, "Draft 1", Var.ANSWER_DRAFTED_BY, "sam",
        Var.DRAFTED_BY_GROUPS, "service-agents"));
    assertThat(complaint).hasPassed(ComplaintProcess.Element.DECIDE_ANSWER_REVIEW)
        .isWaitingAt(ComplaintProcess.Element.REVIEW_ANSWER)
        .variables().as("recorded on the complaint row, not kept").doesNotContainKeys(Var.REVIEW_NEEDED,
            Var.REVIEW_POLICY);
    assertThat(reviewDecisions).containsExactly("true: Critical severity: always checked");
    assertThat(task()).hasCandidateGroup(ComplaintProcess.TEAM_LEADS).isNotAssigned()
        .hasDueDate(answerDue);

    complete(task(), withVariables(Var.ANSWER_APPROVED, false, Var.RETURN_REASON, "INCOMPLETE",
        Var.RETURN_NOTE, "Say when the replacement arrives"));
    assertThat(complaint).isWaitingAt(REPORT_BACK);
    assertThat(task()).as("back to its author").isAssignedTo("sam");
    assertThat(calls).doesNotContain("sendAnswer");

    complete(task(), withVariables(Var.ANSWER_TEXT, "Draft 2"));
    assertThat(complaint).isWaitingAt(ComplaintProcess.Element.REVIEW_ANSWER);
    complete(task(), withVariables(Var.ANSWER_APPROVED, true));

    assertThat(complaint).isWaitingAt(ComplaintProcess.Element.SEND_ANSWER);
    runAsyncStep();
    assertThat(complaint).isWaitingAt(RECORD_CUSTOMER_CONFIRMATION);
    assertThat(calls).containsSubsequence("outcome:" + REPORT_BACK, "outcome:" + ComplaintProcess.Element.REVIEW_ANSWER,
        "outcome:" + REPORT_BACK, "outcome:" + ComplaintProcess.Element.REVIEW_ANSWER, "sendAnswer");
    assertThat(calls).containsOnlyOnce("sendAnswer");
  }

  @Test
  void anAgentMayCloseWithoutTheCustomersConfirmationWithAReason() {
    ProcessInstance complaint = receiveAndPatch();
    findRootCauseAndFix(complaint);
    reportBack(complaint);

    complete(task(), withVariables(Var.CLOSE_WITHOUT_CONFIRMATION, true, Var.CLOSE_REASON, "CUSTOMER_UNREACHABLE",
        Var.CLOSE_NOTE, "Called three times"));

    assertThat(complaint).isWaitingAt(CLOSE_WITHOUT_REPLY);
    runAsyncStep();
    assertThat(complaint).isEnded().hasPassed(CLOSE_WITHOUT_REPLY, END_CLOSED).hasNotPassed(CLOSE, REOPEN, NO_REPLY);
  }

  private void passDailyCheck() {
    ClockUtil.setCurrentTime(plus(ClockUtil.getCurrentTime(), Duration.ofDays(1).plusMinutes(1)));
    execute(managementService().createJobQuery().activityId(ComplaintProcess.Element.KEEP_IN_LOOP).executable()
        .singleResult());
  }

  /** Executes the one asynchronous step (not a timer) that is waiting. */
  /** Nobody completes the wait (the guard refuses it); were the engine made to, the complaint only waits again. */
  @Test
  void aCompletedWaitForTheFixOnlyWaitsAgain() {
    ProcessInstance complaint = receiveAndPatch();
    complete(task(), withVariables(Var.ONE_OFF, false, Var.ROOT_CAUSE_SETTLED, false));
    assertThat(complaint).isWaitingAt(WAIT_FOR_FIX);
    String firstWait = task().getId();

    complete(task());

    assertThat(complaint).isWaitingAt(WAIT_FOR_FIX).hasNotPassed(RECORD_FIX);
    assertThat(task().getId()).isNotEqualTo(firstWait);
    runtimeService().createMessageCorrelation(ComplaintProcess.MESSAGE_ROOT_CAUSE_FIXED)
        .processInstanceBusinessKey("RF-2026-000042").correlate();
    assertThat(complaint).hasPassed(ROOT_CAUSE_FIXED, RECORD_FIX);
  }

  private static void runAsyncStep() {
    execute(managementService().createJobQuery().messages().singleResult());
  }

  private ProcessInstance receiveComplaint() {
    ProcessInstance complaint = runtimeService().startProcessInstanceByKey(ComplaintProcess.KEY,
        withVariables(Var.CATEGORY, "billing", Var.CHANNEL, "web"));
    assertThat(complaint).hasPassed(REGISTER, RECOGNISE_CUSTOMER, ComplaintProcess.Element.DETERMINE_ANSWER_DEADLINE,
        ComplaintProcess.Element.PROPOSE_ANSWER_DATE);
    assertThat(proposed).last().isEqualTo("2 business days");
    return complaint;
  }

  private ProcessInstance receiveAndPatch() {
    ProcessInstance complaint = receiveComplaint();
    complete(task(), withVariables(Var.OWNER, "sam"));
    runAsyncStep();
    complete(task());
    assertThat(complaint).isWaitingAt(FIND_ROOT_CAUSE);
    return complaint;
  }

  private void findRootCauseAndFix(ProcessInstance complaint) {
    assertThat(complaint).isWaitingAt(FIND_ROOT_CAUSE);
    complete(task(), withVariables(Var.ONE_OFF, false, Var.ROOT_CAUSE_SETTLED, false));
    assertThat(complaint).isWaitingAt(WAIT_FOR_FIX);
    assertThat(task()).hasCandidateGroupAssociated(ComplaintProcess.AGENTS).isAssignedTo("sam");
    runtimeService().createMessageCorrelation(ComplaintProcess.MESSAGE_ROOT_CAUSE_FIXED)
        .processInstanceBusinessKey("RF-2026-000042").correlate();
    assertThat(complaint).hasPassed(ROOT_CAUSE_FIXED, RECORD_FIX);
  }

  /** The agent drafts; the policy asks no review of this routine answer, so it is sent at once. */
  private void reportBack(ProcessInstance complaint) {
    assertThat(complaint).isWaitingAt(REPORT_BACK);
    assertThat(task()).hasCandidateGroupAssociated(ComplaintProcess.AGENTS).isAssignedTo("sam");
    complete(task(), withVariables(Var.DRAFTED_BY_GROUPS, "service-agents"));
    assertThat(reviewDecisions).last().asString().startsWith("false: ");
    assertThat(complaint).variables().doesNotContainKeys(Var.REVIEW_NEEDED, Var.REVIEW_POLICY);
    assertThat(complaint).isWaitingAt(ComplaintProcess.Element.SEND_ANSWER);
    runAsyncStep();
    assertThat(complaint).isWaitingAt(RECORD_CUSTOMER_CONFIRMATION);
    assertThat(task()).hasCandidateGroupAssociated(ComplaintProcess.AGENTS).isAssignedTo("sam");
  }

  /** After a reopen the policy asks a team lead to read the answer first; they approve it. */
  private void reportBackReviewed(ProcessInstance complaint) {
    assertThat(complaint).isWaitingAt(REPORT_BACK);
    complete(task(), withVariables(Var.DRAFTED_BY_GROUPS, "service-agents"));
    assertThat(complaint).isWaitingAt(ComplaintProcess.Element.REVIEW_ANSWER);
    assertThat(reviewDecisions).last().isEqualTo("true: Reopened before: the last answer did not resolve it");
    complete(task(), withVariables(Var.ANSWER_APPROVED, true));
    runAsyncStep();
    assertThat(complaint).isWaitingAt(RECORD_CUSTOMER_CONFIRMATION);
  }

  private void mockDelegate(String name, JavaDelegate behaviour) {
    Mocks.register(name, (JavaDelegate) execution -> {
      calls.add(name);
      behaviour.execute(execution);
    });
  }

  private static Date plus(Date date, Duration duration) {
    return new Date(date.getTime() + duration.toMillis());
  }
}
