package io.rootfix.audit;

import java.util.Date;
import java.util.Set;
import org.camunda.bpm.engine.impl.HistoricDetailQueryImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricDetailEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ByteArrayEntity;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricVariableInstanceEntity;
import org.camunda.bpm.engine.repository.ResourceTypes;

/**
 * The engine's own history handler, with one difference: a value-set row (the engine's historic detail) is written
 * when a variable's value changes or is removed, not when it is first set. A value set once and never changed is
 * already in the variable's history row (its name, value and time); the audit trail reads it from there
 * ({@code AuditTrail}), so the trail, and a seal over it, is the same. When a value first changes, the value it had
 * until then is written as a value-set row of its own (from the variable's history row, with the time it was set),
 * before the change: every value a variable ever had stays in the trail.
 *
 * <p>A value set again to what it already was (the same text) writes no value-set row either: nothing changed. Nor
 * does a value removed in the command that set it: its history row, marked removed, says all there is.
 *
 * <p>Why: most of a complaint's variables are set once (a form's field, a policy's outcome), so the engine wrote two
 * history rows for each of them, with the same content.
 */
class ValueSetOnChange extends DbHistoryEventHandler {

  /** The engine's serializers of values that read from a row's own columns (no byte array, no document). */
  private static final Set<String> PLAIN = Set.of("string", "long", "integer", "short", "double", "boolean", "date");

  @Override
  protected void insertHistoricVariableUpdateEntity(HistoricVariableUpdateEventEntity event) {
    if (isChange(event) && shouldWriteFullHistory(event) && !isSameValue(event) && !isRemovedWhereSet(event)
        && !hasValueSetRows(event.getVariableInstanceId())) {
      HistoricVariableInstanceEntity variable = getDbEntityManager().selectById(HistoricVariableInstanceEntity.class,
          event.getVariableInstanceId());
      if (variable != null) {
        writeValueSetRow(firstValueOf(variable, event));
      }
    }
    super.insertHistoricVariableUpdateEntity(event);
  }

  @Override
  protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
    return !event.isEventOfType(HistoryEventTypes.VARIABLE_INSTANCE_CREATE) && super.shouldWriteHistoricDetail(event)
        && !isSameValue(event) && !isRemovedWhereSet(event);
  }

  /**
   * A value removed in the command that set it (a policy's outcome read by the next step only): its history row,
   * written in this command, holds its name, value and time and says it is gone; the trail reads removed values there.
   */
  private boolean isRemovedWhereSet(HistoricVariableUpdateEventEntity event) {
    if (!event.isEventOfType(HistoryEventTypes.VARIABLE_INSTANCE_DELETE)) {
      return false;
    }
    HistoricVariableInstanceEntity variable = getDbEntityManager().getCachedEntity(HistoricVariableInstanceEntity.class,
        event.getVariableInstanceId());
    return variable != null && getDbEntityManager().getDbEntityCache().isTransient(variable);
  }

  /**
   * A value set again to what it already says (a form's "true" stored as a boolean, a ledger's amount confirming the
   * policy's) is no change: the variable's history row keeps its value and type, and the trail, which shows values as
   * text, would only repeat itself. Compared for plain values only; a document or a file always counts as a change.
   */
  private boolean isSameValue(HistoricVariableUpdateEventEntity event) {
    if (!event.isEventOfType(HistoryEventTypes.VARIABLE_INSTANCE_UPDATE) || !isPlain(event.getSerializerName())) {
      return false;
    }
    // Still the value before this change: the engine updates the history row after its value-set row.
    HistoricVariableInstanceEntity variable = getDbEntityManager().selectById(HistoricVariableInstanceEntity.class,
        event.getVariableInstanceId());
    if (variable == null || !isPlain(variable.getSerializerName())) {
      return false;
    }
    return sameText(variable.getValue(), new HistoricVariableInstanceEntity(event).getValue());
  }

  /** The same as the trail shows it; a date to the millisecond (its text has whole seconds only). */
  static boolean sameText(Object before, Object after) {
    if (before instanceof Date beforeDate && after instanceof Date afterDate) {
      return beforeDate.getTime() == afterDate.getTime();
    }
    return before != null && after != null && !(before instanceof Date) && !(after instanceof Date)
        && String.valueOf(before).equals(String.valueOf(after));
  }

  private static boolean isPlain(String serializer) {
    return PLAIN.contains(serializer);
  }

  private static boolean isChange(HistoricVariableUpdateEventEntity event) {
    return event.isEventOfType(HistoryEventTypes.VARIABLE_INSTANCE_UPDATE)
        || event.isEventOfType(HistoryEventTypes.VARIABLE_INSTANCE_DELETE);
  }

  /** Whether the engine's history level writes value-set rows at all (full). */
  private boolean shouldWriteFullHistory(HistoricVariableUpdateEventEntity event) {
    return super.shouldWriteHistoricDetail(event);
  }

  /** Written already, or about to be in this command (a value changed twice before the command ends). */
  private boolean hasValueSetRows(String variableInstanceId) {
    // Asked by the cache's key type: the engine's lookup by a subtype compares the cache's wrapper, not the row.
    boolean pending = getDbEntityManager().getCachedEntitiesByType(HistoricDetailEventEntity.class).stream()
        .anyMatch(row -> row instanceof HistoricVariableUpdateEventEntity update
            && variableInstanceId.equals(update.getVariableInstanceId()));
    if (pending) {
      return true;
    }
    CommandContext command = Context.getCommandContext();
    HistoricDetailQueryImpl written = new HistoricDetailQueryImpl();
    written.variableInstanceId(variableInstanceId);
    // The engine's bookkeeping, whoever completes the task: a person's history rights must not change what is written.
    long count = command.runWithoutAuthorization(
        () -> command.getHistoricDetailManager().findHistoricDetailCountByQueryCriteria(written));
    return count > 0;
  }

  /** The value the variable had until this change, as its value-set row would have said when it was set. */
  private static HistoricVariableUpdateEventEntity firstValueOf(HistoricVariableInstanceEntity variable,
      HistoricVariableUpdateEventEntity change) {
    HistoricVariableUpdateEventEntity first = new HistoricVariableUpdateEventEntity();
    first.setId(Context.getProcessEngineConfiguration().getIdGenerator().getNextId());
    first.setEventType(HistoryEventTypes.VARIABLE_INSTANCE_CREATE.getEventName());
    Date setAt = variable.getCreateTime();
    first.setTimestamp(setAt);
    first.setVariableInstanceId(variable.getId());
    first.setVariableName(variable.getName());
    first.setSerializerName(variable.getSerializerName());
    first.setTextValue(variable.getTextValue());
    first.setTextValue2(variable.getTextValue2());
    first.setLongValue(variable.getLongValue());
    first.setDoubleValue(variable.getDoubleValue());
    first.setByteValue(variable.getByteArrayValue());
    first.setRevision(0);
    first.setProcessDefinitionId(variable.getProcessDefinitionId());
    first.setProcessDefinitionKey(variable.getProcessDefinitionKey());
    first.setProcessInstanceId(variable.getProcessInstanceId());
    first.setExecutionId(variable.getExecutionId());
    first.setActivityInstanceId(variable.getActivityInstanceId());
    first.setScopeActivityInstanceId(variable.getActivityInstanceId());
    first.setTaskId(variable.getTaskId());
    first.setTenantId(variable.getTenantId());
    first.setRootProcessInstanceId(variable.getRootProcessInstanceId());
    first.setRemovalTime(variable.getRemovalTime());
    // Ordered before the change whenever both carry the same time.
    first.setSequenceCounter(Math.max(0, change.getSequenceCounter() - 1));
    return first;
  }

  /** What the engine's handler does with a value-set row: its value's bytes in a byte array, then the row. */
  private void writeValueSetRow(HistoricVariableUpdateEventEntity row) {
    byte[] bytes = row.getByteValue();
    if (bytes != null) {
      ByteArrayEntity array = new ByteArrayEntity(row.getVariableName(), bytes, ResourceTypes.HISTORY,
          row.getRootProcessInstanceId(), row.getRemovalTime());
      Context.getCommandContext().getByteArrayManager().insertByteArray(array);
      row.setByteArrayId(array.getId());
    }
    getDbEntityManager().insert(row);
  }
}
