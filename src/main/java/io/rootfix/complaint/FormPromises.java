package io.rootfix.complaint;


import io.rootfix.complaint.ComplaintProcess.Var;
import io.rootfix.process.TaskForm;
import io.rootfix.process.TaskForms;
import io.rootfix.promise.PromiseType;
import io.rootfix.security.TaskActor;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The promise part every complaint form offers: mark one of the complaint's open promises kept, make one more
 * ("I'll call you back today before 17:00"), and, on a form that closes the complaint, settle the rest. Each
 * complaint task's listener calls it after its own step.
 */
@Component
class FormPromises {

  private final ComplaintService complaints;
  private final TaskActor actor;
  private final TaskForms forms;

  FormPromises(ComplaintService complaints, TaskActor actor, TaskForms forms) {
    this.complaints = complaints;
    this.actor = actor;
    this.forms = forms;
  }

  /** After the step's own part: the promise kept and the promise made on this form, if any. */
  void record(DelegateTask task, long complaintId) {
    keepChosen(task, complaintId);
    makeExtra(task, complaintId);
  }

  /** Any form that offers promises lets the agent mark one of the complaint's open promises kept. */
  void keepChosen(DelegateTask task, long complaintId) {
    TaskForm form = forms.of(task);
    if (form.optionalText(Var.KEPT_PROMISE, 20) != null) {
      Long promiseId = form.requiredNumber(Var.KEPT_PROMISE);
      form.check();
      complaints.keepPromise(complaintId, promiseId, actor.of(task));
    }
    // The next form starts with nothing chosen (and a second call for the same task does nothing).
    task.getExecution().removeVariable(Var.KEPT_PROMISE);
  }

  /**
   * The complaint closes from this form: no promise stays open. The agent says whether the rest were kept or are
   * released, with a note and what the customer is told; nothing new is promised on a complaint that closes.
   */
  void settleOpen(DelegateTask task, long complaintId) {
    TaskForm form = forms.of(task);
    if (form.flag(Var.MAKE_PROMISE)) {
      form.reject(Var.MAKE_PROMISE, "the complaint closes: promise nothing new on it, or do not close it yet");
    }
    boolean anyOpen = complaints.openPromises(complaintId).stream().anyMatch(p -> p.type() != PromiseType.ANSWER);
    if (!anyOpen) {
      form.check();
      return;
    }
    String settle = form.requiredCode(Var.PROMISES_ON_CLOSE, FormPromises::settlement, "kept|released");
    String note = "released".equals(settle) ? form.requiredText(Var.RELEASE_NOTE, 2000) : null;
    String toCustomer = "released".equals(settle) ? form.requiredText(Var.RELEASE_MESSAGE, 2000) : null;
    form.check();
    if ("kept".equals(settle)) {
      complaints.keepAllOpen(complaintId, actor.of(task));
    } else {
      complaints.releaseOpenPromises(complaintId, note, toCustomer, actor.of(task));
    }
  }

  /** Any complaint form lets the agent record one more promise. */
  private void makeExtra(DelegateTask task, long complaintId) {
    TaskForm form = forms.of(task);
    if (form.flag(Var.MAKE_PROMISE)) {
      PromiseType type = form.requiredCode(Var.PROMISE_TYPE, code -> PromiseType.valueOf(code.toUpperCase(Locale.ROOT)),
          "callback|delivery|refund|other");
      String text = form.requiredText(Var.PROMISE_TEXT, 500);
      Instant dueAt = form.optionalMoment(Var.PROMISE_DUE);
      Instant windowFrom = form.optionalMoment(Var.PROMISE_WINDOW_FROM);
      form.check();
      complaints.makePromise(complaintId, type, text, windowFrom, dueAt, actor.of(task));
    }
    // The next form starts without this promise.
    task.getExecution().removeVariables(List.of(Var.MAKE_PROMISE, Var.PROMISE_TYPE, Var.PROMISE_TEXT, Var.PROMISE_DUE,
        Var.PROMISE_WINDOW_FROM, Var.PROMISES_ON_CLOSE, Var.RELEASE_NOTE, Var.RELEASE_MESSAGE));
  }

  private static String settlement(String code) {
    if (!"kept".equals(code) && !"released".equals(code)) {
      throw new IllegalArgumentException(code);
    }
    return code;
  }
}
