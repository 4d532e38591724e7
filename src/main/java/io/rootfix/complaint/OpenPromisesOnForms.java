package io.rootfix.complaint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rootfix.promise.OpenPromisesChangedEvent;
import io.rootfix.promise.PromiseService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Every complaint form that offers promises lists the complaint's open ones, to mark one kept where the agent
 * works: the list is a variable of the complaint's process, rewritten in the same transaction whenever a promise
 * is made, kept, released or moved to it, so the form offers (and the server's form check accepts) exactly the
 * promises still open.
 */
@Component
class OpenPromisesOnForms {

  private final ComplaintRepository complaints;
  private final PromiseService promises;
  private final RuntimeService runtimeService;
  private final ObjectMapper json;

  OpenPromisesOnForms(ComplaintRepository complaints, PromiseService promises, RuntimeService runtimeService,
      ObjectMapper json) {
    this.complaints = complaints;
    this.promises = promises;
    this.runtimeService = runtimeService;
    this.json = json;
  }

  @EventListener
  void promisesChanged(OpenPromisesChangedEvent event) {
    complaints.findById(event.complaintId())
        .map(Complaint::getProcessInstanceId)
        .filter(id -> runtimeService.createProcessInstanceQuery().processInstanceId(id).count() > 0)
        .ifPresent(id -> runtimeService.setVariable(id, ComplaintProcess.Var.OPEN_PROMISES, choices(event.complaintId())));
  }

  private Object choices(Long complaintId) {
    try {
      return SpinValues.jsonValue(json.writeValueAsString(promises.keepableChoices(complaintId))).create();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write the open promises of complaint " + complaintId, e);
    }
  }
}
