package io.rootfix.complaint;

import io.rootfix.rootcause.RootCauseSettledEvent;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A settled root cause wakes every complaint waiting at "Fix fundamentally" (Event_RootCauseFixed), in the
 * transaction that settled it; Task_RecordFix then reads the fix from the root cause.
 */
@Component
class RootCauseSettledOnComplaints {

  private final RuntimeService runtimeService;

  RootCauseSettledOnComplaints(RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  @EventListener
  void settled(RootCauseSettledEvent event) {
    for (String trackingNumber : event.trackingNumbers()) {
      // A complaint that is not waiting (yet, or any more) is not an error: it reads the fix when it gets there.
      runtimeService.createMessageCorrelation(ComplaintProcess.MESSAGE_ROOT_CAUSE_FIXED)
          .processInstanceBusinessKey(trackingNumber)
          .correlateAllWithResult();
    }
  }
}
