package io.rootfix.cluster;

import io.rootfix.support.BusinessDay;
import static io.rootfix.complaint.ComplaintProcess.Element.AGREE_EXPECTATION;
import static io.rootfix.complaint.ComplaintProcess.Element.CLOSE_WITHOUT_REPLY;
import static io.rootfix.complaint.ComplaintProcess.Element.FIND_ROOT_CAUSE;
import static io.rootfix.complaint.ComplaintProcess.Element.NO_REPLY;
import static io.rootfix.complaint.ComplaintProcess.Element.PATCH_SYMPTOM;
import static io.rootfix.complaint.ComplaintProcess.Element.RECORD_CUSTOMER_CONFIRMATION;
import static io.rootfix.complaint.ComplaintProcess.Element.REPORT_BACK;
import static io.rootfix.support.PackagedApplication.freePort;
import static io.rootfix.support.PackagedApplication.jar;
import static io.rootfix.support.PackagedApplication.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rootfix.complaint.ComplaintProcess.Var;
import io.rootfix.promise.PromiseProcess;
import io.rootfix.support.EmbeddedDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * Camunda's homogeneous cluster, for real: two Rootfix processes (separate JVMs, started from the jar that
 * {@code mvn verify} just built) on different ports against one fresh PostgreSQL database. Complaints are
 * posted to both, their tasks completed through both, and their timers and asynchronous steps run on
 * whichever node's job executor takes them. Then one node is killed hard while it holds locked jobs; the
 * other must finish them once their lock expires. At the end the invariants hold: every complaint closed,
 * every refund paid and every replacement shipped exactly once, every message recorded once, every job
 * executed once, nothing lost, and the auditors' completeness check empty.
 *
 * <p>Time is not waited for: timers are made due through the engine REST API, and the job executors run
 * with a short poll and a 10 s lock, so the test waits only for the other JVM to get its work done.
 */
class ClusterIT {

  private static final int COMPLAINTS = 10;
  /** Closed by their no-reply timer while one node is killed; the rest by the customer's reply. */
  private static final int CLOSED_DURING_THE_KILL = 5;
  private static final Duration LOCK_TIME = Duration.ofSeconds(10);
  /** How long the test waits for the other JVMs' work: generous, for a loaded CI machine. */
  private static final Duration PATIENCE = Duration.ofSeconds(180);
  private static final Duration START_UP = Duration.ofSeconds(300);
  private static final String AGENT = "sam";
  private static final String ADMIN = "demo";
  private static final String AUDITOR = "ada";

  private static final ObjectMapper JSON = new ObjectMapper();

  private static String databaseUrl;
  private static Node nodeA;
  private static Node nodeB;

  @BeforeAll
  static void startTheCluster() throws Exception {
    databaseUrl = EmbeddedDatabase.createDatabase("rootfix_cluster");
    createTheEngineTablesAsADbaWould();
    // One after the other: the first creates Rootfix's tables (Flyway) and deploys the models, as in
    // production, where the first node of a new version migrates the schema before more nodes join.
    nodeA = Node.start("node-a", databaseUrl);
    nodeA.awaitReady();
    nodeB = Node.start("node-b", databaseUrl);
    nodeB.awaitReady();
  }

  /**
   * The production path where the application's user may not run DDL (docs/operators.md "Schema management"): the
   * engine's tables from Camunda's scripts in the camunda-engine jar, the nodes with schema-update false.
   */
  private static void createTheEngineTablesAsADbaWould() throws SQLException {
    try (Connection connection = connect()) {
      for (String part : List.of("engine", "history", "identity", "case.engine", "case.history", "decision.engine",
          "decision.history")) {
        ScriptUtils.executeSqlScript(connection,
            new ClassPathResource("org/camunda/bpm/engine/db/create/activiti.postgres.create." + part + ".sql"));
      }
    }
  }

  @AfterAll
  static void stopTheCluster() {
    Stream.of(nodeA, nodeB).filter(node -> node != null).forEach(Node::stop);
  }

  @Test
  void twoNodesShareTheWorkAndLoseNothingWhenOneIsKilled() throws Exception {
    List<Node> nodes = List.of(nodeA, nodeB);
    List<String> complaints = new ArrayList<>();

    // Given complaints posted to both nodes, their expectations agreed on the other node
    for (int i = 0; i < COMPLAINTS; i++) {
      complaints.add(nodes.get(i % 2).intake(i));
    }
    for (int i = 0; i < COMPLAINTS; i++) {
      Node other = nodes.get((i + 1) % 2);
      other.submit(complaints.get(i), AGREE_EXPECTATION, Map.of(Var.DESIRED_OUTCOME, desiredOutcome(i),
          Var.AGREED_ANSWER_DATE, BusinessDay.today().plusDays(7).toString(), Var.CONTACT_PREFERENCE, "email"));
    }

    // Then every refund is paid and every replacement shipped by whichever node takes the job (their
    // promises are kept with it, so only the answer promises stay open)
    await(() -> count("select count(*) from remedy where state in ('PAID', 'SHIPPED')") == COMPLAINTS,
        "every remedy paid or shipped");

    // When the promises' reminder timers come due, whichever node takes them reminds the owner
    List<String> reminders = jobIds("""
        select id_ from act_ru_job
        where process_def_key_ = '%s' and handler_type_ = 'timer-intermediate-transition' and handler_cfg_ like '%s%%'"""
        .formatted(PromiseProcess.KEY, PromiseProcess.Element.REMINDER));
    assertThat(reminders).as("a reminder timer per answer promise").hasSize(COMPLAINTS);
    for (int i = 0; i < reminders.size(); i++) {
      nodes.get(i % 2).makeDueNow(reminders.get(i));
    }
    awaitGone(reminders, "reminder timers");

    // And each complaint is patched, its cause found and the customer answered, through both nodes
    for (int i = 0; i < COMPLAINTS; i++) {
      String complaint = complaints.get(i);
      nodes.get(i % 2).submit(complaint, PATCH_SYMPTOM, Map.of(Var.PATCH_DESCRIPTION, "Sent a new one"));
      nodes.get((i + 1) % 2).submit(complaint, FIND_ROOT_CAUSE, Map.of(Var.ROOT_CAUSE_DESCRIPTION,
          "Dropped by the courier", Var.ONE_OFF, true, Var.ONE_OFF_REASON, "PARTNER_SLIP",
          Var.ONE_OFF_NOTE, "A single mishap"));
      nodes.get(i % 2).submit(complaint, REPORT_BACK, Map.of(Var.ANSWER_TEXT, "We sent a replacement."));
      nodes.get(i % 2).awaitTask(complaint, RECORD_CUSTOMER_CONFIRMATION);
    }

    // And half the customers confirm (on either node); closing is asynchronous
    List<String> confirmed = complaints.subList(CLOSED_DURING_THE_KILL, COMPLAINTS);
    for (int i = 0; i < confirmed.size(); i++) {
      nodes.get(i % 2).confirm(confirmed.get(i));
    }
    await(() -> closed(confirmed) == confirmed.size(), "the confirmed complaints closed");

    // When the other half's no-reply timers come due while their complaints are locked in the database, the
    // jobs that close them stay locked by the node that took them: that node is then killed
    List<String> unanswered = complaints.subList(0, CLOSED_DURING_THE_KILL);
    Kill kill;
    try (Connection blocker = DriverManager.getConnection(databaseUrl, EmbeddedDatabase.USER, EmbeddedDatabase.PASSWORD)) {
      blocker.setAutoCommit(false);
      try (PreparedStatement lock = blocker.prepareStatement(
          "select id from complaint where tracking_number = any (?) for update")) {
        lock.setArray(1, blocker.createArrayOf("varchar", unanswered.toArray()));
        lock.executeQuery().close();
      }
      List<String> timers = strings("""
          select j.id_ from act_ru_job j join act_ru_execution e on e.id_ = j.process_instance_id_
          where e.business_key_ = any (?) and j.handler_cfg_ like '%s%%'""".formatted(NO_REPLY), unanswered);
      assertThat(timers).as("a no-reply timer per unanswered complaint").hasSize(CLOSED_DURING_THE_KILL);
      for (int i = 0; i < timers.size(); i++) {
        nodes.get(i % 2).makeDueNow(timers.get(i));
      }
      // Both the timer and the closing step behind it wait for the complaint's row; whichever of them a
      // node holds, it holds it locked: wait until every unanswered complaint has its due job locked.
      await(() -> lockedDueJobs(unanswered).size() == CLOSED_DURING_THE_KILL,
          "a locked job for every unanswered complaint", () -> String.join("\n", dueJobs(unanswered)));

      Map<String, String> held = lockedDueJobs(unanswered);
      Node victim = owned(held, nodeB).size() >= owned(held, nodeA).size() ? nodeB : nodeA;
      Node survivor = victim == nodeA ? nodeB : nodeA;
      victim.kill();
      // What the victim held when it died (a job it had just finished would not be held any more).
      List<String> victimsJobs = owned(lockedDueJobs(unanswered), victim);
      assertThat(victimsJobs).as("the killed node held jobs: " + dueJobs(unanswered)).isNotEmpty();
      kill = new Kill(victim, survivor, victimsJobs);
      blocker.rollback();
    }

    // Then the survivor runs the dead node's jobs once their lock has expired
    awaitGone(kill.jobs(), "the killed node's jobs");
    await(() -> closed(complaints) == COMPLAINTS, "every complaint closed");
    assertThat(successfulRunsOn(kill.jobs())).as("who ran the killed node's jobs")
        .containsOnlyKeys(kill.survivor().name);

    await(() -> count("""
        select count(*) from complaint c where c.state = 'CLOSED'
          and not exists (select 1 from audit_seal s where s.complaint_id = c.id)""") == 0,
        "every closed complaint sealed");

    // And nothing was lost, nothing done twice
    Map<String, Long> perNode = countsBy("select hostname_, count(*) from act_hi_job_log where job_state_ = 2 group by hostname_");
    long duplicates = count("select count(*) from (select job_id_ from act_hi_job_log where job_state_ = 2 "
        + "group by job_id_ having count(*) > 1) d");
    long lost = count("""
        select count(*) from (select distinct job_id_ from act_hi_job_log where job_state_ = 0) c
        where not exists (select 1 from act_hi_job_log l where l.job_id_ = c.job_id_ and l.job_state_ in (2, 3))
          and not exists (select 1 from act_ru_job r where r.id_ = c.job_id_)""");
    long payouts = count("select count(*) from payout");
    long shipments = count("select count(*) from shipment_order");
    System.out.printf("%nCLUSTER TEST: complaints %d, closed %d; jobs executed per node %s; killed %s holding %d "
            + "locked jobs, finished by %s; duplicates %d, lost %d; refunds paid %d, replacements shipped %d%n%n",
        COMPLAINTS, closed(complaints), perNode, kill.victim().name, kill.jobs().size(), kill.survivor().name,
        duplicates, lost, payouts, shipments);

    assertThat(perNode).as("both nodes ran jobs").containsKeys(nodeA.name, nodeB.name);
    List<String> broken = new ArrayList<>();
    invariants(complaints, kill.survivor()).forEach((invariant, violations) -> {
      if (!violations.isEmpty()) {
        broken.add(invariant + ": " + violations);
      }
    });
    assertThat(broken).as("broken invariants").isEmpty();
  }

  /**
   * What must hold after any run of the cluster, each with what violates it (empty when it holds). A new
   * feature with exactly-once work adds its line here.
   */
  private static Map<String, List<String>> invariants(List<String> complaints, Node survivor) throws Exception {
    Map<String, List<String>> invariants = new LinkedHashMap<>();
    invariants.put("every complaint closed", strings("""
        select tracking_number || ' ' || state from complaint where tracking_number = any (?) and state <> 'CLOSED'""",
        complaints));
    invariants.put("every message recorded once", strings("""
        select c.tracking_number || ' ' || m.kind || ' x' || count(*) from customer_message m
        join complaint c on c.id = m.complaint_id group by c.tracking_number, m.kind having count(*) > 1""", null));
    invariants.put("every closed complaint acknowledged, answered and closed", strings("""
        select c.tracking_number || ' ' || k.kind from complaint c
        cross join (values ('ACKNOWLEDGEMENT'), ('REPORT'), ('CLOSING')) k (kind)
        where not exists (select 1 from customer_message m where m.complaint_id = c.id and m.kind = k.kind)""", null));
    // The history cleanup job is one job run again and again under the same id (all day at weekends): not a process's.
    invariants.put("every job executed once", strings("""
        select job_id_ || ' x' || count(*) from act_hi_job_log where job_state_ = 2 and process_instance_id_ is not null
        group by job_id_ having count(*) > 1""", null));
    invariants.put("no job lost", strings("""
        select distinct c.job_id_ from act_hi_job_log c where c.job_state_ = 0
          and not exists (select 1 from act_hi_job_log l where l.job_id_ = c.job_id_ and l.job_state_ in (2, 3))
          and not exists (select 1 from act_ru_job r where r.id_ = c.job_id_)""", null));
    invariants.put("no incident", strings("select incident_msg_ from act_ru_incident", null));
    invariants.put("one remedy per complaint", strings("""
        select c.tracking_number || ' x' || (select count(*) from remedy r where r.complaint_id = c.id) from complaint c
        where c.tracking_number = any (?) and (select count(*) from remedy r where r.complaint_id = c.id) <> 1""",
        complaints));
    invariants.put("every refund paid once", strings("""
        select r.tracking_number || ' ' || r.state || ' x' || (select count(*) from payout p where p.idempotency_key = r.idempotency_key)
        from remedy r where r.type = 'REFUND'
          and (r.state <> 'PAID' or (select count(*) from payout p where p.idempotency_key = r.idempotency_key) <> 1)""",
        null));
    invariants.put("every replacement shipped once", strings("""
        select r.tracking_number || ' ' || r.state from remedy r where r.type = 'REPLACEMENT'
          and (r.state <> 'SHIPPED'
            or (select count(*) from shipment_order o where o.idempotency_key = r.idempotency_key) <> 1)""",
        null));
    invariants.put("no payout or shipment without its remedy", strings("""
        select p.idempotency_key from payout p where not exists (select 1 from remedy r where r.idempotency_key = p.idempotency_key)
        union all
        select o.idempotency_key from shipment_order o
        where not exists (select 1 from remedy r where r.idempotency_key = o.idempotency_key)""", null));
    invariants.put("every closed complaint sealed once", strings("""
        select c.tracking_number from complaint c where c.state = 'CLOSED'
          and (select count(*) from audit_seal s where s.complaint_id = c.id) <> 1""", null));
    JsonNode completeness = survivor.getJson(AUDITOR, "/api/audit/completeness");
    List<String> incomplete = new ArrayList<>();
    completeness.forEach(list -> list.forEach(trackingNumber -> incomplete.add(trackingNumber.asText())));
    invariants.put("audit completeness empty", incomplete);
    JsonNode verification = survivor.getJson(AUDITOR, "/api/audit/verify");
    invariants.put("audit seals intact", verification.path("intact").asBoolean() ? List.of() : List.of(verification.toString()));
    return invariants;
  }

  // --- the database, as an operator would look at it -------------------------------------------------

  private static Connection connect() throws SQLException {
    return DriverManager.getConnection(databaseUrl, EmbeddedDatabase.USER, EmbeddedDatabase.PASSWORD);
  }

  private static List<String> jobIds(String sql) throws SQLException {
    return strings(sql, null);
  }

  private static List<String> strings(String sql, List<String> parameter) throws SQLException {
    try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
      if (parameter != null) {
        Array array = connection.createArrayOf("varchar", parameter.toArray());
        statement.setArray(1, array);
      }
      List<String> values = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          values.add(rows.getString(1));
        }
      }
      return values;
    }
  }

  /** Half the customers want their money back, half a new one: both within the policy, so no approval. */
  private static String desiredOutcome(int complaint) {
    return complaint % 2 == 0 ? "refund" : "replacement";
  }

  private static long count(String sql) throws SQLException {
    return Long.parseLong(strings(sql, null).get(0));
  }

  private static Map<String, Long> countsBy(String sql) throws SQLException {
    Map<String, Long> counts = new LinkedHashMap<>();
    try (Connection connection = connect(); ResultSet rows = connection.createStatement().executeQuery(sql)) {
      while (rows.next()) {
        counts.put(rows.getString(1), rows.getLong(2));
      }
    }
    return counts;
  }

  private static long closed(List<String> complaints) throws SQLException {
    return strings("select tracking_number from complaint where tracking_number = any (?) and state = 'CLOSED'",
        complaints).size();
  }

  /** The due jobs of these complaints (not the far timers) that a node has locked, with the lock owner. */
  private static Map<String, String> lockedDueJobs(List<String> complaints) throws SQLException {
    Map<String, String> locked = new LinkedHashMap<>();
    for (String row : dueJobs(complaints)) {
      String[] job = row.split(" ");
      if (!job[1].equals("-")) {
        locked.put(job[0], job[1]);
      }
    }
    return locked;
  }

  /** "id lock-owner activity due-date" of each job of these complaints due now. */
  private static List<String> dueJobs(List<String> complaints) throws SQLException {
    return strings("""
        select j.id_ || ' ' || coalesce(j.lock_owner_, '-') || ' ' || d.act_id_ || ' ' || coalesce(j.duedate_::text, '-')
        from act_ru_job j
        join act_ru_execution e on e.id_ = j.process_instance_id_
        join act_ru_jobdef d on d.id_ = j.job_def_id_
        where e.business_key_ = any (?) and (j.duedate_ is null or j.duedate_ <= localtimestamp)""", complaints);
  }

  private static List<String> owned(Map<String, String> locked, Node node) {
    return locked.entrySet().stream().filter(job -> job.getValue().equals(node.name)).map(Map.Entry::getKey).toList();
  }

  private static Map<String, Long> successfulRunsOn(List<String> jobs) throws SQLException {
    Map<String, Long> runs = new LinkedHashMap<>();
    for (String hostname : strings("select hostname_ from act_hi_job_log where job_state_ = 2 and job_id_ = any (?)", jobs)) {
      runs.merge(hostname, 1L, Long::sum);
    }
    return runs;
  }

  private static void awaitGone(List<String> jobs, String what) {
    await(() -> {
      try {
        return strings("select id_ from act_ru_job where id_ = any (?)", jobs).isEmpty();
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    }, what + " done");
  }

  @FunctionalInterface
  interface Check {
    boolean holds() throws Exception;

    @FunctionalInterface
    interface Diagnosis {
      String describe() throws Exception;
    }
  }

  /** Polls until the other JVMs have done their part (a timeout, not a wait for a timer). */
  private static void await(Check check, String what) {
    await(check, what, () -> "");
  }

  private static void await(Check check, String what, Check.Diagnosis diagnosis) {
    await(check, what, PATIENCE, diagnosis);
  }

  private static void await(Check check, String what, Duration patience, Check.Diagnosis diagnosis) {
    long deadline = System.nanoTime() + patience.toNanos();
    try {
      while (!check.holds()) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("timed out waiting for: " + what + "\n" + diagnosis.describe());
        }
        Thread.sleep(200);
      }
    } catch (AssertionError e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private record Kill(Node victim, Node survivor, List<String> jobs) {
  }

  // --- one application node --------------------------------------------------------------------------

  /** A Rootfix process started from the built jar, and what a client does with it over HTTP. */
  private static final class Node {

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;

    private Node(String name, int port, Process process, Path log) {
      this.name = name;
      this.port = port;
      this.process = process;
      this.log = log;
    }

    static Node start(String name, String databaseUrl) throws IOException {
      int port = freePort();
      Path directory = Files.createDirectories(Paths.get("target", "cluster", name));
      Path log = directory.resolve("node.log");
      String java = ProcessHandle.current().info().command().orElse("java");
      List<String> command = List.of(java, "-Xmx512m", "-XX:TieredStopAtLevel=1", "-jar", jar().toString(),
          "--spring.profiles.active=postgres",
          "--server.port=" + port,
          "--rootfix.node-name=" + name,
          "--spring.datasource.url=" + databaseUrl,
          "--spring.datasource.username=" + EmbeddedDatabase.USER,
          "--spring.datasource.password=" + EmbeddedDatabase.PASSWORD,
          "--camunda.bpm.database.schema-update=false",
          // A fast job executor: a short lock, so the survivor takes a dead node's jobs after 10 s, and a
          // short poll, so a job made due is taken within a second.
          "--camunda.bpm.job-execution.lock-time-in-millis=" + LOCK_TIME.toMillis(),
          "--camunda.bpm.job-execution.wait-time-in-millis=200",
          "--camunda.bpm.job-execution.max-wait=1000",
          "--camunda.bpm.job-execution.max-jobs-per-acquisition=2",
          // A node killed between a closing and its seal leaves the seal to the survivor's sweep: here every
          // few seconds instead of 5 minutes.
          "--rootfix.audit.seal-sweep=PT3S",
          // Every call of the test comes from one address.
          "--rootfix.security.rate-limit.enabled=false",
          "--logging.level.org.camunda.bpm.engine.jobexecutor=info");
      Process process = new ProcessBuilder(command).directory(directory.toFile())
          .redirectErrorStream(true).redirectOutput(log.toFile()).start();
      return new Node(name, port, process, log);
    }


    void awaitReady() {
      long started = System.nanoTime();
      await(() -> {
        if (!process.isAlive()) {
          throw new AssertionError(name + " died on start-up:\n" + tail());
        }
        try {
          return send(ADMIN, HttpRequest.newBuilder(uri("/engine-rest/version")).GET()).statusCode() == 200;
        } catch (UncheckedIOException notYet) {
          return false;
        }
      }, name + " started", START_UP, this::tail);
      System.out.printf("CLUSTER TEST: %s started on port %d in %d s%n", name, port,
          Duration.ofNanos(System.nanoTime() - started).toSeconds());
    }

    String intake(int i) throws IOException {
      String body = """
          {"customerName": "Customer %1$d", "customerEmail": "cluster.%1$d.%2$s@example.com", "channel": "web",
           "category": "delivery", "description": "The parcel arrived broken.", "desiredOutcome": "%3$s",
           "amount": 25.00}"""
          .formatted(i, name, desiredOutcome(i));
      HttpResponse<String> response = send(null, post("/api/complaints", body));
      assertThat(response.statusCode()).as(name + " intake: " + response.body()).isEqualTo(201);
      return JSON.readTree(response.body()).get("trackingNumber").asText();
    }

    /** As Tasklist does: claim the task and submit its form. */
    void submit(String trackingNumber, String taskKey, Map<String, Object> variables) throws IOException {
      String taskId = awaitTask(trackingNumber, taskKey);
      if (getJson(AGENT, "/engine-rest/task/" + taskId).path("assignee").isNull()) {
        HttpResponse<String> claim = send(AGENT, post("/engine-rest/task/" + taskId + "/claim",
            "{\"userId\": \"" + AGENT + "\"}"));
        assertThat(claim.statusCode()).as(name + " claim " + taskKey + ": " + claim.body()).isEqualTo(204);
      }
      Map<String, Object> typed = new LinkedHashMap<>();
      variables.forEach((variable, value) -> typed.put(variable, Map.of("value", value)));
      HttpResponse<String> submitted = send(AGENT, post("/engine-rest/task/" + taskId + "/submit-form",
          JSON.writeValueAsString(Map.of("variables", typed))));
      assertThat(submitted.statusCode()).as(name + " submit " + taskKey + ": " + submitted.body()).isEqualTo(204);
    }

    /** Waits for the task: it may come after an asynchronous step that either node runs. */
    String awaitTask(String trackingNumber, String taskKey) {
      String[] id = new String[1];
      await(() -> {
        JsonNode tasks = getJson(AGENT, "/engine-rest/task?processInstanceBusinessKey=" + trackingNumber
            + "&taskDefinitionKey=" + taskKey);
        if (tasks.size() == 1) {
          id[0] = tasks.get(0).get("id").asText();
        }
        return id[0] != null;
      }, taskKey + " of " + trackingNumber);
      return id[0];
    }

    void confirm(String trackingNumber) {
      HttpResponse<String> response = send(AGENT, post("/api/complaints/" + trackingNumber + "/confirmation",
          "{\"resolved\": true}"));
      assertThat(response.statusCode()).as(name + " confirmation: " + response.body()).isBetween(200, 204);
    }

    /** A timer due now, as an administrator does in Cockpit: no waiting for its real date. */
    void makeDueNow(String jobId) {
      String now = ZonedDateTime.now(ZoneOffset.UTC).minusSeconds(1)
          .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ"));
      HttpResponse<String> response = send(ADMIN, HttpRequest.newBuilder(uri("/engine-rest/job/" + jobId + "/duedate"))
          .header("Content-Type", "application/json")
          .PUT(HttpRequest.BodyPublishers.ofString("{\"duedate\": \"" + now + "\"}")));
      assertThat(response.statusCode()).as(name + " due date of " + jobId + ": " + response.body()).isEqualTo(204);
    }

    JsonNode getJson(String user, String path) throws IOException {
      HttpResponse<String> response = send(user, HttpRequest.newBuilder(uri(path)).GET());
      assertThat(response.statusCode()).as(name + " GET " + path + ": " + response.body()).isEqualTo(200);
      return JSON.readTree(response.body());
    }

    /** SIGKILL: no shutdown hook, no unlocking of jobs, connections cut mid-transaction. */
    void kill() throws InterruptedException {
      process.destroyForcibly();
      process.waitFor();
      System.out.printf("CLUSTER TEST: killed %s (kill -9)%n", name);
    }

    void stop() {
      if (process.isAlive()) {
        process.destroy();
        try {
          if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          process.destroyForcibly();
        }
      }
    }

    private HttpRequest.Builder post(String path, String body) {
      return HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private URI uri(String path) {
      return URI.create("http://localhost:" + port + path);
    }


    private String tail() {
      try {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
      } catch (IOException e) {
        return "(no log: " + e + ")";
      }
    }
  }
}
