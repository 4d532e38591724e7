package io.rootfix.complaint;

import static io.rootfix.complaint.ComplaintProcess.Var;

import java.util.List;
import java.util.Map;
import io.rootfix.reason.ControlledReasons;
import io.rootfix.reason.ReasonStep;
import io.rootfix.web.ConflictException;
import io.rootfix.web.InvalidInputException;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the REST API does with complaints; each call is one transaction, so a failure stores nothing. */
@Service
@Transactional
public class ComplaintApi {

  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final ComplaintService complaints;
  private final ComplaintIntakeService intakes;
  private final ComplaintAnswerService answers;
  private final RepeatContacts repeatContacts;
  private final ControlledReasons reasons;
  private final ComplaintCorrespondence correspondence;

  public ComplaintApi(RuntimeService runtimeService, TaskService taskService, ComplaintService complaints,
      ComplaintIntakeService intakes, ComplaintAnswerService answers,
      RepeatContacts repeatContacts, ControlledReasons reasons, ComplaintCorrespondence correspondence) {
    this.reasons = reasons;
    this.correspondence = correspondence;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.complaints = complaints;
    this.intakes = intakes;
    this.answers = answers;
    this.repeatContacts = repeatContacts;
  }

  /** @param repeatContact the contact was about an open complaint and was attached to it */
  public record Received(String trackingNumber, boolean repeatContact) {}

  /**
   * Checks the intake once and starts the complaint process with it; its first steps register the complaint, or
   * attach the contact to the customer's open complaint about the same matter. They take the typed intake as it is
   * (a transient variable); the plain values are the process's for its policies and forms.
   */
  public Received receive(IntakeForm form) {
    ComplaintIntake intake = intakes.checked(form);
    VariableMap variables = runtimeService.createProcessInstanceByKey(ComplaintProcess.KEY)
        .setVariables(form.toVariables())
        .setVariable(ComplaintProcess.INTAKE.name(), ComplaintProcess.INTAKE.valueOf(intake))
        .executeWithVariablesInReturn()
        .getVariables();
    String repeatOf = variables.getValue(Var.REPEAT_OF, String.class);
    return repeatOf != null
        ? new Received(repeatOf, true)
        : new Received(variables.getValue(Var.TRACKING_NUMBER, String.class), false);
  }

  @Transactional(readOnly = true)
  public ComplaintView view(String trackingNumber) {
    Complaint complaint = complaints.byTrackingNumber(trackingNumber);
    List<Task> tasks = complaint.getProcessInstanceId() == null
        ? List.of()
        : taskService.createTaskQuery().processInstanceId(complaint.getProcessInstanceId())
            .orderByTaskCreateTime().asc().list();
    return ComplaintView.of(complaint, repeatContacts.of(complaint), complaints.mergedInto(complaint), tasks);
  }

  /**
   * Two open complaints of one customer about one matter: the other one ends through its process (every
   * open step of it stops) and the survivor carries on with its contacts, promises and messages.
   */
  public ComplaintView merge(String survivorTrackingNumber, MergeRequest request, String by) {
    Complaint survivor = complaints.byTrackingNumber(survivorTrackingNumber);
    Complaint merged = complaints.byTrackingNumber(request.trackingNumber());
    if (merged.getId().equals(survivor.getId())) {
      throw InvalidInputException.of("trackingNumber", "is this complaint itself (or merged into it already)");
    }
    for (Complaint complaint : List.of(survivor, merged)) {
      if (!complaint.isOpen()) {
        throw new ConflictException("Complaint " + complaint.getTrackingNumber() + " is " + complaint.getState()
            + "; only open complaints are merged");
      }
    }
    if (survivor.getCustomer() == null || merged.getCustomer() == null
        || !survivor.getCustomer().getId().equals(merged.getCustomer().getId())) {
      throw new ConflictException("Complaints " + survivor.getTrackingNumber() + " and " + merged.getTrackingNumber()
          + " belong to different customers; only one customer's complaints about one matter are merged");
    }
    runtimeService.createMessageCorrelation(ComplaintProcess.MESSAGE_COMPLAINT_MERGED)
        .processInstanceId(merged.getProcessInstanceId())
        .setVariable(Var.MERGED_INTO, survivor.getTrackingNumber())
        .setVariable(Var.MERGE_NOTE, request.note().trim())
        .setVariable(Var.MERGED_BY, by)
        .correlate();
    return view(survivor.getTrackingNumber());
  }

  /** What a customer's personal link shows of their complaint: nothing internal. */
  public record ForCustomer(long id, String trackingNumber, ComplaintState state, Long customerId,
      io.rootfix.notify.Language language, String question, String answer) {}

  /** The complaint a customer's link names, if it exists (a merged one leads to the one it was merged into). */
  @Transactional(readOnly = true)
  public java.util.Optional<ForCustomer> forCustomer(long complaintId) {
    return complaints.find(complaintId)
        .map(c -> c.getState() == ComplaintState.MERGED ? complaints.byTrackingNumber(c.getTrackingNumber()) : c)
        .map(c -> new ForCustomer(c.getId(), c.getTrackingNumber(), c.getState(),
            c.getCustomer() == null ? null : c.getCustomer().getId(), c.getLanguage(), c.getInformationRequest(),
            c.getAnswerText()));
  }

  /**
   * Queues the customer's personal link for this purpose (docs/customer-links.md), to the contact on file. The caller
   * decides that the complaint waits for it; a complaint without a known customer gets no link (a link names one).
   */
  @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
  public void sendPersonalLink(long complaintId, io.rootfix.notify.CustomerLinks.Purpose purpose) {
    Complaint complaint = complaints.find(complaintId).orElseThrow();
    if (complaint.getCustomer() == null) {
      throw new ConflictException("Complaint " + complaint.getTrackingNumber() + " has no customer to send a link to");
    }
    correspondence.yourLink(complaint, purpose);
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
    answers.recordCustomerReply(complaint.getId(), reply.comment());
    if (!reply.resolved()) {
      // The customer's own "not resolved" reopens it: its reason is theirs, in their words.
      reasons.recordAutomatic(complaint.getId(), trackingNumber, ReasonStep.REOPEN, ReasonStep.CUSTOMER_REPLY,
          reply.comment() == null || reply.comment().isBlank() ? "No comment given." : reply.comment().trim(),
          "customer");
    }
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
