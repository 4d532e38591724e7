package io.rootfix.promise;

import io.rootfix.promise.PromisePolicy.Timers;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * The one seam between promises and {@code promise.bpmn}: starts a promise's watch and tells it what happened.
 * {@link PromiseService} decides; this class alone talks to the engine and spells the watch's variables.
 */
@Component
class PromiseWatch {

  private final RuntimeService runtimeService;

  PromiseWatch(RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  /**
   * Starts the watch over a promise just recorded; returns its process instance id. The watch's timers read their
   * dates from the promise row as they are set ({@link WatchTimersFromPromise}), and its renegotiation task's
   * assignee is the complaint's owner when it is created ({@code WatchOwnerFromComplaint}), so neither is a variable.
   */
  String start(Promise promise, Timers timers) {
    promise.watchActsAt(timers);
    Map<String, Object> variables = new HashMap<>();
    variables.put(PromiseProcess.PROMISE_ID.name(), promise.getId());
    variables.put(PromiseProcess.TRACKING_NUMBER.name(), promise.getTrackingNumber());
    return runtimeService.startProcessInstanceByKey(PromiseProcess.KEY,
        promise.getTrackingNumber() + "/" + promise.getId(), variables).getId();
  }

  /** The promise moved to another complaint: the watch shows that complaint's tracking number. */
  void movedTo(Promise promise, String trackingNumber) {
    runtimeService.setVariable(promise.getProcessInstanceId(), PromiseProcess.TRACKING_NUMBER.name(), trackingNumber);
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
