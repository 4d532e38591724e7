package io.rootfix.complaint;

import io.rootfix.promise.PromiseReminderEvent;
import io.rootfix.promise.PromiseRenegotiatedEvent;
import io.rootfix.promise.PromiseType;
import java.util.Date;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Staff see the promise where they work: the complaint's tasks carry the answer promise's deadline as
 * their Tasklist due date, and a promise's reminder raises their priority.
 */
@Component
class AnswerDeadlineInTasklist {

  /** Tasklist shows priorities above 50 as raised. */
  static final int REMINDED_PRIORITY = 75;

  private final RuntimeService runtimeService;
  private final TaskService taskService;

  AnswerDeadlineInTasklist(RuntimeService runtimeService, TaskService taskService) {
    this.runtimeService = runtimeService;
    this.taskService = taskService;
  }

  @EventListener
  void answerPromiseMoved(PromiseRenegotiatedEvent event) {
    if (event.type() != PromiseType.ANSWER) {
      return;
    }
    Date due = Date.from(event.newDueAt());
    runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(ComplaintProcess.KEY)
        .processInstanceBusinessKey(event.trackingNumber())
        .list()
        .forEach(instance -> runtimeService.setVariable(instance.getId(), ComplaintProcess.Var.ANSWER_DUE_DATE, due));
    for (Task task : openTasks(event.trackingNumber())) {
      if (task.getDueDate() != null) {
        taskService.setDueDate(task.getId(), due);
      }
    }
  }

  @EventListener
  void promiseDueSoon(PromiseReminderEvent event) {
    for (Task task : openTasks(event.trackingNumber())) {
      if (task.getPriority() < REMINDED_PRIORITY) {
        taskService.setPriority(task.getId(), REMINDED_PRIORITY);
      }
    }
  }

  /** The complaint's open tasks and those of the remedy it called (Approve the remedy is due with the answer). */
  private java.util.List<Task> openTasks(String trackingNumber) {
    return taskService.createTaskQuery()
        .processDefinitionKeyIn(ComplaintProcess.KEY, ComplaintProcess.CALLED_REMEDY)
        .processInstanceBusinessKey(trackingNumber)
        .list();
  }
}
