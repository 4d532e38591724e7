package io.rootfix.promise;

import io.rootfix.promise.PromisePolicy.Timers;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;

/**
 * The one seam between promises and {@code promise.bpmn}: starts a promise's watch and tells it what happened.
 * {@link PromiseService} decides; this class alone talks to the engine and spells the watch's variables.
 */
@Component
class PromiseWatch {

  private final RuntimeService runtimeService;
  private final TaskService taskService;

  PromiseWatch(RuntimeService runtimeService, TaskService taskService) {
    this.runtimeService = runtimeService;
    this.taskService = taskService;
  }

  /**
   * Starts the watch over a promise just recorded; returns its process instance id. The watch's timers read their
   * dates from the promise row as they are set ({@link WatchTimersFromPromise}), and its renegotiation task's
   * assignee is the complaint's owner when it is created ({@code WatchOwnerFromComplaint}), so neither is a variable.
   */
  String start(Promise promise, Timers timers) {
    promise.watchActsAt(timers);
    return runtimeService.startProcessInstanceByKey(PromiseProcess.KEY,
        PromiseProcess.businessKey(promise.getTrackingNumber(), promise.getId())).getId();
  }

  /**
   * The promise moved to another complaint: the watch's open tasks show that complaint's tracking number (a watch
   * started before 8 December 2026 carries it as its own variable, moved too). Its business key stays: the engine
   * cannot change it, and only the promise id in it is read.
   */
  void movedTo(Promise promise, String trackingNumber) {
    String watch = promise.getProcessInstanceId();
    taskService.createTaskQuery().processInstanceId(watch).list().forEach(task ->
        taskService.setVariableLocal(task.getId(), PromiseProcess.TRACKING_NUMBER.name(), trackingNumber));
    if (runtimeService.getVariable(watch, PromiseProcess.TRACKING_NUMBER.name()) != null) {
      runtimeService.setVariable(watch, PromiseProcess.TRACKING_NUMBER.name(), trackingNumber);
    }
  }

  /** Kept, by a person or (by null) the process: the watch ends as kept. */
  void kept(Promise promise, String by) {
    Map<String, Object> keptBy = new HashMap<>();
    keptBy.put(PromiseProcess.KEPT_BY.name(), by);
    runtimeService.createMessageCorrelation(PromiseProcess.MESSAGE_KEPT)
        .processInstanceId(promise.getProcessInstanceId())
        .setVariables(keptBy)
        .correlate();
  }

  /** A new date, or a pause: the watch starts over with these timers. */
  void moved(Promise promise, Timers timers) {
    promise.watchActsAt(timers);
    runtimeService.createMessageCorrelation(PromiseProcess.MESSAGE_RENEGOTIATED)
        .processInstanceId(promise.getProcessInstanceId())
        .correlate();
  }

  /** A new date agreed in the watch's own "Renegotiate in time" task: the flow returns to the watch with these. */
  void timersOn(Promise promise, Timers timers) {
    promise.watchActsAt(timers);
  }

  /** Released, or its complaint closed: the watch ends if it still runs. */
  void end(Promise promise) {
    if (runs(promise)) {
      runtimeService.createMessageCorrelation(PromiseProcess.MESSAGE_RELEASED)
          .processInstanceId(promise.getProcessInstanceId())
          .correlate();
    }
  }

  boolean runs(Promise promise) {
    return promise.getProcessInstanceId() != null && runtimeService.createProcessInstanceQuery()
        .processInstanceId(promise.getProcessInstanceId()).count() > 0;
  }

}
