package io.rootfix.process;

import java.util.Set;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Values a model's expressions read by name, like a variable, that Rootfix keeps in its own records instead of the
 * process: e.g. {@code ${dueAt}} on a promise watch's timer is read from the promise row when the timer is set, so the
 * watch stores no copy of dates the promise row holds anyway (and changes, when a new date is agreed).
 *
 * <p>Read before the process's own variables of the same name, so an instance started before the value moved to the
 * record goes on with its variable until the record has the value ({@link #read} null: the variable, if any, is read).
 */
public interface ReadFromRecord {

  /** The process whose expressions read these names. */
  String processKey();

  /** The names read from the record. */
  Set<String> names();

  /** The value of one of {@link #names()} for this execution or task, read now; null when the record has none. */
  Object read(String name, VariableScope scope);
}
