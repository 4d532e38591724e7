package io.rootfix.process;

import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * Something a form shows that Rootfix reads from its own records at the moment the form is opened, and never stores
 * in the process: the complaint's context, the customer's history, the open promises to choose from, the reasons a
 * select offers, a letter's preview. The form reads it by {@link #name()} like any variable (Tasklist asks the
 * engine for the task's form variables); the process, its history and the database carry none of it.
 *
 * <p>A value is shown on every user task of the processes {@link #onEveryTaskOf()} names, and otherwise on the user
 * tasks whose model names it in the extension property {@value ShownOnForms#SHOWS} (Camunda Modeler: the task's
 * "Extension properties"), e.g. {@code shows = customerHistory}.
 */
public interface ShownOnForm {

  /** The name the form reads the value by. */
  String name();

  /** The process keys on every user task of which this value is shown; empty: only where a model names it. */
  default Set<String> onEveryTaskOf() {
    return Set.of();
  }

  /**
   * The value for this task's form, read now; null when there is nothing to show. Runs inside the engine command
   * that reads the form's variables, after the engine checked that the person may read the task's variables.
   */
  TypedValue valueFor(DelegateTask task);

  /** A value shown where a model names it. */
  static ShownOnForm named(String name, Function<DelegateTask, TypedValue> value) {
    return new ShownOnForm() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public TypedValue valueFor(DelegateTask task) {
        return value.apply(task);
      }
    };
  }

  /** A value shown on every user task of the processes with these keys. */
  static ShownOnForm onEveryTask(Set<String> processKeys, String name, Function<DelegateTask, TypedValue> value) {
    return new ShownOnForm() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Set<String> onEveryTaskOf() {
        return processKeys;
      }

      @Override
      public TypedValue valueFor(DelegateTask task) {
        return value.apply(task);
      }
    };
  }
}
