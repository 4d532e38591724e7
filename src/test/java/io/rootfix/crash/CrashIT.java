package io.rootfix.crash;

import io.rootfix.support.BusinessDay;
import static io.rootfix.complaint.ComplaintProcess.Element.AGREE_EXPECTATION;
import static io.rootfix.support.PackagedApplication.freePort;
import static io.rootfix.support.PackagedApplication.jar;
import static io.rootfix.support.PackagedApplication.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rootfix.complaint.ComplaintProcess.Var;
import io.rootfix.support.EmbeddedDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Nothing acknowledged is lost, proven by killing: the packaged application (the jar {@code mvn verify} just
 * built, a JVM of its own) on a fresh data folder or database, loaded by intake clients and agents agreeing
 * expectations from several threads, is killed with SIGKILL at a random moment, then started again on the same
 * folder. After every round: it starts, every intake answered 201 is there, every completion answered 204 is
 * there, no complaint has its remedy twice, and the auditors' completeness check is clean.
 *
 * <p>Rounds and load are small in the suite; {@code -Dcrash.rounds=20} (the benchmark profile's default) runs
 * the long version (BENCHMARKS.md). {@code -Dcrash.args="--spring.datasource.url=…"} tries another setting, e.g.
 * the H2 URL before issue 19, to see it fail. A round that finds a loss or a database that does not start is
 * counted and the run goes on (on a new folder if the old one cannot start), so the summary shows every figure;
 * the test fails at the end if any figure is not zero.
 */
class CrashIT {

  private static final int H2_ROUNDS = Integer.getInteger("crash.rounds.h2", Integer.getInteger("crash.rounds", 5));
  private static final int POSTGRES_ROUNDS =
      Integer.getInteger("crash.rounds.postgres", Integer.getInteger("crash.rounds", 3));
  /** The longest a round's load runs before the kill; the kill comes at a random moment within it. */
  private static final Duration LOAD = Duration.ofMillis(Long.getLong("crash.load.millis", 4000));
  private static final String EXTRA_ARGS = System.getProperty("crash.args", "");
  private static final int INTAKE_CLIENTS = 3;
  private static final int AGENTS = 2;
  private static final Duration START_UP = Duration.ofSeconds(300);
  private static final String AGENT = "sam";
  private static final String ADMIN = "demo";
  private static final String AUDITOR = "ada";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long SEED = Long.getLong("crash.seed", System.nanoTime());
  /** When to kill and what the customers want: from the seed, so a failing run can be repeated. */
  private static final Random RANDOM = new Random(SEED);

  /**
   * The H2 file's compaction (io.rootfix.h2file) runs every half second instead of every 5, so kills also land
   * while it rewrites chunks; its passes are logged, and counted by the test.
   */
  private static final List<String> H2_COMPACTING = List.of("--rootfix.h2.compaction.interval=PT0.5S",
      "--logging.level.io.rootfix.h2file=DEBUG");

  @Test
  void theEmbeddedDefaultKeepsEveryAcknowledgedWriteAcrossKills() throws Exception {
    Tally tally = new Tally("h2", H2_ROUNDS);
    Path folder = freshFolder("h2-" + tally.folders.incrementAndGet());
    Node node = Node.start(folder, H2_COMPACTING);
    node.awaitReady(tally);
    for (int round = 1; round <= H2_ROUNDS; round++) {
      Load load = node.loadAndKill(round, tally);
      node = Node.start(folder, H2_COMPACTING);
      if (!node.awaitReady(tally)) {
        // Counted as a corrupt start; the remaining rounds go on in a new folder.
        folder = freshFolder("h2-" + tally.folders.incrementAndGet());
        node = Node.start(folder, H2_COMPACTING);
        node.awaitReady(tally);
        continue;
      }
      node.checkOverHttp(load, tally);
      tally.acknowledged(load);
    }
    // An operator's online backup while it runs, before the clean stop.
    Path backup = node.backUp();
    node.stop();
    // Once stopped, the H2 file can be opened here: the whole ledger, every round at once.
    try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + folder.resolve("data/rootfix"), "sa", "")) {
      checkInTheDatabase(connection, tally.all(), tally, "after the last round");
    }
    tally.report();
    assertThat(tally.compactions).as("compaction passes that rewrote chunks while the H2 rounds ran").isPositive();

    // The restore as docs/operators.md "Crash safety and backups" has it, into a fresh folder: it starts with every
    // acknowledged write of the rounds (the backup was taken after them).
    Path restored = freshFolder("h2-restored");
    restore(backup, restored.resolve("data"));
    Tally afterRestore = new Tally("h2 restored from " + backup.getFileName(), 0);
    node = Node.start(restored, List.of());
    assertThat(node.awaitReady(afterRestore)).as("the restored database starts").isTrue();
    Load all = tally.all();
    all.killedAt = System.nanoTime();
    node.checkOverHttp(all, afterRestore);
    node.stop();
    assertThat(afterRestore.lost).as("acknowledged before the backup, missing after the restore").isEmpty();
    assertThat(afterRestore.duplicates).isEmpty();
    assertThat(afterRestore.incomplete).isEmpty();
    assertThat(afterRestore.corruptStarts).isEmpty();
  }

  /** The restore command of docs/operators.md: H2's Restore tool, run from the application's own jar. */
  private static void restore(Path backup, Path dataFolder) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    Process restore = new ProcessBuilder(java, "-cp", jar().toString(), "-Dloader.main=org.h2.tools.Restore",
        "org.springframework.boot.loader.launch.PropertiesLauncher", "-file", backup.toString(),
        "-dir", dataFolder.toString(), "-db", "rootfix")
        .redirectErrorStream(true).redirectOutput(dataFolder.getParent().resolve("restore.log").toFile()).start();
    assertThat(restore.waitFor()).as("the restore's exit code").isZero();
    assertThat(dataFolder.resolve("rootfix.mv.db")).exists();
  }

  @Test
  void postgresqlKeepsEveryAcknowledgedWriteAcrossKills() throws Exception {
    Tally tally = new Tally("postgres", POSTGRES_ROUNDS);
    String url = EmbeddedDatabase.createDatabase("rootfix_crash");
    List<String> database = List.of("--spring.profiles.active=postgres", "--spring.datasource.url=" + url,
        "--spring.datasource.username=" + EmbeddedDatabase.USER, "--spring.datasource.password=" + EmbeddedDatabase.PASSWORD);
    Path folder = freshFolder("postgres");
    Node node = Node.start(folder, database);
    assertThat(node.awaitReady(tally)).as("the first start").isTrue();
    for (int round = 1; round <= POSTGRES_ROUNDS; round++) {
      Load load = node.loadAndKill(round, tally);
      node = Node.start(folder, database);
      assertThat(node.awaitReady(tally)).as("start after round " + round).isTrue();
      node.checkOverHttp(load, tally);
      tally.acknowledged(load);
      try (Connection connection = DriverManager.getConnection(url, EmbeddedDatabase.USER, EmbeddedDatabase.PASSWORD)) {
        checkInTheDatabase(connection, tally.all(), tally, "after round " + round);
      }
    }
    node.stop();
    tally.report();
  }

  /**
   * What the database itself must show: every acknowledged intake a complaint, every acknowledged agreement
   * its date, one remedy per complaint, one payout or shipment per remedy.
   */
  private static void checkInTheDatabase(Connection connection, Load all, Tally tally, String when) throws SQLException {
    Map<String, String> agreed = new LinkedHashMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("select tracking_number, agreed_answer_date from complaint")) {
      while (rows.next()) {
        agreed.put(rows.getString(1), rows.getString(2));
      }
    }
    all.intakes.forEach(ack -> {
      if (!agreed.containsKey(ack.trackingNumber())) {
        tally.lost.putIfAbsent("intake " + ack.trackingNumber(), "not in the database " + when);
      }
    });
    all.agreements.forEach(ack -> {
      if (agreed.get(ack.trackingNumber()) == null) {
        tally.lost.putIfAbsent("agreement of " + ack.trackingNumber(), "its date is not in the database " + when);
      }
    });
    tally.duplicates(strings(connection, """
        select c.tracking_number || ' has ' || count(*) || ' remedies' from remedy r join complaint c on c.id = r.complaint_id
        group by c.tracking_number having count(*) > 1
        union all
        select 'payout ' || idempotency_key || ' x' || count(*) from payout group by idempotency_key having count(*) > 1
        union all
        select 'shipment ' || idempotency_key || ' x' || count(*) from shipment_order group by idempotency_key having count(*) > 1
        union all
        select 'payout ' || p.idempotency_key || ' without its remedy' from payout p
        where not exists (select 1 from remedy r where r.idempotency_key = p.idempotency_key)
        union all
        select 'shipment ' || o.idempotency_key || ' without its remedy' from shipment_order o
        where not exists (select 1 from remedy r where r.idempotency_key = o.idempotency_key)"""));
  }

  private static List<String> strings(Connection connection, String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    }
    return values;
  }

  private static Path freshFolder(String name) throws IOException {
    Path folder = Paths.get("target", "crash", name).toAbsolutePath();
    if (Files.exists(folder)) {
      try (Stream<Path> files = Files.walk(folder)) {
        files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
      }
    }
    return Files.createDirectories(folder);
  }

  /** An acknowledgement: the tracking number and when the 201 or 204 arrived (System.nanoTime). */
  record Ack(String trackingNumber, long at) {
  }

  /** What one round's clients were told: only answers that arrived in full count. */
  static final class Load {
    final List<Ack> intakes = new ArrayList<>();
    final List<Ack> agreements = new ArrayList<>();
    long killedAt;

    void add(Load other) {
      intakes.addAll(other.intakes);
      agreements.addAll(other.agreements);
    }
  }

  /** The figures of one database's run. */
  static final class Tally {
    final String database;
    final int rounds;
    final AtomicInteger folders = new AtomicInteger();
    final Load all = new Load();
    /** What was acknowledged and is gone, by what it was ("intake RF-…"), found over HTTP or in the database. */
    final Map<String, String> lost = new LinkedHashMap<>();
    final List<String> duplicates = new ArrayList<>();
    final List<String> corruptStarts = new ArrayList<>();
    final List<String> incomplete = new ArrayList<>();
    final List<Long> startSeconds = new ArrayList<>();
    /** Passes of the H2 file's compaction that rewrote chunks, counted in the killed nodes' logs. */
    int compactions;
    int roundsRun;

    Tally(String database, int rounds) {
      this.database = database;
      this.rounds = rounds;
      System.out.printf("%nCRASH TEST %s: %d rounds, load up to %d ms, seed %d%s%n", database, rounds, LOAD.toMillis(),
          SEED, EXTRA_ARGS.isBlank() ? "" : ", extra arguments " + EXTRA_ARGS);
    }

    Load all() {
      return all;
    }

    void acknowledged(Load load) {
      all.add(load);
    }

    void duplicates(List<String> what) {
      what.stream().filter(w -> !duplicates.contains(w)).forEach(duplicates::add);
    }

    void report() {
      String summary = "CRASH TEST %s: rounds %d, intakes acknowledged %d, agreements acknowledged %d, lost %d, corrupt starts %d, duplicates %d, completeness findings %d, start-up %s s, compaction passes %d"
          .formatted(database, roundsRun, all.intakes.size(), all.agreements.size(), lost.size(), corruptStarts.size(),
              duplicates.size(), incomplete.size(), startSeconds, compactions);
      System.out.println("\n" + summary);
      lost.forEach((what, how) -> System.out.println("  lost: " + what + ": " + how));
      corruptStarts.forEach(c -> System.out.println("  corrupt start: " + c));
      duplicates.forEach(d -> System.out.println("  duplicate: " + d));
      incomplete.forEach(i -> System.out.println("  completeness: " + i));
      System.out.println();
      assertThat(roundsRun).as("rounds run").isEqualTo(rounds);
      assertThat(all.intakes).as("intakes acknowledged").isNotEmpty();
      assertThat(all.agreements).as("agreements acknowledged").isNotEmpty();
      assertThat(lost).as(summary + ": acknowledged and lost").isEmpty();
      assertThat(corruptStarts).as(summary + ": starts that failed").isEmpty();
      assertThat(duplicates).as(summary + ": done twice").isEmpty();
      assertThat(incomplete).as(summary + ": completeness").isEmpty();
    }
  }

  /** One run of the packaged application, and what its clients do. */
  private static final class Node {
    private final Path folder;
    private final int port;
    private final Process process;
    private final Path log;
    private boolean errorsReported;
    /** Set just before the kill: from then on a cut connection is the kill, not a refusal. */
    private volatile boolean killing;

    private Node(Path folder, int port, Process process, Path log) {
      this.folder = folder;
      this.port = port;
      this.process = process;
      this.log = log;
    }

    /** The jar, started in the folder: the embedded default's ./data is the folder's. */
    static Node start(Path folder, List<String> database) throws IOException {
      int port = freePort();
      Path log = folder.resolve("node-" + System.currentTimeMillis() + ".log");
      String java = ProcessHandle.current().info().command().orElse("java");
      List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-XX:TieredStopAtLevel=1", "-jar",
          jar().toString(), "--server.port=" + port,
          // Every client of the test comes from one address.
          "--rootfix.security.rate-limit.enabled=false"));
      command.addAll(database);
      if (!EXTRA_ARGS.isBlank()) {
        command.addAll(List.of(EXTRA_ARGS.trim().split("\\s+")));
      }
      Process process = new ProcessBuilder(command).directory(folder.toFile())
          .redirectErrorStream(true).redirectOutput(log.toFile()).start();
      return new Node(folder, port, process, log);
    }


    /** True when the application answers; false (a corrupt start, counted) when it dies or never answers. */
    boolean awaitReady(Tally tally) throws InterruptedException {
      long started = System.nanoTime();
      long deadline = started + START_UP.toNanos();
      while (System.nanoTime() < deadline) {
        if (!process.isAlive()) {
          tally.corruptStarts.add(folder.getFileName() + ": died on start-up: " + errorsInLog());
          return false;
        }
        try {
          if (send(ADMIN, HttpRequest.newBuilder(uri("/engine-rest/version")).GET()).statusCode() == 200) {
            tally.startSeconds.add(Duration.ofNanos(System.nanoTime() - started).toSeconds());
            String errors = errorsInLog();
            if (!errors.isEmpty()) {
              // Started, but the database complained on the way (H2's "Chunk … not found" did so in issue 19).
              tally.corruptStarts.add(folder.getFileName() + ": started with errors: " + errors);
              errorsReported = true;
            }
            return true;
          }
        } catch (UncheckedIOException notYet) {
          // not listening yet
        }
        Thread.sleep(200);
      }
      process.destroyForcibly();
      tally.corruptStarts.add(folder.getFileName() + ": no answer within " + START_UP.toSeconds() + " s");
      return false;
    }

    private long linesInLog(String regex) {
      java.util.regex.Pattern pattern = java.util.regex.Pattern.compile(regex);
      try (Stream<String> lines = Files.lines(log)) {
        return lines.filter(line -> pattern.matcher(line).find()).count();
      } catch (IOException e) {
        return 0;
      }
    }

    private String errorsInLog() {
      try (Stream<String> lines = Files.lines(log)) {
        return lines.filter(line -> line.contains("MVStoreException") || line.contains("File corrupted")
                || line.contains("APPLICATION FAILED TO START"))
            .limit(3).collect(Collectors.joining(" | "));
      } catch (IOException e) {
        return "(no log: " + e + ")";
      }
    }

    /** Intake clients and agents from several threads, then SIGKILL at a random moment of the load. */
    Load loadAndKill(int round, Tally tally) throws Exception {
      Load load = new Load();
      BlockingQueue<String> toAgree = new LinkedBlockingQueue<>();
      ConcurrentLinkedQueue<Ack> intakes = new ConcurrentLinkedQueue<>();
      ConcurrentLinkedQueue<Ack> agreements = new ConcurrentLinkedQueue<>();
      AtomicBoolean dead = new AtomicBoolean();
      List<Thread> clients = new ArrayList<>();
      for (int c = 0; c < INTAKE_CLIENTS; c++) {
        int client = c;
        clients.add(started(() -> {
          for (int i = 0; !dead.get(); i++) {
            try {
              String trackingNumber = intake(round, client, i);
              if (trackingNumber != null) {
                intakes.add(new Ack(trackingNumber, System.nanoTime()));
                toAgree.add(trackingNumber);
              }
            } catch (RuntimeException e) {
              if (killing) {
                return;
              }
              refused("intake", e.toString());
            }
          }
        }));
      }
      for (int a = 0; a < AGENTS; a++) {
        clients.add(started(() -> {
          while (!dead.get()) {
            try {
              String trackingNumber = toAgree.poll(100, TimeUnit.MILLISECONDS);
              if (trackingNumber != null && agree(trackingNumber, RANDOM.nextBoolean() ? "refund" : "replacement")) {
                agreements.add(new Ack(trackingNumber, System.nanoTime()));
              }
            } catch (InterruptedException e) {
              return;
            } catch (RuntimeException e) {
              if (killing) {
                return;
              }
              refused("agreement", e.toString());
            }
          }
        }));
      }
      // The first intake and agreement after a start are slow (a cold JVM): the random moment counts from their
      // answers, so every round kills an application busy with both.
      long firstAnswer = System.nanoTime() + START_UP.toNanos();
      while ((intakes.isEmpty() || agreements.isEmpty()) && System.nanoTime() < firstAnswer) {
        Thread.sleep(20);
      }
      long loadMillis = LOAD.toMillis() / 4 + (long) (RANDOM.nextDouble() * LOAD.toMillis() * 3 / 4);
      Thread.sleep(loadMillis);
      killing = true;
      process.destroyForcibly();
      load.killedAt = System.nanoTime();
      process.waitFor();
      dead.set(true);
      for (Thread client : clients) {
        client.join(40_000);
      }
      load.intakes.addAll(intakes);
      load.agreements.addAll(agreements);
      tally.roundsRun++;
      tally.compactions += linesInLog("Compacted the H2 file: [1-9]");
      String errors = errorsInLog();
      if (!errors.isEmpty() && !errorsReported) {
        tally.corruptStarts.add(folder.getFileName() + ": database errors while running: " + errors);
      }
      System.out.printf("CRASH TEST %s round %d: killed %d ms after the first answers: %d intakes and %d agreements acknowledged%n",
          tally.database, round, loadMillis, load.intakes.size(), load.agreements.size());
      return load;
    }

    /** An answer other than the expected one while the application runs: shown, so a broken load is seen. */
    private void refused(String what, String answer) {
      if (!killing) {
        System.out.println("CRASH TEST " + what + " refused: " + answer.substring(0, Math.min(answer.length(), 300)));
      }
    }

    private static Thread started(Runnable client) {
      Thread thread = new Thread(client);
      thread.start();
      return thread;
    }

    /** Returns the tracking number on 201, null on another answer; throws when the application is gone. */
    private String intake(int round, int client, int i) {
      String body = """
          {"customerName": "Customer %1$d-%2$d-%3$d", "customerEmail": "crash.%1$d.%2$d.%3$d.%4$d@example.com",
           "channel": "web", "category": "delivery", "description": "The parcel arrived broken.",
           "desiredOutcome": "refund", "amount": 25.00}"""
          .formatted(round, client, i, port);
      HttpResponse<String> response = send(null, post("/api/complaints", body));
      if (response.statusCode() != 201) {
        refused("intake", response.statusCode() + " " + response.body());
        return null;
      }
      return read(response).get("trackingNumber").asText();
    }

    /** As Tasklist does: claim the complaint's Agree expectation and submit its form. True on 204. */
    private boolean agree(String trackingNumber, String outcome) {
      JsonNode tasks = read(send(AGENT, HttpRequest.newBuilder(uri("/engine-rest/task?processInstanceBusinessKey="
          + trackingNumber + "&taskDefinitionKey=" + AGREE_EXPECTATION)).GET()));
      if (tasks.size() != 1) {
        refused("agreement", trackingNumber + ": " + tasks);
        return false;
      }
      String taskId = tasks.get(0).get("id").asText();
      HttpResponse<String> claim = send(AGENT, post("/engine-rest/task/" + taskId + "/claim", "{\"userId\": \"" + AGENT + "\"}"));
      if (claim.statusCode() != 204) {
        refused("claim", claim.statusCode() + " " + claim.body());
        return false;
      }
      Map<String, Object> variables = Map.of(
          Var.DESIRED_OUTCOME, Map.of("value", outcome),
          Var.AGREED_ANSWER_DATE, Map.of("value", BusinessDay.today().plusDays(7).toString()),
          Var.CONTACT_PREFERENCE, Map.of("value", "email"));
      try {
        HttpResponse<String> submitted = send(AGENT, post("/engine-rest/task/" + taskId + "/submit-form",
            JSON.writeValueAsString(Map.of("variables", variables))));
        if (submitted.statusCode() != 204) {
          refused("agreement", submitted.statusCode() + " " + submitted.body());
        }
        return submitted.statusCode() == 204;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /**
     * After the restart, through the API as staff and auditors see it: the round's acknowledged intakes and
     * agreements, each complaint's remedies (one at most), and the completeness check.
     */
    void checkOverHttp(Load load, Tally tally) {
      Map<String, Ack> agreed = load.agreements.stream()
          .collect(Collectors.toMap(Ack::trackingNumber, ack -> ack, (a, b) -> a));
      for (Ack intake : load.intakes) {
        HttpResponse<String> response = send(AGENT, HttpRequest.newBuilder(uri("/api/complaints/" + intake.trackingNumber())).GET());
        if (response.statusCode() != 200) {
          tally.lost.put("intake " + intake.trackingNumber(), "answered 201 %d ms before the kill, now %d"
              .formatted(millisBefore(load, intake), response.statusCode()));
          continue;
        }
        Ack agreement = agreed.get(intake.trackingNumber());
        if (agreement != null && !read(response).hasNonNull("agreedAnswerDate")) {
          tally.lost.put("agreement of " + intake.trackingNumber(), "answered 204 %d ms before the kill, its date is gone"
              .formatted(millisBefore(load, agreement)));
        }
        JsonNode remedies = read(send(AGENT, HttpRequest.newBuilder(
            uri("/api/complaints/" + intake.trackingNumber() + "/remedies")).GET()));
        if (remedies.size() > 1) {
          tally.duplicates.add(intake.trackingNumber() + " has " + remedies.size() + " remedies");
        }
      }
      JsonNode completeness = read(send(AUDITOR, HttpRequest.newBuilder(uri("/api/audit/completeness")).GET()));
      if (!completeness.path("complete").asBoolean()) {
        tally.incomplete.add(completeness.toString());
      }
    }

    private static long millisBefore(Load load, Ack ack) {
      return Duration.ofNanos(load.killedAt - ack.at()).toMillis();
    }

    /** As an operator does: POST /api/admin/backup as an administrator; the backup file. */
    Path backUp() {
      HttpResponse<String> response = send(ADMIN, post("/api/admin/backup", ""));
      assertThat(response.statusCode()).as("backup: " + response.body()).isEqualTo(201);
      Path file = Paths.get(read(response).get("file").asText());
      assertThat(file).exists().startsWith(folder);
      return file;
    }

    void stop() throws InterruptedException {
      process.destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor();
      }
    }

    private HttpRequest.Builder post(String path, String body) {
      return HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private URI uri(String path) {
      return URI.create("http://localhost:" + port + path);
    }

    private static JsonNode read(HttpResponse<String> response) {
      try {
        return JSON.readTree(response.body());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

  }
}
