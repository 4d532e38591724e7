package io.rootfix.backup;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Takes a backup on {@code rootfix.backup.cron}, only when {@code rootfix.backup.schedule} is on. In a cluster
 * (PostgreSQL) there is nothing to schedule here: the database's own tools do it.
 */
@Configuration
@EnableScheduling
@ConditionalOnProperty(prefix = "rootfix.backup", name = "schedule", havingValue = "true")
class BackupSchedule {

  private static final Logger log = LoggerFactory.getLogger(BackupSchedule.class);

  private final DatabaseBackup backup;

  BackupSchedule(DatabaseBackup backup) {
    this.backup = backup;
  }

  @Scheduled(cron = "${rootfix.backup.cron:0 30 2 * * *}")
  void backUp() {
    try {
      backup.create();
    } catch (RuntimeException e) {
      // The next scheduled run tries again; the operator sees it in the log.
      log.error("Scheduled database backup failed", e);
    }
  }
}
