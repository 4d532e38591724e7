package io.rootfix.promise;

import static io.rootfix.promise.PromiseProcess.Var;
import static io.rootfix.promise.PromiseProcess.KEPT_BY;
import static io.rootfix.promise.PromiseProcess.NEW_DATE_AGREED;
import static io.rootfix.promise.PromiseProcess.OWNER;
import static io.rootfix.promise.PromiseProcess.QUEUE;
import static io.rootfix.promise.PromiseProcess.RENEGOTIATION_OUTCOME;
import static io.rootfix.promise.PromiseProcess.TRACKING_NUMBER;

import io.rootfix.process.ShownOnForm;
import io.rootfix.process.TaskForm;
import io.rootfix.process.TaskForms;
import io.rootfix.security.TaskActor;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service tasks and task listeners of {@code promise.bpmn}. */
@Configuration
class PromiseDelegates {

  private final PromiseService promises;
  private final TaskActor actor;
  private final TaskForms forms;

  PromiseDelegates(PromiseService promises, TaskActor actor, TaskForms forms) {
    this.promises = promises;
    this.actor = actor;
    this.forms = forms;
  }

  /** Task_RemindOwner: also clears the last round's renegotiation form, so the next one starts empty. */
  @Bean
  JavaDelegate remindPromiseOwner() {
    return execution -> {
      promises.reminded(PromiseProcess.requirePromiseId(execution));
      execution.removeVariables(List.of(Var.NEW_DATE_AGREED, Var.NEW_DUE, Var.RENEGOTIATION_REASON, Var.ALREADY_KEPT,
          Var.RENEGOTIATION_OUTCOME));
    };
  }

  /** Task_MarkKept: by whom the keeping message or "Renegotiate in time" said. */
  @Bean
  JavaDelegate markPromiseKept() {
    return execution -> promises.markKept(PromiseProcess.requirePromiseId(execution), KEPT_BY.from(execution));
  }

  /** Task_MarkBroken */
  @Bean
  JavaDelegate markPromiseBroken() {
    return execution -> promises.markBroken(PromiseProcess.requirePromiseId(execution));
  }

  /**
   * Task_RenegotiateInTime (start): the task is offered to its complaint's queue and assigned to its owner (or, for a
   * complaint nobody owns yet, to who made the promise), which the model's candidate group and assignee read; neither
   * is stored, so a complaint merged into another is followed. The watch only reaches the task from its timer, i.e.
   * in the job executor, without a signed-in user.
   */
  @Bean
  ExecutionListener offerToComplaintQueue(ComplaintQueue queues, PromiseRepository promiseRows) {
    return execution -> {
      Promise promise = watched(execution, promiseRows)
          .orElseThrow(() -> new IllegalStateException("no promise " + PromiseProcess.promiseIdOf(execution)));
      QUEUE.on(execution).setLocal(queues.of(promise.getTrackingNumber()));
      OWNER.on(execution).setLocal(ownerOf(promise, queues));
    };
  }

  /**
   * The watch's tasks (create): the complaint's tracking number, for Tasklist's card and the form, from the promise
   * row (so a merged complaint's promise shows the complaint it moved to); a variable of the task alone, not of the
   * watch, which a promise kept or released in time never needs.
   */
  @Bean
  TaskListener showComplaintOnCard(PromiseRepository promiseRows) {
    return task -> watched(task, promiseRows)
        .ifPresent(promise -> TRACKING_NUMBER.on(task).setLocal(promise.getTrackingNumber()));
  }

  /** The promise the watch watches, from its row. */
  private static Optional<Promise> watched(VariableScope watch, PromiseRepository promises) {
    Long promiseId = PromiseProcess.promiseIdOf(watch);
    return promiseId == null ? Optional.empty() : promises.findById(promiseId);
  }

  /** The owner of the promise's complaint now; who made the promise while nobody owns the complaint. */
  private static String ownerOf(Promise promise, ComplaintQueue queues) {
    String owner = queues.ownerOf(promise.getTrackingNumber());
    return owner != null ? owner : promise.getMadeBy();
  }

  /** The complaint's owner on the watch's forms ("Handle the broken promise" names them), read when a form opens. */
  @Bean
  static ShownOnForm ownerShown(ObjectProvider<ComplaintQueue> queues, ObjectProvider<PromiseRepository> promises) {
    return ShownOnForm.onEveryTask(Set.of(PromiseProcess.KEY), Var.OWNER, (DelegateTask task) -> {
      String owner = watched(task, promises.getObject()).map(promise -> ownerOf(promise, queues.getObject()))
          .orElse(null);
      return owner == null ? null : (TypedValue) Variables.stringValue(owner);
    });
  }

  /**
   * Task_RenegotiateInTime: already kept ends the watch as kept; a new date moves the timers (the flow returns
   * to the watch with new dates); otherwise the date stands.
   */
  @Bean
  TaskListener recordRenegotiation() {
    return task -> {
      TaskForm form = forms.of(task);
      boolean kept = form.flag(Var.ALREADY_KEPT);
      boolean newDate = !kept && form.flag(Var.NEW_DATE_AGREED);
      if (kept && promises.view(PromiseProcess.requirePromiseId(task)).type() == PromiseType.ANSWER) {
        form.reject(Var.ALREADY_KEPT, "sending the answer keeps the answer promise");
      }
      Instant newDue = newDate ? form.requiredMoment(Var.NEW_DUE, "give the new date agreed with the customer") : null;
      String reason = newDate ? form.optionalText(Var.RENEGOTIATION_REASON, 2000) : null;
      form.check();
      NEW_DATE_AGREED.on(task).set(newDate);
      RENEGOTIATION_OUTCOME.on(task).set(kept ? "kept" : newDate ? "moved" : "stands");
      if (kept) {
        KEPT_BY.on(task).set(actor.of(task));
      } else if (newDate) {
        promises.renegotiateInTask(PromiseProcess.requirePromiseId(task), newDue, reason, actor.of(task));
      }
    };
  }

  /**
   * What was promised, on the watch's forms ("Renegotiate in time", "Handle the broken promise"), read from the
   * promise row when the form opens: the watch does not carry a copy (watches started before 6 December 2026 do,
   * and their forms show the row's text all the same).
   */
  @Bean
  static ShownOnForm promiseTextShown(ObjectProvider<PromiseRepository> promises) {
    return ofThePromise(promises, Var.PROMISE_TEXT, Promise::getText);
  }

  /** The promise's type on the watch's forms ("Renegotiate in time" hides "already kept" for the answer promise). */
  @Bean
  static ShownOnForm promiseTypeShown(ObjectProvider<PromiseRepository> promises) {
    return ofThePromise(promises, Var.PROMISE_TYPE, promise -> promise.getType().name());
  }

  private static ShownOnForm ofThePromise(ObjectProvider<PromiseRepository> promises, String name,
      Function<Promise, String> value) {
    return ShownOnForm.onEveryTask(Set.of(PromiseProcess.KEY), name, (DelegateTask task) -> {
      return watched(task, promises.getObject())
          .map(promise -> (TypedValue) Variables.stringValue(value.apply(promise))).orElse(null);
    });
  }

  /** Task_EscalateBrokenPromise */
  @Bean
  TaskListener recordEscalation() {
    return task -> {
      TaskForm form = forms.of(task);
      String note = form.requiredText(Var.ESCALATION_NOTE, 2000, "say what was done about the broken promise");
      form.check();
      promises.escalationHandled(PromiseProcess.requirePromiseId(task), note);
    };
  }
}
