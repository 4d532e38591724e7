package io.rootfix.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The online backup of the embedded database and its restore, as docs/operators.md "Crash safety and backups" tells an
 * operator: the backup is taken while the database is open and in use, and H2's Restore tool puts it into a
 * fresh folder that opens with exactly what was committed when the backup was taken.
 */
class DatabaseBackupTest {

  @TempDir
  Path work;

  @Test
  void aBackupTakenWhileTheDatabaseIsInUseRestoresIntoAFreshFolderWithWhatWasCommitted() throws Exception {
    SingleConnectionDataSource live = h2(work.resolve("data"));
    JdbcTemplate jdbc = new JdbcTemplate(live);
    jdbc.execute("create table complaint (tracking_number varchar(20) primary key)");
    jdbc.update("insert into complaint values ('RF-2026-000001')");
    DatabaseBackup backup = new DatabaseBackup(jdbc, settings(7), Clock.systemUTC());

    DatabaseBackup.Backup taken = backup.create();
    jdbc.update("insert into complaint values ('RF-2026-000002')");
    live.destroy();

    assertThat(taken.file()).exists().hasParent(work.resolve("backups"));
    assertThat(taken.file().getFileName().toString()).matches("rootfix-\\d{8}-\\d{6}-\\d{3}\\.zip");
    assertThat(taken.bytes()).isEqualTo(Files.size(taken.file())).isPositive();
    assertThat(backup.list()).containsExactly(taken.file());

    // The restore as docs/operators.md has it: H2's Restore tool into a fresh folder (the jar carries H2).
    Path fresh = work.resolve("restored/data");
    org.h2.tools.Restore.main("-file", taken.file().toString(), "-dir", fresh.toString(), "-db", "rootfix");
    SingleConnectionDataSource restored = h2(fresh);
    try {
      assertThat(new JdbcTemplate(restored).queryForList("select tracking_number from complaint", String.class))
          .containsExactly("RF-2026-000001");
    } finally {
      restored.destroy();
    }
  }

  @Test
  void onlyTheNewestBackupsAreKept() throws Exception {
    SingleConnectionDataSource live = h2(work.resolve("data"));
    try {
      JdbcTemplate jdbc = new JdbcTemplate(live);
      jdbc.execute("create table complaint (tracking_number varchar(20) primary key)");
      Instant start = Instant.parse("2026-12-03T02:30:00Z");
      DatabaseBackup.Backup first = new DatabaseBackup(jdbc, settings(2), Clock.fixed(start, ZoneOffset.UTC)).create();
      DatabaseBackup.Backup second = new DatabaseBackup(jdbc, settings(2),
          Clock.fixed(start.plus(Duration.ofDays(1)), ZoneOffset.UTC)).create();
      DatabaseBackup third = new DatabaseBackup(jdbc, settings(2), Clock.fixed(start.plus(Duration.ofDays(2)), ZoneOffset.UTC));

      DatabaseBackup.Backup taken = third.create();

      assertThat(taken.removed()).containsExactly(first.file());
      assertThat(first.file()).doesNotExist();
      assertThat(third.list()).containsExactly(taken.file(), second.file());
      try (var files = Files.list(work.resolve("backups"))) {
        assertThat(files.map(f -> f.getFileName().toString()).toList()).as("no partial file left")
            .hasSize(2).allMatch(name -> name.endsWith(".zip"));
      }
    } finally {
      live.destroy();
    }
  }

  private BackupSettings settings(int keep) {
    return new BackupSettings(work.resolve("backups"), false, "0 30 2 * * *", keep);
  }

  private static SingleConnectionDataSource h2(Path folder) {
    return new SingleConnectionDataSource("jdbc:h2:file:" + folder.resolve("rootfix"), "sa", "", true);
  }
}
