package io.rootfix.complaint;

import io.rootfix.process.ParseListeners;
import io.rootfix.calendar.BusinessCalendar;
import io.rootfix.complaint.ComplaintProcess.Var;
import io.rootfix.notify.CustomerMessage;
import io.rootfix.notify.CustomerMessageRepository;
import io.rootfix.notify.DeliveryState;
import io.rootfix.rootcause.RootCause;
import io.rootfix.rootcause.RootCauseLink;
import io.rootfix.rootcause.RootCauseLinkRepository;
import io.rootfix.rootcause.RootCauseProcess;
import io.rootfix.rootcause.RootCauseRepository;
import io.rootfix.rootcause.RootCauseState;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Task_WaitForFix (create): what an agent needs to see of a complaint that waits for its root cause's fix, on the
 * card in "Waiting for a fix" and on the form: the root cause's title, where it stands, the fix deadline (also the
 * task's due date, so the filter sorts by it) and what the customer was last told. Task-local, so nothing of it
 * outlives the wait. Stored, unlike what forms only show ({@code ShownOnForms}), because Tasklist's cards and the
 * filter's sort read stored values; rewritten whenever a root-cause task is completed, since the deadline is set,
 * and the state moves, after the complaint started waiting.
 *
 * <p>Reads repositories only: the engine's plugins reach it before the engine's services exist.
 */
@Component("showRootCauseFix")
public class WaitingForFix extends AbstractProcessEnginePlugin implements TaskListener {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd-MM-yyyy", Locale.forLanguageTag("nl"));

  private final ComplaintRepository complaints;
  private final RootCauseRepository rootCauses;
  private final CustomerMessageRepository messages;
  private final ZoneId zone;

  private final RootCauseLinkRepository links;

  WaitingForFix(ComplaintRepository complaints, RootCauseRepository rootCauses, CustomerMessageRepository messages,
      BusinessCalendar calendar, RootCauseLinkRepository links) {
    this.links = links;
    this.complaints = complaints;
    this.rootCauses = rootCauses;
    this.messages = messages;
    this.zone = calendar.zone();
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ParseListeners.addLast(configuration, new AbstractBpmnParseListener() {
      // After the root-cause model's own listener recorded the step: the deadline or the state moved.
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        if (activity.getProcessDefinition() instanceof ProcessDefinitionEntity definition
            && RootCauseProcess.KEY.equals(definition.getKey())
            && activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
          behavior.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_COMPLETE,
              (TaskListener) WaitingForFix.this::refreshWaitingComplaints);
        }
      }
    });
  }

  /**
   * Rewrites "Wait for the root cause's fix" on every complaint still waiting for this root cause. Without the
   * person's authorisations: whoever works the root cause (its owning department) may not read complaint tasks.
   */
  private void refreshWaitingComplaints(DelegateTask rootCauseTask) {
    Long rootCauseId = RootCauseProcess.ROOT_CAUSE_ID.from(rootCauseTask);
    String[] waiting = rootCauseId == null ? new String[0] : links.findByRootCauseIdAndToldAtIsNull(rootCauseId)
        .stream().map(RootCauseLink::getTrackingNumber).toArray(String[]::new);
    if (waiting.length == 0) {
      return;
    }
    TaskService tasks = rootCauseTask.getProcessEngineServices().getTaskService();
    List<Task> open = Context.getCommandContext().runWithoutAuthorization(() -> tasks.createTaskQuery()
        .processInstanceBusinessKeyIn(waiting).taskDefinitionKey(ComplaintProcess.Element.WAIT_FOR_FIX).list());
    for (Task task : open) {
      if (task instanceof TaskEntity entity && !entity.isDeleted()) {
        notify(entity);
      }
    }
  }

  @Override
  public void notify(DelegateTask task) {
    Long complaintId = ComplaintProcess.COMPLAINT_ID.from(task);
    Complaint complaint = complaintId == null ? null : complaints.findById(complaintId).orElse(null);
    RootCause rootCause = complaint == null || complaint.getRootCauseId() == null ? null
        : rootCauses.findById(complaint.getRootCauseId()).orElse(null);
    if (rootCause == null) {
      return; // nothing to show; the wait itself does not depend on it
    }
    Instant deadline = rootCause.getFixDeadline();
    task.setVariableLocal(Var.ROOT_CAUSE_TITLE, RootCauseProcess.businessKey(rootCause.getId()) + " " + rootCause.getTitle());
    task.setVariableLocal(Var.FIX_DUE_BY, deadline == null ? "not set yet" : DAY.format(deadline.atZone(zone)));
    task.setVariableLocal(Var.ROOT_CAUSE_STATUS, status(rootCause));
    task.setVariableLocal(Var.CUSTOMER_LAST_TOLD, lastTold(messages.findByComplaint_IdOrderByIdAsc(complaintId)));
    task.setDueDate(deadline == null ? null : Date.from(deadline));
  }

  private static String status(RootCause rootCause) {
    RootCauseState state = rootCause.getState();
    if (state == RootCauseState.INVESTIGATING) {
      return "Being investigated by " + rootCause.getOwnerGroup() + "; no fix date yet";
    }
    if (state == RootCauseState.FIX_IN_PROGRESS) {
      return rootCause.getFixedAt() == null ? "Being fixed by " + rootCause.getOwnerGroup()
          : "Fixed; a team lead verifies the fix";
    }
    return state == RootCauseState.WONT_FIX ? "Will not be fixed" : "Fixed";
  }

  private String lastTold(List<CustomerMessage> all) {
    if (all.isEmpty()) {
      return "Nothing yet";
    }
    CustomerMessage last = all.get(all.size() - 1);
    String when = DAY.format((last.getSentAt() != null ? last.getSentAt() : last.getCreatedAt()).atZone(zone));
    String how = last.getState() == DeliveryState.SENT ? "sent " + when
        : last.getState() == DeliveryState.FOR_AGENT ? "to be sent by hand since " + when : "on its way since " + when;
    return last.getSubject() + " (" + how + ")";
  }
}
