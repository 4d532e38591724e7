package io.rootfix.promise;

import static io.rootfix.promise.PromiseProcess.Element.DEADLINE;
import static io.rootfix.promise.PromiseProcess.Element.DEADLINE_PASSED;
import static io.rootfix.promise.PromiseProcess.Element.END_BROKEN;
import static io.rootfix.promise.PromiseProcess.Element.END_KEPT;
import static io.rootfix.promise.PromiseProcess.Element.END_RELEASED;
import static io.rootfix.promise.PromiseProcess.Element.ESCALATE;
import static io.rootfix.promise.PromiseProcess.Element.KEPT;
import static io.rootfix.promise.PromiseProcess.Element.MARK_BROKEN;
import static io.rootfix.promise.PromiseProcess.Element.MARK_KEPT;
import static io.rootfix.promise.PromiseProcess.Element.NEW_DATE_AGREED;
import static io.rootfix.promise.PromiseProcess.Element.RELEASED_START;
import static io.rootfix.promise.PromiseProcess.Element.REMINDER;
import static io.rootfix.promise.PromiseProcess.Element.REMIND_OWNER;
import static io.rootfix.promise.PromiseProcess.Element.RENEGOTIATE_IN_TIME;
import static io.rootfix.promise.PromiseProcess.Element.RENEGOTIATE_IN_TIME_TIMER;
import static io.rootfix.promise.PromiseProcess.Element.WATCH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import io.rootfix.promise.PromiseProcess.Var;
import java.io.File;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The real {@code processes/promise.bpmn} with its delegates mocked, driven by the engine clock: a promise
 * made now, due in three days, reminded a day ahead and up for renegotiation four hours ahead.
 */
@Deployment(resources = PromiseProcess.RESOURCE)
class PromiseProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine =
      ProcessEngineCoverageExtension.builder().assertClassCoverageAtLeast(1.0).build();

  private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
  private static final Instant DUE = NOW.plus(Duration.ofDays(3));

  private ProcessEngine processEngine;
  private final List<String> calls = new ArrayList<>();

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(processEngine);
    ClockUtil.setCurrentTime(Date.from(NOW));
    for (String delegate : List.of("remindPromiseOwner", "markPromiseKept", "markPromiseBroken")) {
      Mocks.register(delegate, (JavaDelegate) execution -> calls.add(delegate));
    }
    // As the real listener: a new date agreed in the task moves every timer.
    Mocks.register("recordRenegotiation", (TaskListener) task -> {
      calls.add("recordRenegotiation");
      boolean kept = Boolean.TRUE.equals(task.getVariable(Var.ALREADY_KEPT));
      boolean moved = !kept && Boolean.TRUE.equals(task.getVariable(Var.NEW_DATE_AGREED));
      task.setVariable(Var.RENEGOTIATION_OUTCOME, kept ? "kept" : moved ? "moved" : "stands");
      if (moved) {
        task.getExecution().setVariables(timers(DUE.plus(Duration.ofDays(2))));
      }
    });
    Mocks.register("recordEscalation", (TaskListener) task -> calls.add("recordEscalation"));
    // The tracking number on the watch's tasks' cards, from the promise row (PromiseDelegates): none here.
    Mocks.register("showComplaintOnCard", (TaskListener) task -> { });
    // As the real listener: the complaint's queue, for the task's candidate group only.
    Mocks.register("offerToComplaintQueue", (ExecutionListener) execution ->
        PromiseProcess.QUEUE.on(execution).setLocal("queue-billing"));
  }

  @AfterEach
  void tearDown() {
    Mocks.reset();
    ClockUtil.reset();
  }

  @Test
  void keptBeforeTheReminderEndsTheWatchWithoutAnyTimerLeft() {
    ProcessInstance watch = makePromise();
    assertThat(watch).isWaitingAt(REMINDER);

    kept(watch);

    assertThat(watch).isEnded().hasPassed(KEPT, MARK_KEPT, END_KEPT).hasNotPassed(REMIND_OWNER);
    assertThat(managementService().createJobQuery().count()).isZero();
  }

  @Test
  void reminderComesADayAheadThenTheKeptPromiseEndsTheWatch() {
    ProcessInstance watch = makePromise();
    assertThat(onlyTimer().getDuedate()).isEqualTo(Date.from(DUE.minus(Duration.ofDays(1))));

    passTimer(DUE.minus(Duration.ofDays(1)));

    assertThat(watch).hasPassed(REMIND_OWNER).isWaitingAt(RENEGOTIATE_IN_TIME_TIMER);
    assertThat(onlyTimer().getDuedate()).isEqualTo(Date.from(DUE.minus(Duration.ofHours(4))));
    kept(watch);
    assertThat(watch).isEnded().hasPassed(END_KEPT);
    assertThat(calls).containsExactly("remindPromiseOwner", "markPromiseKept");
  }

  @Test
  void renegotiatedInTimeMovesEveryTimerToTheNewDate() {
    ProcessInstance watch = makePromise();
    passTimer(DUE.minus(Duration.ofDays(1)));
    passTimer(DUE.minus(Duration.ofHours(4)));

    assertThat(watch).isWaitingAt(RENEGOTIATE_IN_TIME);
    assertThat(task()).hasCandidateGroupAssociated("queue-billing").isAssignedTo("sam")
        .hasDueDate(Date.from(DUE));
    complete(task(), withVariables(Var.NEW_DATE_AGREED, true));

    Instant newDue = DUE.plus(Duration.ofDays(2));
    assertThat(watch).isWaitingAt(REMINDER);
    assertThat(managementService().createJobQuery().timers().list()).as("old timers gone, one new timer")
        .singleElement().satisfies(job -> assertThat(job.getDuedate()).isEqualTo(Date.from(newDue.minus(Duration.ofDays(1)))));

    ClockUtil.setCurrentTime(Date.from(DUE.plus(Duration.ofMinutes(1))));
    assertThat(managementService().createJobQuery().timers().executable().count())
        .as("the old deadline no longer fires").isZero();
    kept(watch);
    assertThat(watch).isEnded().hasPassed(END_KEPT).hasNotPassed(MARK_BROKEN);
  }

  @Test
  void aNewDateAgreedElsewhereMovesTheWatchAtAnyStage() {
    ProcessInstance watch = makePromise();
    moved(watch, DUE.plus(Duration.ofDays(1)));
    assertThat(watch).hasPassed(NEW_DATE_AGREED).isWaitingAt(REMINDER);

    passTimer(DUE); // the reminder of the new date, a day before it
    assertThat(watch).isWaitingAt(RENEGOTIATE_IN_TIME_TIMER);
    moved(watch, DUE.plus(Duration.ofDays(2)));
    assertThat(watch).isWaitingAt(REMINDER);

    passTimer(DUE.plus(Duration.ofDays(1)));
    passTimer(DUE.plus(Duration.ofDays(2)).minus(Duration.ofHours(4)));
    assertThat(watch).isWaitingAt(RENEGOTIATE_IN_TIME);
    moved(watch, DUE.plus(Duration.ofDays(3)));
    assertThat(watch).isWaitingAt(REMINDER);
    assertThat(runtimeService().createExecutionQuery().processInstanceId(watch.getId()).activityId(RENEGOTIATE_IN_TIME)
        .count()).as("the renegotiation task is withdrawn").isZero();
    assertThat(managementService().createJobQuery().timers().count()).isOne();
  }

  @Test
  void keptWhileTheRenegotiationTaskIsOpen() {
    ProcessInstance watch = makePromise();
    passTimer(DUE.minus(Duration.ofDays(1)));
    passTimer(DUE.minus(Duration.ofHours(4)));
    assertThat(watch).isWaitingAt(RENEGOTIATE_IN_TIME);

    kept(watch);

    assertThat(watch).isEnded().hasPassed(END_KEPT);
  }

  @Test
  void theDateStandsAndTheDeadlinePassesUnkeptSoTheTeamLeadsHandleTheBrokenPromise() {
    ProcessInstance watch = makePromise();
    passTimer(DUE.minus(Duration.ofDays(1)));
    passTimer(DUE.minus(Duration.ofHours(4)));
    assertThat(watch).isWaitingAt(RENEGOTIATE_IN_TIME);
    complete(task(), withVariables(Var.NEW_DATE_AGREED, false));
    assertThat(watch).isWaitingAt(DEADLINE);

    ClockUtil.setCurrentTime(Date.from(DUE.minusSeconds(60)));
    assertThat(managementService().createJobQuery().timers().executable().count()).isZero();
    passTimer(DUE);

    assertThat(watch).hasPassed(MARK_BROKEN).isWaitingAt(ESCALATE);
    assertThat(task()).hasCandidateGroup(PromiseProcess.LEADS).isNotAssigned();
    complete(task(), withVariables(Var.ESCALATION_NOTE, "Called the customer and apologised"));
    assertThat(watch).isEnded().hasPassed(END_BROKEN).hasNotPassed(MARK_KEPT);
    assertThat(calls).containsSubsequence("markPromiseBroken", "recordEscalation");
  }

  @Test
  void theDeadlinePassingWhileTheRenegotiationTaskIsOpenBreaksThePromise() {
    ProcessInstance watch = makePromise();
    passTimer(DUE.minus(Duration.ofDays(1)));
    passTimer(DUE.minus(Duration.ofHours(4)));

    passTimer(DUE);

    assertThat(watch).hasPassed(DEADLINE_PASSED, MARK_BROKEN).isWaitingAt(ESCALATE);
    assertThat(BpmnAwareTests.taskQuery().taskDefinitionKey(RENEGOTIATE_IN_TIME).count()).as("withdrawn").isZero();
  }

  @Test
  void aNewDateAgreedAfterTheDateStoodStillMovesTheWatch() {
    ProcessInstance watch = makePromise();
    passTimer(DUE.minus(Duration.ofDays(1)));
    passTimer(DUE.minus(Duration.ofHours(4)));
    assertThat(watch).isWaitingAt(RENEGOTIATE_IN_TIME);
    complete(task(), withVariables(Var.NEW_DATE_AGREED, false));

    moved(watch, DUE.plus(Duration.ofDays(1)));
    assertThat(watch).isWaitingAt(REMINDER);
  }

  @Test
  void keptAfterTheDateStoodEndsKept() {
    ProcessInstance watch = makePromise();
    passTimer(DUE.minus(Duration.ofDays(1)));
    passTimer(DUE.minus(Duration.ofHours(4)));
    assertThat(watch).isWaitingAt(RENEGOTIATE_IN_TIME);
    complete(task(), withVariables(Var.NEW_DATE_AGREED, false));

    kept(watch);
    assertThat(watch).isEnded().hasPassed(END_KEPT);
  }

  @Test
  void alreadyKeptOnTheRenegotiationTaskEndsTheWatchKept() {
    ProcessInstance watch = makePromise();
    passTimer(DUE.minus(Duration.ofDays(1)));
    passTimer(DUE.minus(Duration.ofHours(4)));
    assertThat(watch).isWaitingAt(RENEGOTIATE_IN_TIME);

    complete(task(), withVariables(Var.ALREADY_KEPT, true, Var.NEW_DATE_AGREED, true));

    assertThat(watch).isEnded().hasPassed(MARK_KEPT, END_KEPT).hasNotPassed(KEPT, DEADLINE, MARK_BROKEN);
    assertThat(managementService().createJobQuery().count()).as("no timer left").isZero();
  }

  @Test
  void releasedBeforeTheReminderEndsTheWatchWithNothingLeft() {
    ProcessInstance watch = makePromise();

    released(watch);

    assertThat(watch).isEnded().hasPassed(RELEASED_START, END_RELEASED).hasNotPassed(MARK_KEPT, MARK_BROKEN);
    assertThat(managementService().createJobQuery().count()).isZero();
    assertThat(calls).isEmpty();
  }

  @Test
  void releasedWhileTheRenegotiationTaskIsOpenWithdrawsTheTask() {
    ProcessInstance watch = makePromise();
    passTimer(DUE.minus(Duration.ofDays(1)));
    passTimer(DUE.minus(Duration.ofHours(4)));
    assertThat(watch).isWaitingAt(RENEGOTIATE_IN_TIME);

    released(watch);

    assertThat(watch).isEnded().hasPassed(END_RELEASED).hasNotPassed(MARK_BROKEN, ESCALATE);
    assertThat(BpmnAwareTests.taskQuery().count()).as("no renegotiation task left").isZero();
    assertThat(managementService().createJobQuery().count()).as("the deadline no longer fires").isZero();
  }

  @Test
  void theComplaintClosingWhileTeamLeadsHandleABrokenPromiseEndsTheWatch() {
    ProcessInstance watch = makePromise();
    passTimer(DUE.minus(Duration.ofDays(1)));
    passTimer(DUE.minus(Duration.ofHours(4)));
    passTimer(DUE);
    assertThat(watch).isWaitingAt(ESCALATE);

    released(watch);

    assertThat(watch).isEnded().hasPassed(END_RELEASED).hasNotPassed(END_BROKEN);
    assertThat(BpmnAwareTests.taskQuery().count()).isZero();
  }

  /** Issue #24: each message is caught once, on the border of the watch, and interrupts it wherever it is. */
  @Test
  void keptAndANewDateAreEachCaughtOnceOnTheWatchsBorder() {
    BpmnModelInstance model = Bpmn.readModelFromFile(new File(PromiseProcess.RESOURCE));
    for (String message : List.of(PromiseProcess.MESSAGE_KEPT, PromiseProcess.MESSAGE_RENEGOTIATED)) {
      assertThat(model.getModelElementsByType(MessageEventDefinition.class))
          .filteredOn(definition -> definition.getMessage().getName().equals(message))
          .as(message).singleElement()
          .extracting(ModelElementInstance::getParentElement)
          .isInstanceOfSatisfying(BoundaryEvent.class, event -> {
            assertThat(event.getAttachedTo().getId()).isEqualTo(WATCH);
            assertThat(event.cancelActivity()).as("interrupting").isTrue();
          });
    }
  }

  private static void released(ProcessInstance watch) {
    runtimeService().createMessageCorrelation(PromiseProcess.MESSAGE_RELEASED).processInstanceId(watch.getId()).correlate();
  }

  private ProcessInstance makePromise() {
    Map<String, Object> variables = new java.util.HashMap<>(timers(DUE));
    variables.put(Var.PROMISE_ID, 1L);
    variables.put(Var.OWNER, "sam");
    return runtimeService().startProcessInstanceByKey(PromiseProcess.KEY, variables);
  }

  /** As PromisePolicy: a day and four hours ahead for promises this long. */
  private static Map<String, Object> timers(Instant due) {
    return Map.of(Var.REMIND_AT, Date.from(due.minus(Duration.ofDays(1))),
        Var.RENEGOTIATE_AT, Date.from(due.minus(Duration.ofHours(4))),
        Var.DUE_AT, Date.from(due));
  }

  private static void kept(ProcessInstance watch) {
    runtimeService().createMessageCorrelation(PromiseProcess.MESSAGE_KEPT).processInstanceId(watch.getId()).correlate();
  }

  private static void moved(ProcessInstance watch, Instant newDue) {
    runtimeService().createMessageCorrelation(PromiseProcess.MESSAGE_RENEGOTIATED).processInstanceId(watch.getId())
        .setVariables(timers(newDue)).correlate();
  }

  private static Job onlyTimer() {
    return managementService().createJobQuery().timers().singleResult();
  }

  /** Moves the engine clock to the moment and fires the one timer due then. */
  private static void passTimer(Instant moment) {
    ClockUtil.setCurrentTime(Date.from(moment.plusSeconds(1)));
    Job due = managementService().createJobQuery().timers().executable().singleResult();
    assertThat(due).as("a timer due at " + moment).isNotNull();
    managementService().executeJob(due.getId());
  }
}
