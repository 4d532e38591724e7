package io.rootfix.h2file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.util.unit.DataSize;

/**
 * The H2 file stays bounded under the engine's kind of writes: many small commits, each adding a little that stays
 * (history) and replacing what it wrote a moment ago (runtime rows). Two files take the same writes with
 * application.yaml's settings ({@code WRITE_DELAY=0}); one is compacted in passes, as the scheduled job does.
 */
class H2FileCompactionTest {

  private static final H2FileSettings SETTINGS = new H2FileSettings(true, Duration.ofSeconds(5), 60, DataSize.ofMegabytes(4));
  private static final int COMMITS = 6_000;

  @TempDir
  Path folder;

  @Test
  void compactionKeepsTheFileNearItsLiveDataAndLosesNothing() {
    Churn control = churn(folder.resolve("control"), false);
    Churn compacted = churn(folder.resolve("compacted"), true);

    // Without compaction nearly every chunk keeps a few live pages, so none is freed: the file grows with every
    // commit. This is what the embedded default did since WRITE_DELAY=0 (BENCHMARKS.md "The H2 file").
    assertThat(control.last.chunksFillRate()).as("live share of the uncompacted file's chunks").isLessThan(40);
    assertThat(compacted.passesThatRewrote).isPositive();
    assertThat(compacted.last.chunksFillRate()).as("live share of the compacted file's chunks").isGreaterThanOrEqualTo(50);
    // Measured: 0.5 against 5.0 MB (6 % of the uncompacted file's chunks live, 68 % of the compacted one's).
    assertThat(compacted.last.fileBytes()).as("compacted file against the uncompacted one")
        .isLessThan(control.last.fileBytes() * 6 / 10);
    assertThat(compacted.last.usedBytes()).as("space the compacted file's chunks take against the uncompacted one")
        .isLessThan(control.last.usedBytes() * 4 / 10);
    // The same rows in both, read back after the stores were closed and opened again.
    assertThat(compacted.rowsAfterReopen).isEqualTo(control.rowsAfterReopen).isEqualTo(COMMITS + 20L);
  }

  @Test
  void anythingButAnH2FileIsLeftAlone() {
    JdbcDataSource memory = new JdbcDataSource();
    memory.setURL("jdbc:h2:mem:compaction-" + System.nanoTime());
    H2FileCompaction compaction = new H2FileCompaction(memory, SETTINGS);
    assertThat(compaction.state()).isEmpty();
    assertThat(compaction.compact()).isEmpty();
    compaction.scheduled();
    assertThat(compaction.passes()).isZero();
  }

  @Test
  void passesAreScheduledEveryIntervalTheSettingsName() {
    H2FileCompaction compaction = new H2FileCompaction(new JdbcDataSource(), SETTINGS);
    ScheduledTaskRegistrar registrar = new ScheduledTaskRegistrar();
    compaction.configureTasks(registrar);
    assertThat(registrar.getFixedDelayTaskList()).singleElement().satisfies(task -> {
      assertThat(task.getIntervalDuration()).isEqualTo(SETTINGS.interval());
      assertThat(task.getInitialDelayDuration()).isEqualTo(SETTINGS.interval());
    });
  }

  @Test
  void settingsOutsideTheirRangeAreRefusedByName() {
    assertThatThrownBy(() -> new H2FileSettings(true, Duration.ofSeconds(5), 100, DataSize.ofMegabytes(4)))
        .hasMessageContaining("rootfix.h2.compaction.target-fill-rate");
    assertThatThrownBy(() -> new H2FileSettings(true, Duration.ZERO, 60, DataSize.ofMegabytes(4)))
        .hasMessageContaining("rootfix.h2.compaction.interval");
    assertThatThrownBy(() -> new H2FileSettings(true, Duration.ofSeconds(5), 60, DataSize.ofBytes(100)))
        .hasMessageContaining("rootfix.h2.compaction.write-limit");
  }

  private record Churn(H2FileCompaction.FileState last, long passesThatRewrote, long rowsAfterReopen) {
  }

  private static Churn churn(Path dir, boolean compact) {
    // application.yaml's settings, except RETENTION_TIME=0: H2 rewrites and frees only chunks older than its
    // retention time (45 s), which a test of seconds would never reach.
    String url = "jdbc:h2:file:" + dir.resolve("db") + ";WRITE_DELAY=0;CACHE_SIZE=65536;COMPRESS=TRUE;RETENTION_TIME=0";
    SingleConnectionDataSource dataSource = new SingleConnectionDataSource(url, "sa", "", true);
    H2FileCompaction compaction = new H2FileCompaction(dataSource, SETTINGS);
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    jdbc.execute("create table history(id bigint auto_increment primary key, text varchar(600))");
    jdbc.execute("create table runtime(id bigint primary key, text varchar(600))");
    String text = "x".repeat(400);
    for (int i = 1; i <= COMMITS; i++) {
      // Each statement commits on its own (auto-commit), as the engine's many small transactions do.
      jdbc.update("insert into history(text) values (?)", text + i);
      jdbc.update("insert into runtime(id, text) values (?, ?)", i, text);
      if (i > 20) {
        jdbc.update("delete from runtime where id = ?", i - 20);
      }
      if (compact && i % 100 == 0) {
        compaction.compact();
      }
    }
    H2FileCompaction.FileState last = compaction.state().orElseThrow();
    dataSource.destroy();
    SingleConnectionDataSource reopened = new SingleConnectionDataSource(url, "sa", "", true);
    long rows = new JdbcTemplate(reopened).queryForObject(
        "select (select count(*) from history) + (select count(*) from runtime)", Long.class);
    reopened.destroy();
    return new Churn(last, compaction.rewrites(), rows);
  }
}
