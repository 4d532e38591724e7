package io.rootfix;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Indexes on the engine's own tables that its schema lacks and that Rootfix's load needs (BENCHMARKS.md), and
 * the one data fix a job executor setting needs. Both run once the engine has created its tables, idempotently
 * ({@code if not exists}, which H2 and PostgreSQL both know): a Flyway migration cannot rely on the engine's
 * tables existing yet.
 */
@Component
class EngineIndexes extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(EngineIndexes.class);

  private static final Set<String> DATABASES = Set.of("h2", "postgres");

  static final List<String> STATEMENTS = List.of(
      // Completing any task looks for its subtasks by parent: without this, a scan of every open task.
      "create index if not exists rf_idx_task_parent on ACT_RU_TASK (PARENT_TASK_ID_)",
      // The job executor asks for the due jobs, oldest first (ensureJobDueDateNotNull, jobExecutorAcquireByDueDate
      // in application.yaml): without this, every acquisition reads every job, timers months ahead included.
      "create index if not exists rf_idx_job_duedate on ACT_RU_JOB (DUEDATE_)",
      // ...and skips jobs whose process instance has an exclusive job locked right now. PostgreSQL answers that
      // "not exists" by hashing the locked jobs, which without this meant reading the whole job table at every
      // acquisition (19 ms at 116,000 jobs, most of them daily timers): 0.3 ms with it.
      "create index if not exists rf_idx_job_lock_owner on ACT_RU_JOB (LOCK_OWNER_)",
      // An execution's own variables (EXECUTION_ID_ = ? and TASK_ID_ is null), read at every task completion:
      // H2 took the TASK_ID_ index for "is null" and read every process variable (300,000 rows at 11,000 open
      // complaints, seconds per completion). PostgreSQL has ACT_IDX_VAR_EXE; this serves both.
      "create index if not exists rf_idx_var_execution on ACT_RU_VARIABLE (EXECUTION_ID_, TASK_ID_)",
      // Every Tasklist filter of Rootfix sorts by due date, then creation (TasklistFilters), and Tasklist asks for the
      // first page of it: with this the database walks the open tasks in that order and stops at the page's last
      // one (PostgreSQL 2-4 ms at 100,000 open tasks; H2 under 1 ms once the engine's tenant check is off,
      // application.yaml), instead of joining and sorting every task offered to the person (50-300 ms,
      // BENCHMARKS.md).
      "create index if not exists rf_idx_task_due on ACT_RU_TASK (DUE_DATE_, CREATE_TIME_)",
      // Jobs created before every job got a due date have none, and the job executor would no longer take
      // them: they were due at once, so they are due now.
      "update ACT_RU_JOB set DUEDATE_ = current_timestamp where DUEDATE_ is null");

  static final List<String> POSTGRES_STATEMENTS = List.of(
      // A complaint's audit trail finds its promise watches and messages by business key prefix ("RF-…/%").
      // PostgreSQL uses a plain index for "like 'prefix%'" only in the C collation; with any other it read all
      // historic process instances (20 ms at 133,000). H2 uses the engine's own index.
      "create index if not exists rf_idx_hi_procinst_bkey_prefix on ACT_HI_PROCINST (BUSINESS_KEY_ varchar_pattern_ops)");

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    if (!DATABASES.contains(configuration.getDatabaseType())) {
      LOG.warn("No extra engine indexes for database type {}", configuration.getDatabaseType());
      return;
    }
    List<String> statements = new ArrayList<>(STATEMENTS);
    if ("postgres".equals(configuration.getDatabaseType())) {
      statements.addAll(POSTGRES_STATEMENTS);
    }
    try (Connection connection = configuration.getDataSource().getConnection();
        Statement jdbc = connection.createStatement()) {
      connection.setAutoCommit(true);
      for (String statement : statements) {
        try {
          jdbc.execute(statement);
        } catch (SQLException e) {
          // PostgreSQL lets only a table's owner index it, also when the index exists: where a DBA owns the
          // engine's tables, Rootfix runs without the index (slower at size) rather than not at all.
          LOG.warn("Could not run '{}' ({}): have the owner of the engine's tables run it", statement, e.getMessage());
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("No connection for the engine's extra indexes", e);
    }
  }
}
