package io.rootfix.promise;

import static io.rootfix.promise.PromiseProcess.Var;
import static io.rootfix.web.FormValues.flag;
import static io.rootfix.web.FormValues.text;

import io.rootfix.security.TaskActor;
import io.rootfix.web.FormDates;
import io.rootfix.web.InvalidInputException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service tasks and task listeners of {@code promise.bpmn}. */
@Configuration
class PromiseDelegates {

  private final PromiseService promises;
  private final TaskActor actor;
  private final Clock clock;

  PromiseDelegates(PromiseService promises, TaskActor actor, Clock clock) {
    this.promises = promises;
    this.actor = actor;
    this.clock = clock;
  }

  /** Task_RemindOwner: also clears the last round's renegotiation form, so the next one starts empty. */
  @Bean
  JavaDelegate remindPromiseOwner() {
    return execution -> {
      promises.reminded(promiseId(execution));
      execution.removeVariables(List.of(Var.NEW_DATE_AGREED, Var.NEW_DUE, Var.RENEGOTIATION_REASON, Var.ALREADY_KEPT,
          Var.RENEGOTIATION_OUTCOME));
    };
  }

  /** Task_MarkKept: by whom the keeping message or "Renegotiate in time" said. */
  @Bean
  JavaDelegate markPromiseKept() {
    return execution -> promises.markKept(promiseId(execution), (String) execution.getVariable(Var.KEPT_BY));
  }

  /** Task_MarkBroken */
  @Bean
  JavaDelegate markPromiseBroken() {
    return execution -> promises.markBroken(promiseId(execution));
  }

  /**
   * Task_RenegotiateInTime: already kept ends the watch as kept; a new date moves the timers (the flow returns
   * to the watch with new dates); otherwise the date stands.
   */
  @Bean
  TaskListener recordRenegotiation() {
    return task -> {
      boolean kept = flag(task.getVariable(Var.ALREADY_KEPT));
      boolean newDate = !kept && flag(task.getVariable(Var.NEW_DATE_AGREED));
      task.setVariable(Var.NEW_DATE_AGREED, newDate);
      task.setVariable(Var.RENEGOTIATION_OUTCOME, kept ? "kept" : newDate ? "moved" : "stands");
      if (kept) {
        if (PromiseType.ANSWER.name().equals(task.getVariable(Var.PROMISE_TYPE))) {
          throw InvalidInputException.of(Var.ALREADY_KEPT, "sending the answer keeps the answer promise");
        }
        task.setVariable(Var.KEPT_BY, actor.of(task));
      } else if (newDate) {
        Map<String, Object> timers = promises.renegotiateInTask(promiseId(task),
            parseDue(task.getVariable(Var.NEW_DUE)), text(task.getVariable(Var.RENEGOTIATION_REASON)), actor.of(task));
        task.getExecution().setVariables(timers);
      }
    };
  }

  /** Task_EscalateBrokenPromise */
  @Bean
  TaskListener recordEscalation() {
    return task -> {
      String note = text(task.getVariable(Var.ESCALATION_NOTE));
      if (note == null) {
        throw InvalidInputException.of(Var.ESCALATION_NOTE, "say what was done about the broken promise");
      }
      promises.escalationHandled(promiseId(task), note);
    };
  }

  private Instant parseDue(Object value) {
    Instant due = FormDates.parse(value, Var.NEW_DUE, clock.getZone(), LocalTime.of(17, 0));
    if (due == null) {
      throw InvalidInputException.of(Var.NEW_DUE, "give the new date agreed with the customer");
    }
    return due;
  }


  private static Long promiseId(VariableScope scope) {
    return ((Number) scope.getVariable(Var.PROMISE_ID)).longValue();
  }
}
