package io.rootfix.complaint;

import static io.rootfix.complaint.ComplaintProcess.Var;

import java.util.List;
import java.util.Map;
import io.rootfix.web.ConflictException;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the REST API does with complaints; each call is one transaction, so a failure stores nothing. */
@Service
@Transactional
public class ComplaintApi {

  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final ComplaintService complaints;

  public ComplaintApi(RuntimeService runtimeService, TaskService taskService, ComplaintService complaints) {
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.complaints = complaints;
  }

  /** Starts the complaint process; its first steps register the complaint. Returns the tracking number. */
  public String receive(IntakeForm form) {
    ProcessInstanceWithVariables instance = runtimeService.createProcessInstanceByKey(ComplaintProcess.KEY)
        .setVariables(form.toVariables())
        .executeWithVariablesInReturn();
    return instance.getVariables().getValue(Var.TRACKING_NUMBER, String.class);
  }

  @Transactional(readOnly = true)
  public ComplaintView view(String trackingNumber) {
    Complaint complaint = complaints.byTrackingNumber(trackingNumber);
    List<Task> tasks = complaint.getProcessInstanceId() == null
        ? List.of()
        : taskService.createTaskQuery().processInstanceId(complaint.getProcessInstanceId())
            .orderByTaskCreateTime().asc().list();
    return ComplaintView.of(complaint, tasks);
  }

  /** The customer answered our question through a channel: the wait ends and the answer date moves. */
  public void customerInformed(String trackingNumber, CustomerInformation information) {
    Complaint complaint = complaints.byTrackingNumber(trackingNumber);
    if (complaint.getState() != ComplaintState.WAITING_FOR_CUSTOMER) {
      throw new ConflictException("Complaint " + trackingNumber + " is " + complaint.getState()
          + ", not waiting for information from the customer");
    }
    complaints.informationReceived(complaint.getId(), information.information());
    runtimeService.createMessageCorrelation(ComplaintProcess.MESSAGE_CUSTOMER_INFORMATION)
        .processInstanceBusinessKey(trackingNumber)
        .setVariable(Var.CUSTOMER_INFORMATION, information.information())
        .correlate();
  }

  /** The customer answered our report through a channel: resolved closes, not resolved reopens. */
  public void customerReplied(String trackingNumber, CustomerReply reply) {
    Complaint complaint = complaints.byTrackingNumber(trackingNumber);
    if (complaint.getState() != ComplaintState.REPORTED) {
      throw new ConflictException("Complaint " + trackingNumber + " is " + complaint.getState()
          + ", not waiting for the customer's confirmation");
    }
    complaints.recordCustomerReply(complaint.getId(), reply.comment());
    try {
      runtimeService.createMessageCorrelation(ComplaintProcess.MESSAGE_CUSTOMER_CONFIRMED)
          .processInstanceBusinessKey(trackingNumber)
          .setVariables(Map.of(Var.RESOLVED, reply.resolved(),
              Var.CUSTOMER_COMMENT, reply.comment() == null ? "" : reply.comment()))
          .correlate();
    } catch (MismatchingMessageCorrelationException e) {
      throw new ConflictException("Complaint " + trackingNumber + " is not waiting for the customer's confirmation");
    }
  }
}
