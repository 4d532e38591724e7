package io.rootfix.complaint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rootfix.process.ShownOnForm;
import io.rootfix.promise.PromiseService;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * Every complaint form that offers promises lists the complaint's open ones, to mark one kept where the agent
 * works: read from the promise ledger when the form opens, so the form offers exactly the promises open now (the
 * server's check when the form is submitted reads the ledger again). Nothing is written when a promise is made,
 * kept, broken or moved: a deadline wave of broken promises costs no rewrite of every complaint's list.
 */
@Component
class OpenPromisesOnForms implements ShownOnForm {

  private final PromiseService promises;
  private final ObjectMapper json;

  OpenPromisesOnForms(PromiseService promises, ObjectMapper json) {
    this.promises = promises;
    this.json = json;
  }

  @Override
  public String name() {
    return ComplaintProcess.Var.OPEN_PROMISES;
  }

  @Override
  public Set<String> onEveryTaskOf() {
    return Set.of(ComplaintProcess.KEY);
  }

  @Override
  public TypedValue valueFor(DelegateTask task) {
    Long complaintId = ComplaintProcess.COMPLAINT_ID.from(task);
    if (complaintId == null) {
      return null;
    }
    try {
      return SpinValues.jsonValue(json.writeValueAsString(promises.keepableChoices(complaintId))).create();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write the open promises of complaint " + complaintId, e);
    }
  }
}
