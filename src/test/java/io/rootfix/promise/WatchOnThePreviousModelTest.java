package io.rootfix.promise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import io.rootfix.promise.PromisePolicy.Timers;
import io.rootfix.promise.PromiseProcess.Element;
import io.rootfix.promise.PromiseProcess.Var;
import io.rootfix.support.MockedDelegatesExpressionManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Watches started before {@code promise.bpmn} became one watch subprocess (issue #24) run on that earlier version
 * until they end: no migration plan maps the removed event gateways. They must still end kept, moved or broken
 * when today's {@link PromiseWatch} tells them so, i.e. the message names did not change. The earlier model is
 * {@code models/promise-v-previous.bpmn}, the file as it was in git; its element ids appear here as literals because
 * no backing class names them any more.
 */
class WatchOnThePreviousModelTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder().build();

  private static final String PREVIOUS = "models/promise-v-previous.bpmn";
  private static final String PREVIOUS_WAIT_FOR_REMINDER = "Gateway_WaitForReminder";
  private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
  private static final Instant DUE = NOW.plus(Duration.ofDays(3));

  private ProcessEngine processEngine;
  private PromiseWatch watch;
  private final List<String> calls = new ArrayList<>();
  private Promise told;
  private final List<String> deployments = new ArrayList<>();
  private ProcessDefinition previous;
  private ProcessDefinition current;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(processEngine);
    ClockUtil.setCurrentTime(Date.from(NOW));
    for (String delegate : List.of("remindPromiseOwner", "markPromiseKept", "markPromiseBroken")) {
      Mocks.register(delegate, (JavaDelegate) execution -> calls.add(delegate));
    }
    Mocks.register("recordRenegotiation", (TaskListener) task -> task.setVariable(Var.RENEGOTIATION_OUTCOME, "stands"));
    Mocks.register("recordEscalation", (TaskListener) task -> calls.add("recordEscalation"));
    // The tracking number on the watch's tasks' cards, from the promise row (PromiseDelegates): none here.
    Mocks.register("showComplaintOnCard", (TaskListener) task -> { });
    // The watch's timers read their dates from the promise row (WatchTimersFromPromise): here, the promise told last.
    for (String name : WatchTimersFromPromise.NAMES) {
      MockedDelegatesExpressionManager.readFromRecord(name,
          scope -> told == null ? null : WatchTimersFromPromise.dateOf(name, told.watchTimers()));
    }
    watch = new PromiseWatch(runtimeService(), taskService());
    previous = deploy(PREVIOUS);
  }

  @AfterEach
  void tearDown() {
    deployments.forEach(id -> repositoryService().deleteDeployment(id, true));
    Mocks.reset();
    ClockUtil.reset();
  }

  @Test
  void aWatchStartedBeforeTheUpgradeEndsKeptWhenTodaysCodeSaysKept() {
    Promise promise = promise();
    ProcessInstance instance = watchStartedBeforeTheUpgrade(promise);
    passTimer(DUE.minus(Duration.ofDays(1)));

    watch.kept(promise, "sam");

    assertThat(instance).isEnded().hasPassed(Element.MARK_KEPT, Element.END_KEPT).hasNotPassed(Element.MARK_BROKEN);
    assertThat(historyService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName(Var.KEPT_BY).singleResult().getValue()).isEqualTo("sam");
    assertThat(calls).containsExactly("remindPromiseOwner", "markPromiseKept");
  }

  @Test
  void aNewDateMovesAnOldWatchOnItsOwnVersionAndItStillBreaksAtTheNewDeadline() {
    Promise promise = promise();
    ProcessInstance instance = watchStartedBeforeTheUpgrade(promise);
    Instant newDue = DUE.plus(Duration.ofDays(2));

    told = promise;
    watch.moved(promise, timers(newDue));

    assertThat(instance).isWaitingAt(PREVIOUS_WAIT_FOR_REMINDER);
    assertThat(runningDefinitionOf(instance)).as("still on the earlier version").isEqualTo(previous.getId());
    ClockUtil.setCurrentTime(Date.from(DUE.plusSeconds(1)));
    assertThat(managementService().createJobQuery().timers().executable().count()).as("the old deadline is gone").isZero();
    passTimer(newDue.minus(Duration.ofDays(1)));
    passTimer(newDue.minus(Duration.ofHours(4)));
    complete(task(Element.RENEGOTIATE_IN_TIME, instance), withVariables(Var.NEW_DATE_AGREED, false));
    passTimer(newDue);

    assertThat(instance).hasPassed(Element.MARK_BROKEN).isWaitingAt(Element.ESCALATE);
    complete(task(Element.ESCALATE, instance), withVariables(Var.ESCALATION_NOTE, "Apologised"));
    assertThat(instance).isEnded().hasPassed(Element.END_BROKEN);
  }

  @Test
  void anOldWatchEndsWhenItsComplaintClosesAndANewWatchRunsOnTheNewModel() {
    Promise old = promise();
    ProcessInstance oldWatch = watchStartedBeforeTheUpgrade(old);
    Promise fresh = promise();
    ProcessInstance freshWatch = startWatch(fresh);
    assertThat(freshWatch.getProcessDefinitionId()).as("a watch started now").isEqualTo(current.getId());

    watch.end(old);
    watch.end(fresh);

    for (ProcessInstance instance : List.of(oldWatch, freshWatch)) {
      assertThat(instance).isEnded().hasPassed(Element.END_RELEASED).hasNotPassed(Element.MARK_KEPT);
    }
    assertThat(watch.runs(old)).isFalse();
    assertThat(managementService().createJobQuery().count()).isZero();
  }

  /** A promise whose watch started on the earlier version, after which today's model was deployed. */
  private ProcessInstance watchStartedBeforeTheUpgrade(Promise promise) {
    ProcessInstance instance = startWatch(promise);
    assertThat(instance.getProcessDefinitionId()).isEqualTo(previous.getId());
    current = deploy(PromiseProcess.RESOURCE);
    assertThat(current.getVersion()).isGreaterThan(previous.getVersion());
    return instance;
  }

  /** As PromiseService does when a promise is made. */
  private ProcessInstance startWatch(Promise promise) {
    told = promise;
    promise.watchedBy(watch.start(promise, timers(DUE)));
    return runtimeService().createProcessInstanceQuery().processInstanceId(promise.getProcessInstanceId())
        .singleResult();
  }

  private static Promise promise() {
    return new Promise(1L, "RF-2026-000001", PromiseType.CALLBACK, "Call back by Thursday", null, DUE, "sam", NOW);
  }

  private ProcessDefinition deploy(String resource) {
    String deployment = repositoryService().createDeployment().addClasspathResource(resource).deploy().getId();
    deployments.add(deployment);
    return repositoryService().createProcessDefinitionQuery().deploymentId(deployment).singleResult();
  }

  private static Timers timers(Instant due) {
    return new Timers(due.minus(Duration.ofDays(1)), due.minus(Duration.ofHours(4)), due);
  }

  private static String runningDefinitionOf(ProcessInstance instance) {
    return runtimeService().createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
        .getProcessDefinitionId();
  }

  private static void passTimer(Instant moment) {
    ClockUtil.setCurrentTime(Date.from(moment.plusSeconds(1)));
    Job due = managementService().createJobQuery().timers().executable().singleResult();
    assertThat(due).as("a timer due at " + moment).isNotNull();
    managementService().executeJob(due.getId());
  }
}
