package io.rootfix.audit;

import io.rootfix.complaint.Complaint;
import io.rootfix.complaint.ComplaintRepository;
import io.rootfix.complaint.ComplaintState;
import io.rootfix.notify.MessageKind;
import io.rootfix.notify.Outbox;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Nothing disappears: finds every complaint that is open but has nothing left that could move it (no
 * open task, no timer or asynchronous step, no incident, no message it waits for), and every closed
 * complaint that never got a report back.
 */
@Service
@Transactional(readOnly = true)
public class Completeness {

  private final ComplaintRepository complaints;
  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final ManagementService managementService;
  private final Outbox outbox;

  Completeness(ComplaintRepository complaints, RuntimeService runtimeService, TaskService taskService,
      ManagementService managementService, Outbox outbox) {
    this.complaints = complaints;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.managementService = managementService;
    this.outbox = outbox;
  }

  public record Report(List<String> openWithoutAnythingToMoveThem, List<String> closedWithoutReport) {

    public boolean isComplete() {
      return openWithoutAnythingToMoveThem.isEmpty() && closedWithoutReport.isEmpty();
    }
  }

  public Report check() {
    // A merged complaint ends on purpose: it goes on as the complaint it was merged into.
    List<String> stuck = complaints.findByStateNot(ComplaintState.CLOSED).stream()
        .filter(c -> c.getState() != ComplaintState.MERGED)
        .filter(this::nothingMovesIt)
        .map(Complaint::getTrackingNumber)
        .toList();
    List<String> unreported = complaints.findByState(ComplaintState.CLOSED).stream()
        .filter(c -> outbox.messagesOf(c.getId()).stream().noneMatch(m -> m.getKind() == MessageKind.REPORT))
        .map(Complaint::getTrackingNumber)
        .toList();
    return new Report(stuck, unreported);
  }

  private boolean nothingMovesIt(Complaint complaint) {
    String instance = complaint.getProcessInstanceId();
    if (instance == null || runtimeService.createProcessInstanceQuery().processInstanceId(instance).count() == 0) {
      return true;
    }
    return taskService.createTaskQuery().processInstanceId(instance).count() == 0
        && managementService.createJobQuery().processInstanceId(instance).count() == 0
        && runtimeService.createIncidentQuery().processInstanceId(instance).count() == 0
        && runtimeService.createEventSubscriptionQuery().processInstanceId(instance).count() == 0;
  }
}
