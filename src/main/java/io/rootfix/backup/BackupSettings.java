package io.rootfix.backup;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code rootfix.backup.*}: online backups of the embedded H2 database (docs/operators.md "Crash safety and backups").
 *
 * @param directory where the backup files go (relative to the working directory, like {@code ./data})
 * @param schedule whether backups are taken on the {@code cron} schedule; off by default, an operator's choice
 * @param cron when, as a Spring cron expression (second minute hour day month weekday), in the server's time zone
 * @param keep how many backup files are kept; older ones are removed after each new backup
 */
@ConfigurationProperties("rootfix.backup")
public record BackupSettings(
    @DefaultValue("./backups") Path directory,
    @DefaultValue("false") boolean schedule,
    @DefaultValue("0 30 2 * * *") String cron,
    @DefaultValue("7") int keep) {

  public BackupSettings {
    if (keep < 1) {
      throw new IllegalArgumentException("rootfix.backup.keep must be at least 1, not " + keep);
    }
  }
}
