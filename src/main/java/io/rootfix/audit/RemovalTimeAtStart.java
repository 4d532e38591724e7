package io.rootfix.audit;

import java.util.Date;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.DefaultHistoryRemovalTimeProvider;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.producer.CacheAwareHistoryEventProducer;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.repository.ProcessDefinition;

/**
 * The removal time of an instance's history is fixed when its root instance starts and written once with each history
 * row, instead of being set on every row of the instance when it ends.
 *
 * <p>Why: with the engine's default (removal time at the end) every history row of a complaint is written twice: once
 * when it happens and once more, by sixteen bulk updates, when the complaint closes; on PostgreSQL a second version
 * of every row and of every one of its index entries (the column is indexed), about as much again as the history.
 *
 * <p>What auditors are promised stays: history is kept for the time to live after the instance ends. The time fixed at
 * the start is start + time to live + {@code rootfix.history.removal-margin}; an instance that ends within the margin
 * keeps it (its history is kept at most the margin longer than the time to live), one that ends outside it has it moved
 * to end + time to live when it ends, as the engine's default would. While an instance runs, {@link RunningHistoryKept}
 * keeps its removal time ahead, so the history cleanup never removes the history of an instance still running.
 */
final class RemovalTimeAtStart {

  private RemovalTimeAtStart() {}

  static void install(ProcessEngineConfigurationImpl configuration, HistoryRetention retention) {
    configuration.setHistoryRemovalTimeStrategy(ProcessEngineConfiguration.HISTORY_REMOVAL_TIME_STRATEGY_START);
    configuration.setHistoryRemovalTimeProvider(new WithMargin(retention.marginDays()));
    configuration.setHistoryEventProducer(new MovedAtEndOutsideTheMargin(retention.marginDays()));
  }

  /**
   * Sets a root instance's removal time on every history row of it and of the instances it called, by the engine's own
   * bulk updates: when it ends outside its margin, and while it runs past its horizon ({@link RunningHistoryKept}).
   */
  static void moveRemovalTime(CommandContext command, String rootProcessInstanceId, Date removalTime) {
    command.getHistoricProcessInstanceManager()
        .addRemovalTimeToProcessInstancesByRootProcessInstanceId(rootProcessInstanceId, removalTime);
    if (command.getProcessEngineConfiguration().isDmnEnabled()) {
      command.getHistoricDecisionInstanceManager()
          .addRemovalTimeToDecisionsByRootProcessInstanceId(rootProcessInstanceId, removalTime);
    }
  }

  /** Start + time to live + margin for a running root instance; end + time to live for an ended one. */
  static final class WithMargin extends DefaultHistoryRemovalTimeProvider {

    private final int marginDays;

    WithMargin(int marginDays) {
      this.marginDays = marginDays;
    }

    @Override
    public Date calculateRemovalTime(HistoricProcessInstanceEventEntity root, ProcessDefinition definition) {
      Date removalTime = super.calculateRemovalTime(root, definition);
      return removalTime == null || root.getEndTime() != null ? removalTime
          : determineRemovalTime(removalTime, marginDays);
    }
  }

  /**
   * When a root instance ends, leaves its removal time where it is if that lies within [end + time to live, end + time
   * to live + margin], and otherwise moves it there on every row of the instance (the engine's own bulk updates).
   */
  static final class MovedAtEndOutsideTheMargin extends CacheAwareHistoryEventProducer {

    private final int marginDays;

    MovedAtEndOutsideTheMargin(int marginDays) {
      this.marginDays = marginDays;
    }

    @Override
    public HistoryEvent createProcessInstanceEndEvt(DelegateExecution execution) {
      HistoricProcessInstanceEventEntity end = (HistoricProcessInstanceEventEntity) super.createProcessInstanceEndEvt(
          execution);
      if (isRootProcessInstance(end) && isHistoryRemovalTimeStrategyStart()) {
        Date fixed = storedRemovalTime(end);
        Date earliest = calculateRemovalTime(end);
        Date latest = earliest == null ? null
            : DefaultHistoryRemovalTimeProvider.determineRemovalTime(earliest, marginDays);
        if (earliest != null && (fixed == null || fixed.before(earliest) || fixed.after(latest))) {
          end.setRemovalTime(earliest);
          moveRemovalTime(Context.getCommandContext(), end.getRootProcessInstanceId(), earliest);
        } else {
          end.setRemovalTime(fixed);
        }
      }
      return end;
    }

    @Override
    public HistoryEvent createProcessInstanceUpdateEvt(DelegateExecution execution) {
      return withStoredRemovalTime(super.createProcessInstanceUpdateEvt(execution));
    }

    @Override
    public HistoryEvent createProcessInstanceMigrateEvt(DelegateExecution execution) {
      return withStoredRemovalTime(super.createProcessInstanceMigrateEvt(execution));
    }

    /**
     * A root instance's event that the history handler merges becomes the root row the rest of the command reads its
     * removal time from (every history row written after it in the same command): it must carry the stored one.
     */
    private HistoryEvent withStoredRemovalTime(HistoryEvent event) {
      HistoricProcessInstanceEventEntity instance = (HistoricProcessInstanceEventEntity) event;
      if (instance.getRemovalTime() == null && isRootProcessInstance(instance) && isHistoryRemovalTimeStrategyStart()) {
        instance.setRemovalTime(storedRemovalTime(instance));
      }
      return instance;
    }

    /**
     * The removal time the instance's row holds now. Read past the command's entity cache when the event is not the
     * cached row: a row put into the cache here would be taken for this event by the history handler, which would then
     * not write the end.
     */
    private static Date storedRemovalTime(HistoricProcessInstanceEventEntity instance) {
      CommandContext command = Context.getCommandContext();
      HistoricProcessInstanceEventEntity cached = command.getDbEntityManager()
          .getCachedEntity(HistoricProcessInstanceEventEntity.class, instance.getId());
      if (cached != null) {
        return cached.getRemovalTime();
      }
      HistoricProcessInstanceEventEntity stored = command.getDbSqlSession()
          .selectById(HistoricProcessInstanceEventEntity.class, instance.getId());
      return stored == null ? null : stored.getRemovalTime();
    }
  }
}
