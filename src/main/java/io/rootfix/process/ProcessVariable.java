package io.rootfix.process;

import java.util.Date;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextListener;
import org.camunda.bpm.engine.impl.pvm.runtime.PvmExecutionImpl;
import org.camunda.bpm.engine.variable.Variables;

/**
 * One process variable: its name and its type, declared once in the process's backing class
 * ({@code ComplaintProcess.COMPLAINT_ID}). Read with {@code COMPLAINT_ID.from(execution)}, written with
 * {@code COMPLAINT_ID.on(execution).set(id)}; this is the only place that casts what the engine stored.
 * <p>
 * Numbers come back from the engine as whatever Java type stored them (an Integer after a REST call, a Long
 * from a delegate), so numeric variables convert from any {@link Number}. A value of another type is a bug in
 * a model or a delegate and fails naming the variable, rather than being read as "unset".
 */
public final class ProcessVariable<T> {

  private final String name;
  private final Class<T> type;
  private final Function<Object, T> convert;
  private final Kept kept;

  /** How long a value set through {@link Writer#set} stays in the process. */
  private enum Kept { STORED, TRANSIENT, FOR_THE_COMMAND }

  private ProcessVariable(String name, Class<T> type, Function<Object, T> convert) {
    this(name, type, convert, Kept.STORED);
  }

  private ProcessVariable(String name, Class<T> type, Function<Object, T> convert, Kept kept) {
    this.name = name;
    this.type = type;
    this.convert = convert;
    this.kept = kept;
  }

  public static ProcessVariable<Long> longVariable(String name) {
    return new ProcessVariable<>(name, Long.class, value -> ((Number) value).longValue());
  }

  public static ProcessVariable<Integer> intVariable(String name) {
    return new ProcessVariable<>(name, Integer.class, value -> ((Number) value).intValue());
  }

  public static ProcessVariable<Double> doubleVariable(String name) {
    return new ProcessVariable<>(name, Double.class, value -> ((Number) value).doubleValue());
  }

  public static ProcessVariable<String> stringVariable(String name) {
    return new ProcessVariable<>(name, String.class, String.class::cast);
  }

  public static ProcessVariable<Boolean> booleanVariable(String name) {
    return new ProcessVariable<>(name, Boolean.class, Boolean.class::cast);
  }

  public static ProcessVariable<Date> dateVariable(String name) {
    return new ProcessVariable<>(name, Date.class, Date.class::cast);
  }

  /**
   * A value one step hands to the next within the same transaction, never stored: a transient variable, so no
   * row, no history and no serialization; it is gone at the next wait state, so a reader must cope without it.
   */
  public static <T> ProcessVariable<T> transientVariable(String name, Class<T> type) {
    return new ProcessVariable<>(name, type, type::cast, Kept.TRANSIENT);
  }

  /**
   * This variable as a value the model reads only in the command that sets it (the gateway right after the task
   * whose form decided it): {@link Writer#set} stores it, so its history row says who decided what, and removes it
   * from the process instance before the command commits, so it costs no runtime row (the engine neither inserts
   * nor deletes a row created and removed in one command). A reader behind a wait state does not find it.
   */
  public ProcessVariable<T> readInTheCommandThatSetsIt() {
    return new ProcessVariable<>(name, type, convert, Kept.FOR_THE_COMMAND);
  }

  /** The value as a start or a correlation takes it: a transient variable marked so. */
  public Object valueOf(T value) {
    return kept == Kept.TRANSIENT ? Variables.objectValue(value, true).create() : value;
  }

  public String name() {
    return name;
  }

  public Class<T> type() {
    return type;
  }

  /** The value in this scope or a parent's; null when unset. */
  public T from(VariableScope scope) {
    return convert(scope.getVariable(name));
  }

  /** The value in a map of variables (a start form's, a process instance's); null when unset. */
  public T from(Map<String, ?> variables) {
    return convert(variables.get(name));
  }

  /** The value, which the process always sets before this point. */
  public T require(VariableScope scope) {
    T value = from(scope);
    if (value == null) {
      throw new IllegalStateException("Process variable " + name + " is not set");
    }
    return value;
  }

  /** True only for a stored {@code true}; for boolean variables a process sets itself. */
  public boolean isTrue(VariableScope scope) {
    return Boolean.TRUE.equals(from(scope));
  }

  public Writer on(VariableScope scope) {
    return new Writer(scope);
  }

  private T convert(Object value) {
    if (value == null) {
      return null;
    }
    try {
      return convert.apply(value);
    } catch (ClassCastException e) {
      throw new IllegalStateException("Process variable " + name + " holds a " + value.getClass().getSimpleName()
          + ", not a " + type.getSimpleName(), e);
    }
  }

  /** Writes this variable in one scope. */
  public final class Writer {

    private final VariableScope scope;

    private Writer(VariableScope scope) {
      this.scope = scope;
    }

    /** Sets it where it is already visible, else on the process instance (the engine's {@code setVariable}). */
    public void set(T value) {
      if (kept == Kept.TRANSIENT && scope.hasVariable(name) && !scope.getVariableTyped(name, false).isTransient()) {
        // Stored by an instance that began before the value became transient: it goes on storing it (the engine
        // refuses a transient value in a stored one's place, even one removed in the same command).
        scope.setVariable(name, value);
        return;
      }
      scope.setVariable(name, valueOf(value));
      if (kept == Kept.FOR_THE_COMMAND) {
        removeBeforeCommit();
      }
    }

    /**
     * Removes it from the process instance, where {@link #set} puts a name no scope has, once the command's work is
     * done and before the engine writes it (the context's listeners run before its sessions flush). Not from an
     * instance that ended in the command: its variables went with it.
     */
    private void removeBeforeCommit() {
      DelegateExecution execution = scope instanceof DelegateTask task ? task.getExecution()
          : (DelegateExecution) scope;
      PvmExecutionImpl instance = (PvmExecutionImpl) execution.getProcessInstance();
      Context.getCommandContext().registerCommandContextListener(new CommandContextListener() {
        @Override
        public void onCommandContextClose(CommandContext commandContext) {
          if (!instance.isEnded() && instance.hasVariableLocal(name)) {
            instance.removeVariableLocal(name);
          }
        }

        @Override
        public void onCommandFailed(CommandContext commandContext, Throwable t) {
          // rolled back with everything else
        }
      });
    }

    /** Sets it on this scope only (a task, a local check). */
    public void setLocal(T value) {
      scope.setVariableLocal(name, valueOf(value));
    }

    public void remove() {
      scope.removeVariable(name);
    }
  }

  @Override
  public String toString() {
    return name + " (" + type.getSimpleName() + ")";
  }
}
