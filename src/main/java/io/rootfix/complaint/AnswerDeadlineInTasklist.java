package io.rootfix.complaint;

import io.rootfix.promise.PromiseReminderEvent;
import io.rootfix.promise.PromiseRenegotiatedEvent;
import io.rootfix.promise.PromiseType;
import java.util.Date;
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

  private final TaskService taskService;

  AnswerDeadlineInTasklist(TaskService taskService) {
    this.taskService = taskService;
  }

  @EventListener
  void answerPromiseMoved(PromiseRenegotiatedEvent event) {
    if (event.type() != PromiseType.ANSWER) {
      return;
    }
    // The tasks created from now on read the new date from the complaint row (AnswerDueFromComplaint), which follows
    // the answer promise (ComplaintService#promiseMoved); a complaint agreed before the row had it reads its variable
    // only until the first move fills the row. The tasks open now get the date here.
    Date due = Date.from(event.newDueAt());
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
