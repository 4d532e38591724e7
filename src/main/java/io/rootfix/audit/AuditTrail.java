package io.rootfix.audit;

import io.rootfix.attachment.AttachmentSummary;
import io.rootfix.attachment.Attachments;
import io.rootfix.complaint.ComplaintRecord;
import io.rootfix.complaint.SentAnswer;
import io.rootfix.complaint.Complaints;
import io.rootfix.notify.CustomerMessage;
import io.rootfix.notify.Outbox;
import io.rootfix.promise.PromiseService;
import io.rootfix.promise.PromiseView;
import io.rootfix.reason.ControlledReasons;
import io.rootfix.reason.GivenReason;
import io.rootfix.remedy.RemedyService;
import io.rootfix.remedy.RemedyView;
import io.rootfix.rootcause.RootCauseProcess;
import io.rootfix.rootcause.RootCauseService;
import io.rootfix.rootcause.RootCauseView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One chronological trail per complaint, merged from the engine's history (the complaint's process, its
 * promises' watches and its root cause's process: activities, tasks, submitted values, user operations,
 * incidents) and Rootfix's own records (promises, remedies with their references, root cause and fix, customer
 * messages).
 */
@Service
@Transactional(readOnly = true)
public class AuditTrail {

  private final HistoryService history;
  private final RepositoryService repository;
  private final Complaints complaints;
  private final PromiseService promises;
  private final RootCauseService rootCauses;
  private final Outbox outbox;
  private final RemedyService remedies;
  private final ControlledReasons reasons;
  private final Attachments attachments;

  AuditTrail(HistoryService history, RepositoryService repository, Complaints complaints, PromiseService promises,
      RootCauseService rootCauses, Outbox outbox, RemedyService remedies, ControlledReasons reasons,
      Attachments attachments) {
    this.attachments = attachments;
    this.remedies = remedies;
    this.reasons = reasons;
    this.history = history;
    this.repository = repository;
    this.complaints = complaints;
    this.promises = promises;
    this.rootCauses = rootCauses;
    this.outbox = outbox;
  }

  public List<AuditEntry> of(String trackingNumber) {
    ComplaintRecord complaint = complaints.record(trackingNumber);
    List<AuditEntry> trail = new ArrayList<>();
    trail.add(AuditEntry.of(complaint.createdAt(), null, "Complaint received",
        "via " + complaint.channel().code() + ", category " + complaint.category().code()));
    List<HistoricProcessInstance> instances = new ArrayList<>(history.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(trackingNumber).list());
    instances.addAll(history.createHistoricProcessInstanceQuery().processInstanceBusinessKeyLike(trackingNumber + "/%").list());
    if (complaint.rootCauseId() != null) {
      instances.addAll(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(RootCauseProcess.businessKey(complaint.rootCauseId())).list());
    }
    for (HistoricProcessInstance instance : instances) {
      addEngineHistory(trail, instance);
    }
    for (PromiseView promise : promises.ofComplaint(trackingNumber)) {
      trail.add(AuditEntry.of(promise.madeAt(), promise.madeBy(), "Promise made",
          promise.type() + ": " + promise.text() + " (due " + promise.dueAt() + ")"));
      promise.renegotiations().forEach(r -> trail.add(AuditEntry.of(r.renegotiatedAt(), r.renegotiatedBy(),
          "Promise renegotiated", r.oldDueAt() + " → " + r.newDueAt() + ": " + r.reason()
              + (r.customerToldInTime() ? " (customer told in time)" : " (customer told late)"))));
      if (promise.keptAt() != null) {
        trail.add(AuditEntry.of(promise.keptAt(), promise.keptBy(), "Promise " + promise.state().name().toLowerCase(), promise.text()));
      }
      if (promise.releasedAt() != null) {
        trail.add(AuditEntry.of(promise.releasedAt(), promise.releasedBy(), "Promise released",
            promise.text() + ": " + promise.releaseNote()));
      }
      if (promise.brokenAt() != null) {
        trail.add(AuditEntry.of(promise.brokenAt(), null, "Promise broken", promise.text()));
      }
    }
    if (complaint.rootCauseId() != null) {
      RootCauseView rootCause = rootCauses.summary(complaint.rootCauseId());
      trail.add(AuditEntry.of(rootCause.createdAt(), rootCause.createdBy(), "Root cause reported",
          RootCauseProcess.businessKey(rootCause.id()) + " " + rootCause.title()));
      if (rootCause.fixedAt() != null) {
        trail.add(AuditEntry.of(rootCause.fixedAt(), rootCause.fixedBy(), "Root cause fixed",
            rootCause.fixDescription() + " (verified by " + rootCause.verifiedBy() + ")"));
      }
    }
    for (RemedyView remedy : remedies.ofComplaint(complaint.trackingNumber())) {
      trail.add(AuditEntry.of(remedy.decidedAt(), null, "Remedy decided", remedy.type() + " " + remedy.currency() + " "
          + remedy.amount() + " (" + remedy.state() + "): " + remedy.policyNote() + " Customer's remedies in the last 12"
          + " months: " + remedy.remediesLast12Months() + ", " + remedy.currency() + " " + remedy.remedyTotalLast12Months()));
      if (remedy.settledAt() != null) {
        trail.add(AuditEntry.of(remedy.settledAt(), remedy.approvedBy(),
            remedy.refusalReason() == null ? "Remedy approved" : "Remedy refused",
            remedy.refusalReason() == null ? remedy.type() + " " + remedy.amount() : remedy.refusalReason()));
      }
      if (remedy.executedAt() != null) {
        trail.add(AuditEntry.of(remedy.executedAt(), null, "Remedy " + remedy.state().name().toLowerCase(),
            remedy.type() + " " + remedy.currency() + " " + remedy.amount() + ", reference " + remedy.externalReference()
                + " (idempotency key " + remedy.idempotencyKey() + ")"));
      }
    }
    for (GivenReason reason : reasons.ofComplaint(complaint.id())) {
      trail.add(AuditEntry.of(reason.recordedAt(), reason.recordedBy(), "Reason given: " + reason.step(),
          reason.code() + " (" + reason.label() + "): " + reason.note()));
    }
    for (SentAnswer answer : complaints.answersOf(complaint.id())) {
      trail.add(AuditEntry.of(answer.sentAt(), answer.draftedBy(), "Answer sent",
          "by " + answer.channel() + " to " + answer.recipient() + "; "
              + (answer.reviewRequired() ? "reviewed by " + answer.reviewedBy() + " (" + answer.reviewPolicy() + ")"
                  : "no review required")
              + "; the answer: " + answer.answerText()));
    }
    for (AttachmentSummary file : attachments.of(complaint.id())) {
      trail.add(AuditEntry.of(file.receivedAt(), null, file.isRefused() ? "File refused" : "File received",
          file.describe() + " via " + file.source()));
    }
    for (CustomerMessage message : outbox.messagesOf(complaint.id())) {
      trail.add(AuditEntry.of(message.getCreatedAt(), null, "Message to the customer",
          message.getKind() + " by " + message.getChannel() + " to " + message.getRecipient() + ": "
              + message.getSubject()));
    }
    if (complaint.closedAt() != null) {
      trail.add(AuditEntry.of(complaint.closedAt(), null, "Complaint closed", complaint.closingNote()));
    }
    trail.sort(Comparator.comparing(AuditEntry::time).thenComparing(AuditEntry::what));
    return trail;
  }

  private void addEngineHistory(List<AuditEntry> trail, HistoricProcessInstance instance) {
    String process = instance.getProcessDefinitionKey();
    Set<String> activityInstances = new HashSet<>();
    for (HistoricActivityInstance activity : history.createHistoricActivityInstanceQuery()
        .processInstanceId(instance.getId()).list()) {
      activityInstances.add(activity.getId());
      if (activity.getActivityName() == null || activity.getActivityType().endsWith("Gateway")) {
        continue;
      }
      trail.add(AuditEntry.of(instant(activity.getStartTime()), activity.getAssignee(), "Started: " + activity.getActivityName(),
          process + " / " + activity.getActivityId()));
      if (activity.getEndTime() != null && activity.getActivityType().equals("userTask")) {
        trail.add(AuditEntry.of(instant(activity.getEndTime()), activity.getAssignee(),
            (activity.isCanceled() ? "Withdrawn: " : "Completed: ") + activity.getActivityName(),
            process + " / " + activity.getActivityId()));
      }
    }
    // A business rule task's activity row is left out of history since 8 December (HistoryForAuditors): its decision
    // instance says which activity decided, when, and what it answered. History written before has the activity
    // row, shown as it always was (its seal is the digest of that trail), and the decision is not shown again.
    for (HistoricDecisionInstance decision : history.createHistoricDecisionInstanceQuery()
        .processInstanceId(instance.getId()).includeOutputs().disableBinaryFetching().list()) {
      String name = decision.getRootDecisionInstanceId() != null || decision.getActivityInstanceId() == null ? null
          : activityName(decision.getProcessDefinitionId(), decision.getActivityId());
      if (name != null && activityInstances.add(decision.getActivityInstanceId())) {
        trail.add(AuditEntry.of(instant(decision.getEvaluationTime()), null, "Decided: " + name,
            process + " / " + decision.getActivityId() + ": " + decision.getOutputs().stream()
                .map(output -> output.getVariableName() + " = " + output.getValue())
                .collect(Collectors.joining(", "))));
      }
    }
    Set<String> changed = new HashSet<>();
    for (HistoricDetail detail : history.createHistoricDetailQuery().processInstanceId(instance.getId())
        .variableUpdates().disableBinaryFetching().list()) {
      HistoricVariableUpdate update = (HistoricVariableUpdate) detail;
      // The details stay as they always were: a closed complaint's seal is the digest of its trail (AuditSeals).
      changed.add(update.getVariableInstanceId());
      valueSet(trail, update.getTime(), update.getVariableName(), update.getValue());
    }
    // A value set once and never changed has no value-set row (ValueSetOnChange): its history row says the same,
    // also when it was removed in the command that set it (so removed ones too: any other has value-set rows).
    for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
        .processInstanceIdIn(instance.getId()).includeDeleted().disableBinaryFetching().list()) {
      if (!changed.contains(variable.getId())) {
        valueSet(trail, variable.getCreateTime(), variable.getName(), variable.getValue());
      }
    }
    for (UserOperationLogEntry operation : history.createUserOperationLogQuery().processInstanceId(instance.getId()).list()) {
      trail.add(AuditEntry.of(instant(operation.getTimestamp()), operation.getUserId(),
          "User operation: " + operation.getOperationType() + " " + operation.getEntityType(),
          operation.getProperty() == null ? "" : operation.getProperty() + " = " + operation.getNewValue()));
    }
    for (HistoricIncident incident : history.createHistoricIncidentQuery().processInstanceId(instance.getId()).list()) {
      trail.add(AuditEntry.of(instant(incident.getCreateTime()), null, "Incident: " + incident.getIncidentType(),
          incident.getActivityId() + ": " + incident.getIncidentMessage()
              + (incident.isResolved() ? " (resolved " + incident.getEndTime().toInstant() + ")" : "")));
    }
  }

  /** The activity's name in the model its instance ran (the engine caches the deployed models). */
  private String activityName(String processDefinitionId, String activityId) {
    return repository.getBpmnModelInstance(processDefinitionId).getModelElementById(activityId)
        instanceof FlowElement element ? element.getName() : null;
  }

  private static void valueSet(List<AuditEntry> trail, Date time, String name, Object value) {
    trail.add(AuditEntry.of(instant(time), null, "Value set: " + name, String.valueOf(value), isHelper(value)));
  }

  /**
   * A value that only serves the forms or the engine: none at all, or a JSON option list a form offered (the
   * choice made is a value of its own).
   */
  private static boolean isHelper(Object value) {
    if (value == null) {
      return true;
    }
    String text = value.toString().trim();
    return text.isEmpty() || text.equals("null") || text.startsWith("[") || text.startsWith("{");
  }

  private static Instant instant(Date date) {
    return date.toInstant();
  }
}
