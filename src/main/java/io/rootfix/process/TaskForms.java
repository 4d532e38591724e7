package io.rootfix.process;

import java.time.Clock;
import java.time.LocalTime;
import org.camunda.bpm.engine.delegate.DelegateTask;

/** Hands every task listener a {@link TaskForm} over the task's variables, with the clock and the end of day. */
public class TaskForms {

  private final Clock clock;
  private final LocalTime endOfDay;

  /** @param endOfDay what a plain date means as a deadline ({@code rootfix.promise.answer-due-time}) */
  public TaskForms(Clock clock, LocalTime endOfDay) {
    this.clock = clock;
    this.endOfDay = endOfDay;
  }

  public TaskForm of(DelegateTask task) {
    return new TaskForm(task.getVariables(), clock, endOfDay);
  }
}
