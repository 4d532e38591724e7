package io.rootfix.rootcause;

import static io.rootfix.rootcause.RootCauseProcess.Element.END_OVERDUE_CHASED;
import static io.rootfix.rootcause.RootCauseProcess.Element.END_TOLD;
import static io.rootfix.rootcause.RootCauseProcess.Element.ESCALATE_OVERDUE_FIX;
import static io.rootfix.rootcause.RootCauseProcess.Element.FIX;
import static io.rootfix.rootcause.RootCauseProcess.Element.INVESTIGATE;
import static io.rootfix.rootcause.RootCauseProcess.Element.TELL_LINKED_COMPLAINTS;
import static io.rootfix.rootcause.RootCauseProcess.Element.VERIFY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import io.rootfix.rootcause.RootCauseProcess.Var;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The real {@code processes/root-cause.bpmn}, its listeners and delegates mocked, time on the engine clock. */
@Deployment(resources = RootCauseProcess.RESOURCE)
class RootCauseProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine =
      ProcessEngineCoverageExtension.builder().assertClassCoverageAtLeast(1.0).build();

  private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
  private static final Date DEADLINE = Date.from(NOW.plus(Duration.ofDays(10)));

  private ProcessEngine processEngine;
  private final List<String> calls = new ArrayList<>();

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(processEngine);
    ClockUtil.setCurrentTime(Date.from(NOW));
    for (String listener : List.of("recordInvestigation", "recordRootCauseFix", "recordVerification",
        "recordOverdueFixChased")) {
      Mocks.register(listener, (TaskListener) task -> calls.add(listener));
    }
    Mocks.register("tellLinkedComplaints", (JavaDelegate) execution -> calls.add("tellLinkedComplaints"));
    // FourEyes offers it to the other team leads by name; here to the group, as with nobody to leave out.
    Mocks.register("offerVerificationToOtherLeads", (TaskListener) task -> task.addCandidateGroup(RootCauseProcess.LEADS));
  }

  @AfterEach
  void tearDown() {
    Mocks.reset();
    ClockUtil.reset();
  }

  @Test
  void fixedInTimeVerifiedAndToldToEveryLinkedComplaint() {
    ProcessInstance rootCause = report();

    assertThat(task()).hasCandidateGroup("team-leads");
    complete(task(), withVariables(Var.WILL_FIX, true, Var.FIX_DEADLINE, DEADLINE));
    assertThat(rootCause).isWaitingAt(FIX);
    assertThat(task()).hasCandidateGroup("team-leads").hasDueDate(DEADLINE);
    complete(task());
    assertThat(rootCause).isWaitingAt(VERIFY);
    complete(task(), withVariables(Var.FIX_VERIFIED, true));

    assertThat(rootCause).isWaitingAt(TELL_LINKED_COMPLAINTS);
    execute(managementService().createJobQuery().messages().singleResult());
    assertThat(rootCause).isEnded().hasPassed(END_TOLD).hasNotPassed(ESCALATE_OVERDUE_FIX);
    assertThat(calls).containsExactly("recordInvestigation", "recordRootCauseFix", "recordVerification",
        "tellLinkedComplaints");
  }

  @Test
  void aFixThatDoesNotWorkIsFixedAgain() {
    ProcessInstance rootCause = report();
    complete(task(), withVariables(Var.WILL_FIX, true, Var.FIX_DEADLINE, DEADLINE));
    complete(task());

    complete(task(), withVariables(Var.FIX_VERIFIED, false));

    assertThat(rootCause).isWaitingAt(FIX);
  }

  @Test
  void aPassedFixDeadlineEscalatesToTheLeadsAndTheFixGoesOn() {
    ProcessInstance rootCause = report();
    complete(task(), withVariables(Var.WILL_FIX, true, Var.FIX_DEADLINE, DEADLINE));

    ClockUtil.setCurrentTime(new Date(DEADLINE.getTime() + 60_000));
    execute(managementService().createJobQuery().timers().executable().singleResult());

    assertThat(rootCause).isWaitingAt(FIX, ESCALATE_OVERDUE_FIX);
    assertThat(task(ESCALATE_OVERDUE_FIX)).hasCandidateGroup(RootCauseProcess.LEADS);
    complete(task(ESCALATE_OVERDUE_FIX));
    assertThat(rootCause).hasPassed(END_OVERDUE_CHASED).isWaitingAt(FIX);
  }

  @Test
  void wontFixTellsTheLinkedComplaintsWithoutAFix() {
    ProcessInstance rootCause = report();

    complete(task(), withVariables(Var.WILL_FIX, false));

    assertThat(rootCause).isWaitingAt(TELL_LINKED_COMPLAINTS).hasNotPassed(FIX, VERIFY);
    execute(managementService().createJobQuery().messages().singleResult());
    assertThat(rootCause).isEnded().hasPassed(END_TOLD);
  }

  private static ProcessInstance report() {
    ProcessInstance rootCause = runtimeService().startProcessInstanceByKey(RootCauseProcess.KEY, "RC-1",
        withVariables(Var.ROOT_CAUSE_ID, 1L, Var.OWNER_GROUP, "team-leads"));
    assertThat(rootCause).isWaitingAt(INVESTIGATE);
    return rootCause;
  }
}
