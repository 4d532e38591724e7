package io.rootfix.complaint;

import io.rootfix.security.Groups;
import io.rootfix.web.NotFoundException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What became of a complaint an agent just started with Tasklist's start form: its tracking number and the task
 * they go on with. Tasklist only learns the new process instance's id; this tells the agent the number to read out
 * to the customer. Only the agent who started it (and team leads and admins) may ask; anyone else, an unknown id and
 * a start that has not committed yet all get the same 404, so nothing about other complaints leaks.
 */
@Service
@Transactional(readOnly = true)
public class StartedComplaints {

  /**
   * @param repeatContact the call was about the customer's open complaint and was attached to it: the number is
   *     that complaint's, and there is no new task
   * @param taskId the first open task of the new complaint the caller may work on (theirs, or free for one of
   *     their groups); null if none
   */
  public record Started(String trackingNumber, boolean repeatContact, String taskId, String taskName) {}

  private final HistoryService historyService;
  private final TaskService taskService;
  private final ComplaintRepository complaints;

  StartedComplaints(HistoryService historyService, TaskService taskService, ComplaintRepository complaints) {
    this.historyService = historyService;
    this.taskService = taskService;
    this.complaints = complaints;
  }

  /** @throws NotFoundException unless {@code user} may see this start (see the class) */
  public Started of(String processInstanceId, String user, Collection<String> groups) {
    HistoricProcessInstance instance = historyService.createHistoricProcessInstanceQuery()
        .processInstanceId(processInstanceId).processDefinitionKey(ComplaintProcess.KEY).singleResult();
    boolean staff = groups.contains(Groups.TEAM_LEADS) || groups.contains(Groups.ADMINS);
    if (instance == null || !(staff || user.equals(instance.getStartUserId()))) {
      throw notFound(processInstanceId);
    }
    Optional<Complaint> complaint = complaints.findByProcessInstanceId(processInstanceId);
    if (complaint.isPresent()) {
      Task task = firstTaskFor(processInstanceId, user, groups);
      return new Started(complaint.get().getTrackingNumber(), false,
          task == null ? null : task.getId(), task == null ? null : task.getName());
    }
    String repeatOf = repeatOf(processInstanceId);
    if (repeatOf == null) {
      throw notFound(processInstanceId);
    }
    return new Started(repeatOf, true, null, null);
  }

  /** Assigned to the caller, or free for one of their groups: what Tasklist lets them claim and complete. */
  private Task firstTaskFor(String processInstanceId, String user, Collection<String> groups) {
    if (groups.isEmpty()) {
      return null; // nobody without a group works complaints
    }
    List<Task> tasks = taskService.createTaskQuery().processInstanceId(processInstanceId).active()
        .or().taskAssignee(user).taskCandidateGroupIn(List.copyOf(groups)).endOr()
        .orderByTaskCreateTime().asc().listPage(0, 1);
    return tasks.isEmpty() ? null : tasks.get(0);
  }

  private String repeatOf(String processInstanceId) {
    HistoricVariableInstance variable = historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(processInstanceId).variableName(ComplaintProcess.Var.REPEAT_OF).singleResult();
    return variable == null || variable.getValue() == null ? null : variable.getValue().toString();
  }

  private static NotFoundException notFound(String processInstanceId) {
    return new NotFoundException("No complaint started as " + processInstanceId + " that you may see");
  }
}
