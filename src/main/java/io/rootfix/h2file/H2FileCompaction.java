package io.rootfix.h2file;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Compacts the embedded H2 file while Rootfix runs. H2 writes every commit as a new chunk at the end of the file and
 * frees a chunk only when none of its pages is live any more; the engine's many small commits leave most chunks with
 * a few live pages (a history row here, an index page there), so without compaction the file grows by megabytes per
 * complaint and never stops (BENCHMARKS.md "The H2 file"). H2 rewrites such chunks in its background writer, but
 * {@code WRITE_DELAY=0}, which makes every acknowledged commit survive a crash, turns that thread off. This does
 * the rewrite part of its housekeeping in small passes: live pages of the sparsest old chunks are written anew, the
 * emptied chunks are freed by H2 after its retention time (45 s, unchanged) and their space is reused. It never
 * moves chunks inside the file (the part of H2's compaction its "Chunk … not found" reports point at), so the file
 * does not shrink while running; H2 shrinks it on a clean shutdown.
 */
@Component
@EnableScheduling
@EnableConfigurationProperties(H2FileSettings.class)
@ConditionalOnProperty(prefix = "rootfix.h2.compaction", name = "enabled", havingValue = "true", matchIfMissing = true)
public class H2FileCompaction implements SchedulingConfigurer {

  private static final Logger log = LoggerFactory.getLogger(H2FileCompaction.class);

  /** Rewrites of up to the write limit each, per pass: a busy file gets several, one after the other. */
  private static final int REWRITES_PER_PASS = 4;
  private static final int ATTEMPTS_PER_PASS = 8;

  private final DataSource dataSource;
  private final H2FileSettings settings;
  private final AtomicLong passes = new AtomicLong();
  private final AtomicLong rewrites = new AtomicLong();
  /** Set once the database turns out not to be an H2 file (PostgreSQL, in-memory): nothing to do, ever. */
  private volatile boolean notAnH2File;

  public H2FileCompaction(DataSource dataSource, H2FileSettings settings) {
    this.dataSource = dataSource;
    this.settings = settings;
  }

  /** What the file looks like now: its size and how much of its chunks is live data. */
  public record FileState(long fileBytes, int fileFillRate, int chunksFillRate) {
    /** The part of the file its chunks take; the rest is free space H2 writes its next chunks into. */
    public long usedBytes() {
      return fileBytes * fileFillRate / 100;
    }
  }

  /** What one pass saw and did. */
  public record Pass(FileState before, int rewrites, long millis) {
  }

  /** Scheduled from the settings, so their default and their validation are the ones the scheduler uses. */
  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    registrar.addFixedDelayTask(new FixedDelayTask(this::scheduled, settings.interval(), settings.interval()));
  }

  void scheduled() {
    try {
      compact().ifPresent(pass -> {
        if (pass.millis() > 1000) {
          // Commits wait for each rewrite of a pass: a pass this long is worth an operator's look (a smaller write-limit).
          log.warn("Compacting the H2 file took {} ms (rootfix.h2.compaction.write-limit={})", pass.millis(),
              settings.writeLimit());
        }
      });
    } catch (RuntimeException e) {
      // E.g. no connection at this moment: the next pass tries again.
      log.warn("Compacting the H2 file failed: {}", e.toString());
    }
  }

  /**
   * One pass: while the live share of the file's chunks is below the target, rewrites up to the write limit of live
   * data from the sparsest old chunks, a few times. H2 gives up a rewrite when its store lock stays taken for 10 ms
   * (commits hold it), so a busy moment is tried again a few times rather than waiting for the next pass. Empty
   * when the database is not an H2 file.
   */
  public Optional<Pass> compact() {
    return withStore(store -> {
      FileState before = state(store);
      long started = System.nanoTime();
      int rewrote = 0;
      int attempts = 0;
      while (attempts < ATTEMPTS_PER_PASS && rewrote < REWRITES_PER_PASS
          && store.getFileStore().getChunksFillRate() < settings.targetFillRate()) {
        attempts++;
        if (store.compact(settings.targetFillRate(), (int) settings.writeLimit().toBytes())) {
          rewrote++;
        }
      }
      long millis = (System.nanoTime() - started) / 1_000_000;
      passes.incrementAndGet();
      rewrites.addAndGet(rewrote);
      if (attempts > 0) {
        log.debug("Compacted the H2 file: {} of {} rewrites in {} ms, before {}", rewrote, attempts, millis, before);
      }
      return new Pass(before, rewrote, millis);
    });
  }

  /** The file's state now; empty when the database is not an H2 file. */
  public Optional<FileState> state() {
    return withStore(H2FileCompaction::state);
  }

  /** Passes run, and rewrites done (up to the write limit of live data each), since start. */
  public long passes() {
    return passes.get();
  }

  public long rewrites() {
    return rewrites.get();
  }

  private static FileState state(MVStore store) {
    FileStore<?> file = store.getFileStore();
    return new FileState(file.size(), file.getFillRate(), file.getChunksFillRate());
  }

  private <T> Optional<T> withStore(Function<MVStore, T> work) {
    if (notAnH2File) {
      return Optional.empty();
    }
    try (Connection connection = dataSource.getConnection()) {
      MVStore store = fileStore(connection);
      if (store == null) {
        notAnH2File = true;
        log.debug("The database is not an H2 file: no compaction");
        return Optional.empty();
      }
      return Optional.of(work.apply(store));
    } catch (SQLException e) {
      throw new IllegalStateException("no connection to compact the H2 file", e);
    }
  }

  /** The MVStore behind an embedded H2 file connection; null for anything else (PostgreSQL, in-memory, a server). */
  private static MVStore fileStore(Connection connection) throws SQLException {
    if (!connection.isWrapperFor(JdbcConnection.class)
        || !(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
      return null;
    }
    var database = session.getDatabase();
    if (!database.isPersistent() || database.getStore() == null) {
      return null;
    }
    MVStore store = database.getStore().getMvStore();
    return store.getFileStore() == null ? null : store;
  }
}
