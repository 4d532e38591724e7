package io.rootfix.rootcause;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** The one seam between root causes and {@code root-cause.bpmn}: starts a new root cause's investigation. */
@Component
class RootCauseInvestigation {

  private final RuntimeService runtimeService;

  RootCauseInvestigation(RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  /** Returns the process instance id; its business key is the root cause's number ({@code RC-12}). */
  String start(RootCause rootCause) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(RootCauseProcess.ROOT_CAUSE_ID.name(), rootCause.getId());
    variables.put(RootCauseProcess.ROOT_CAUSE_TITLE.name(), rootCause.getTitle());
    variables.put(RootCauseProcess.ROOT_CAUSE_DESCRIPTION.name(), rootCause.getDescription());
    variables.put(RootCauseProcess.OWNER_GROUP.name(), rootCause.getOwnerGroup());
    return runtimeService.startProcessInstanceByKey(RootCauseProcess.KEY,
        RootCauseProcess.businessKey(rootCause.getId()), variables).getId();
  }
}
