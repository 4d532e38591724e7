package io.rootfix.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DatabaseMetaData;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import io.rootfix.web.ConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * An online backup of the embedded H2 database: H2's {@code BACKUP TO}, a consistent copy taken while the
 * application keeps working, as one zip file per backup in {@code rootfix.backup.directory}, the newest
 * {@code rootfix.backup.keep} kept. PostgreSQL is backed up with its own tools (pg_dump, pg_basebackup), not
 * from inside the application.
 */
@Service
@EnableConfigurationProperties(BackupSettings.class)
public class DatabaseBackup {

  private static final Logger log = LoggerFactory.getLogger(DatabaseBackup.class);
  static final String PREFIX = "rootfix-";
  static final String SUFFIX = ".zip";
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

  private final JdbcTemplate jdbc;
  private final BackupSettings settings;
  private final Clock clock;

  @Autowired
  DatabaseBackup(JdbcTemplate jdbc, BackupSettings settings) {
    this(jdbc, settings, Clock.systemUTC());
  }

  DatabaseBackup(JdbcTemplate jdbc, BackupSettings settings, Clock clock) {
    this.jdbc = jdbc;
    this.settings = settings;
    this.clock = clock;
  }

  /** What a backup wrote: the file, its size, when, and the older files it removed. */
  public record Backup(Path file, long bytes, Instant takenAt, List<Path> removed) {
  }

  /** Thrown when the database is not the embedded H2 one (a 409): its own tools back it up. */
  public static class NotEmbeddedException extends ConflictException {
    NotEmbeddedException(String product) {
      super("The database is " + product + ", not the embedded H2: back it up with its own tools (for PostgreSQL "
          + "pg_dump or pg_basebackup, docs/operators.md \"Crash safety and backups\")");
    }
  }

  /** Takes a backup now; one at a time on this node (H2 would refuse a second into the same file anyway). */
  public synchronized Backup create() {
    String product = jdbc.execute((ConnectionCallback<String>) connection -> {
      DatabaseMetaData meta = connection.getMetaData();
      return meta.getDatabaseProductName();
    });
    if (!"H2".equals(product)) {
      throw new NotEmbeddedException(product);
    }
    Instant now = clock.instant();
    Path directory = settings.directory().toAbsolutePath().normalize();
    Path file = directory.resolve(PREFIX + STAMP.format(now) + SUFFIX);
    try {
      Files.createDirectories(directory);
      // H2 writes the zip under a temporary name first, so a backup cut short never looks complete.
      Path partial = directory.resolve(file.getFileName() + ".part");
      jdbc.execute("BACKUP TO '" + partial.toString().replace("'", "''") + "'");
      Files.move(partial, file);
      List<Path> removed = removeOld(directory);
      long bytes = Files.size(file);
      log.info("Database backup {} ({} bytes); removed {}", file, bytes, removed);
      return new Backup(file, bytes, now, removed);
    } catch (IOException e) {
      throw new UncheckedIOException("backup to " + file + " failed", e);
    }
  }

  /** The backups in the directory, newest first. */
  public List<Path> list() {
    Path directory = settings.directory().toAbsolutePath().normalize();
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(DatabaseBackup::isBackup)
          .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed())
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<Path> removeOld(Path directory) throws IOException {
    List<Path> old = list().stream().skip(settings.keep()).toList();
    for (Path file : old) {
      Files.deleteIfExists(file);
    }
    return old;
  }

  private static boolean isBackup(Path file) {
    String name = file.getFileName().toString();
    return name.startsWith(PREFIX) && name.endsWith(SUFFIX);
  }
}
