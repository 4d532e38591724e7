package io.rootfix.audit;

import io.rootfix.complaint.ComplaintProcess;
import io.rootfix.formcontext.FormContext;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;

/**
 * Keeps the variables that only feed a form's display out of the engine's history: the complaint's and the root
 * cause's context ({@link FormContext}), the customer's history on Agree expectation and the open promises offered
 * as options. Each is a projection of Rootfix's own tables, rewritten on every task and after every service task;
 * in history each write cost a variable row, a detail row and two JSON byte arrays, and the audit trail showed them
 * as noise. What they show stays on the record where it comes from (complaint, contacts, promises, remedies,
 * messages, root causes), so no fact of the audit trail is lost. Everything else is handed to the engine's own
 * handler unchanged; history written before this filter existed stays as it is, so earlier seals still verify.
 */
class DisplayDataOutOfHistory extends AbstractProcessEnginePlugin {

  static final Set<String> DISPLAY_ONLY = Set.of(FormContext.COMPLAINT_CONTEXT, FormContext.ROOT_CAUSE_CONTEXT,
      ComplaintProcess.Var.CUSTOMER_HISTORY, ComplaintProcess.Var.OPEN_PROMISES);

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    // The engine reads its handler from the configuration for every event, so wrapping it after init is enough.
    configuration.setHistoryEventHandler(new Filter(configuration.getHistoryEventHandler()));
  }

  static boolean isDisplayData(HistoryEvent event) {
    return event instanceof HistoricVariableUpdateEventEntity variable
        && DISPLAY_ONLY.contains(variable.getVariableName());
  }

  private record Filter(HistoryEventHandler engine) implements HistoryEventHandler {

    @Override
    public void handleEvent(HistoryEvent event) {
      if (!isDisplayData(event)) {
        engine.handleEvent(event);
      }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
      events.forEach(this::handleEvent);
    }
  }
}
