package io.rootfix.audit;

import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.DefaultHistoryRemovalTimeProvider;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The history of an instance that is still running is never due for removal. Its removal time is fixed when it starts
 * ({@link RemovalTimeAtStart}); one that runs longer than its time to live and margin (a root cause that takes a year
 * to fix under a short time to live) would otherwise be removed by the history cleanup while it runs. Every hour, each
 * running root instance whose removal time is less than {@link #HORIZON_DAYS} days ahead gets now + time to live +
 * margin, on all its history rows; when it ends, its removal time is set from its end as usual.
 */
@Component
class RunningHistoryKept {

  private static final Logger LOG = LoggerFactory.getLogger(RunningHistoryKept.class);

  /** Wide enough that a node that was down for days still moves them before the next cleanup window. */
  static final int HORIZON_DAYS = 7;
  private static final int PAGE = 200;

  private final HistoryService history;
  private final ManagementService management;
  private final ProcessEngineConfigurationImpl engine;
  private final HistoryRetention retention;

  RunningHistoryKept(HistoryService history, ManagementService management, ProcessEngineConfigurationImpl engine,
      HistoryRetention retention) {
    this.history = history;
    this.management = management;
    this.engine = engine;
    this.retention = retention;
  }

  @Scheduled(fixedDelayString = "${rootfix.history.running-sweep:PT1H}", initialDelayString = "PT1M")
  void sweep() {
    try {
      int moved = keepAhead();
      if (moved > 0) {
        LOG.info("Moved the history removal time of {} running instances ahead (still running {} days before it)",
            moved, HORIZON_DAYS);
      }
    } catch (RuntimeException e) {
      // The next sweep tries again, days before any of them is due.
      LOG.warn("Could not keep the history of running instances ahead of its removal time: {}", e.getMessage());
    }
  }

  /** Returns how many running root instances it moved. */
  int keepAhead() {
    Date now = ClockUtil.getCurrentTime();
    Date horizon = DefaultHistoryRemovalTimeProvider.determineRemovalTime(now, HORIZON_DAYS);
    // Beyond the horizon whatever the time to live, or the same instances would be found again.
    Date removalTime = DefaultHistoryRemovalTimeProvider.determineRemovalTime(now,
        Math.max(retention.days() + retention.marginDays(), HORIZON_DAYS + 1));
    String table = management.getTableName(HistoricProcessInstance.class);
    int moved = 0;
    List<HistoricProcessInstance> due;
    do {
      due = history.createNativeHistoricProcessInstanceQuery()
          .sql("select * from " + table + " where END_TIME_ is null and ID_ = ROOT_PROC_INST_ID_"
              + " and REMOVAL_TIME_ < #{horizon}")
          .parameter("horizon", horizon)
          .listPage(0, PAGE);
      for (HistoricProcessInstance root : due) {
        engine.getCommandExecutorTxRequired().execute(command -> {
          RemovalTimeAtStart.moveRemovalTime(command, root.getId(), removalTime);
          return null;
        });
        moved++;
      }
    } while (due.size() == PAGE);
    return moved;
  }
}
