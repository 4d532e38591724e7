package io.rootfix.bench;

import io.rootfix.support.BusinessDay;
import io.rootfix.support.QueryPlans;
import io.rootfix.RootfixApplication;
import io.rootfix.audit.AuditTrail;
import io.rootfix.complaint.ComplaintApi;
import io.rootfix.complaint.ComplaintProcess;
import io.rootfix.complaint.IntakeForm;
import io.rootfix.promise.PromisePolicy;
import io.rootfix.promise.PromiseProcess;
import io.rootfix.promise.PromiseService;
import io.rootfix.promise.PromiseType;
import io.rootfix.rootcause.RootCause;
import io.rootfix.rootcause.RootCauseProcess;
import io.rootfix.rootcause.RootCauseService;
import io.rootfix.security.Groups;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Date;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rootfix's benchmark (BENCHMARKS.md): the whole application in this JVM on a fresh database (H2 file or
 * an embedded PostgreSQL), job executor on, driven through its Java API and its HTTP intake. Prints a table
 * and writes {@code target/bench/<db>.json}. Not a test: {@code mvn -Pbench test-compile exec:exec}.
 */
public final class Benchmark {

  // --- sizes and knobs: -Dbench.<name>=… (the Maven profile forwards them) ------------------------------
  static final String DB = System.getProperty("bench.db", "h2");
  static final int LIFECYCLE = intProp("lifecycle.complaints", 2000);
  static final int WORKERS = intProp("lifecycle.workers", 4);
  static final int IN_FLIGHT = intProp("lifecycle.inFlight", 4);
  static final int INTAKE_SECONDS = intProp("intake.seconds", 30);
  /** Client counts, one measurement each: the latency at rising throughput. */
  static final String INTAKE_CLIENTS = System.getProperty("bench.intake.clients", "1,2,4");
  static final int STORM = intProp("storm.promises", 10_000);
  static final int BIG = intProp("bigdb.complaints", 100_000);
  static final int LOADERS = intProp("bigdb.loaders", 4);
  static final int BATCH = intProp("bigdb.batch", 50);
  /** Every n-th loaded complaint has its expectation agreed, so it carries an open answer promise. */
  static final int AGREED_EVERY = intProp("bigdb.agreedEvery", 10);
  /**
   * How the big database's complaints are routed, as routing.dmn lets a process owner set up: {@code category}, a
   * queue per category (five), {@code category-channel}, a queue per category and channel (twenty: the four channels
   * but phone, which the shipped first rule keeps with the whole team), or {@code none}, the whole backlog in one
   * queue. The measured agents work one queue, the billing one (of web complaints).
   */
  static final String QUEUES = System.getProperty("bench.queues", "category");
  static final boolean QUEUED = !"none".equals(QUEUES);
  /** The channels of the loaded complaints, by customer when queues are per channel too. */
  static final String[] CHANNELS = "category-channel".equals(QUEUES)
      ? new String[] {"web", "email", "social", "chat"} : new String[] {"web"};
  static final String AGENTS_QUEUE = queueOf("billing", "web");
  static final int SAMPLES = intProp("queries.samples", 200);
  static final int QUERY_SECONDS = intProp("queries.maxSeconds", 120);
  static final boolean EXPLAIN = Boolean.parseBoolean(System.getProperty("bench.queries.explain", "true"));
  static final String PHASES = System.getProperty("bench.phases", "lifecycle,decisions,intake,storm,bigdb,cleanup");
  /** Complaints per round of the history-cleanup phase, and its rounds (a second shows the steady state). */
  static final int CLEANUP = intProp("cleanup.complaints", 10_000);
  static final int CLEANUP_ROUNDS = intProp("cleanup.rounds", 1);
  static final int DECISION_EVALUATIONS = intProp("decisions.evaluations", 5_000);

  static final String AGENT = "sam";
  static final String LEAD = "lea";
  static final String SECOND_LEAD = "ivo";
  /**
   * CPU time of completing a user task (the engine's command with its listeners and checks), on the completing
   * thread: unlike wall time it hardly moves with the load of other processes on the machine.
   */
  static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();
  static final AtomicLong COMPLETION_CPU_NANOS = new AtomicLong();
  static final AtomicLong COMPLETIONS = new AtomicLong();
  /** The demo users' groups (DemoUsers), for signing in as each. */
  static final Map<String, List<String>> GROUPS = Map.of(AGENT, List.of("service-agents"),
      LEAD, List.of("team-leads", "service-agents"), SECOND_LEAD, List.of("team-leads"));
  static final int ROOT_CAUSES = 5;
  static final Path OUT = Path.of("target", "bench");

  private static int intProp(String name, int fallback) {
    return Integer.parseInt(System.getProperty("bench." + name, String.valueOf(fallback)).replace("_", ""));
  }

  private final Map<String, Object> results = new LinkedHashMap<>();
  private final List<String[]> table = new ArrayList<>();
  private ConfigurableApplicationContext app;
  private Database database;

  public static void main(String[] args) throws Exception {
    Benchmark bench = new Benchmark();
    int status = 0;
    try {
      bench.run();
    } catch (Throwable e) {
      e.printStackTrace();
      status = 1;
    } finally {
      bench.stop();
    }
    System.exit(status);
  }

  // --- the run ---------------------------------------------------------------------------------------------

  void run() throws Exception {
    Files.createDirectories(OUT);
    machine();
    database = Database.start(DB, OUT);
    long startedAt = System.nanoTime();
    // As command-line arguments: they win over application.yaml (default properties would not).
    app = new SpringApplicationBuilder(RootfixApplication.class).run(springProperties().entrySet().stream()
        .map(p -> "--" + p.getKey() + "=" + p.getValue()).toArray(String[]::new));
    results.put("startupSeconds", round(seconds(System.nanoTime() - startedAt)));
    List<String> phases = Arrays.asList(PHASES.split(","));
    if (phases.contains("lifecycle")) {
      lifecycle();
    }
    if (phases.contains("decisions")) {
      decisions();
    }
    if (phases.contains("intake")) {
      intake();
    }
    if (phases.contains("bigdb")) {
      bigDatabase();
    }
    // After the load: the storm's promises each belong to another open complaint, as they would at month-end.
    if (phases.contains("storm")) {
      timerStorm();
    }
    // Last: it moves the engine clock days ahead.
    if (phases.contains("cleanup")) {
      historyCleanup();
    }
    results.put("totalMinutes", round(seconds(System.nanoTime() - startedAt) / 60));
    report();
  }

  private Map<String, Object> springProperties() {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("spring.datasource.url", database.url());
    properties.put("spring.datasource.username", database.user());
    properties.put("spring.datasource.password", database.password());
    properties.put("server.port", "0");
    properties.put("spring.main.banner-mode", "off");
    properties.put("logging.level.root", "warn");
    properties.put("logging.level.org.camunda.bpm.engine.context", "error");
    properties.put("camunda.bpm.webapp.enabled", "false");
    properties.put("camunda.bpm.job-execution.enabled", "true");
    // One client address sends everything here; the limiter is for the internet, not for a benchmark.
    properties.put("rootfix.security.rate-limit.enabled", "false");
    if (Arrays.asList(PHASES.split(",")).contains("cleanup")) {
      // A day instead of seven years (and a day's margin instead of thirty, RemovalTimeAtStart), so that the cleanup
      // phase can age its complaints past it.
      properties.put("rootfix.history.time-to-live", "P1D");
      properties.put("rootfix.history.removal-margin", "P1D");
    }
    return properties;
  }

  void stop() {
    ClockUtil.reset();
    if (app != null) {
      app.close();
    }
    if (database != null) {
      database.stop();
    }
  }

  private <T> T bean(Class<T> type) {
    return app.getBean(type);
  }

  // --- 1. lifecycle throughput -----------------------------------------------------------------------------

  /** One step of an agent: who completes a task with this definition key, and with which form values. */
  record Step(String user, Function<String, Map<String, Object>> variables) {}

  /**
   * The form values per task definition key. A task the model gains (an approval, a review) needs one entry
   * here; a task without an entry fails the run, so the benchmark never silently skips work.
   */
  private Map<String, Step> steps(List<Long> fixedRootCauses) {
    String promised = BusinessDay.today().plusDays(7).toString();
    AtomicInteger links = new AtomicInteger();
    Map<String, Step> steps = new LinkedHashMap<>();
    steps.put(ComplaintProcess.Element.AGREE_EXPECTATION, new Step(AGENT, tn -> Map.of(
        ComplaintProcess.Var.DESIRED_OUTCOME, "replacement", ComplaintProcess.Var.AGREED_ANSWER_DATE, promised,
        ComplaintProcess.Var.CONTACT_PREFERENCE, "email")));
    steps.put(ComplaintProcess.Element.PATCH_SYMPTOM, new Step(AGENT, tn -> Map.of(
        ComplaintProcess.Var.PATCH_DESCRIPTION, "Sent a replacement by express")));
    // One root cause hurts many customers: each complaint is linked to one of a few known, fixed causes.
    steps.put(ComplaintProcess.Element.FIND_ROOT_CAUSE, new Step(AGENT, tn -> Map.of(
        ComplaintProcess.Var.ROOT_CAUSE_ID,
        String.valueOf(fixedRootCauses.get(Math.floorMod(links.getAndIncrement(), fixedRootCauses.size()))),
        ComplaintProcess.Var.ONE_OFF, false)));
    steps.put(ComplaintProcess.Element.REPORT_BACK, new Step(AGENT, tn -> Map.of(
        ComplaintProcess.Var.ANSWER_TEXT, "Your parcel broke in transport; we changed our boxes.")));
    // Taken only when the policies ask: a remedy above the limit, an answer the review policy wants checked.
    steps.put(io.rootfix.remedy.RemedyProcess.Element.APPROVE_REMEDY, new Step(LEAD, tn -> Map.of(
        io.rootfix.remedy.RemedyProcess.Var.REMEDY_APPROVED, true)));
    steps.put(ComplaintProcess.Element.REVIEW_ANSWER, new Step(LEAD, tn -> Map.of(
        ComplaintProcess.Var.ANSWER_APPROVED, "true")));
    steps.put(ComplaintProcess.Element.RECORD_CUSTOMER_CONFIRMATION, new Step(AGENT, tn -> Map.of(
        ComplaintProcess.Var.RESOLVED, "true")));
    steps.put(RootCauseProcess.Element.INVESTIGATE, new Step(LEAD, tn -> Map.of(RootCauseProcess.Var.WILL_FIX, true,
        RootCauseProcess.Var.FIX_DEADLINE, BusinessDay.today().plusDays(14).toString())));
    steps.put(RootCauseProcess.Element.FIX, new Step(LEAD, tn -> Map.of(
        RootCauseProcess.Var.FIX_DESCRIPTION, "Every parcel ships in a double-walled box")));
    steps.put(RootCauseProcess.Element.VERIFY, new Step(SECOND_LEAD, tn -> Map.of(
        RootCauseProcess.Var.FIX_VERIFIED, "true")));
    for (int i = 1; i <= 5; i++) {
      steps.put("Task_Step" + i, new Step(AGENT, tn -> Map.of()));
    }
    return steps;
  }

  /** A process instance in the hands of a worker, and when it last moved on (a task completed). */
  static final class Flight {
    final String instanceId;
    final String key;
    long movedAt = System.nanoTime();

    Flight(String instanceId, String key) {
      this.instanceId = instanceId;
      this.key = key;
    }
  }

  enum Turn { WORKED, WAITING, ENDED }

  /**
   * One turn on an instance as an agent takes it in Tasklist: claim and complete each of its open tasks with
   * the values for the task's key. Without open tasks it has either ended or the job executor is on it.
   */
  private Turn turn(Flight flight, Map<String, Step> steps) {
    TaskService tasks = bean(TaskService.class);
    List<Task> open = tasks.createTaskQuery().processInstanceId(flight.instanceId).list();
    if (open.isEmpty()) {
      if (bean(RuntimeService.class).createProcessInstanceQuery().processInstanceId(flight.instanceId).count() == 0) {
        return Turn.ENDED;
      }
      if (System.nanoTime() - flight.movedAt > Duration.ofMinutes(2).toNanos()) {
        throw new IllegalStateException(flight.key + " has no open task and did not end within 2 minutes");
      }
      return Turn.WAITING;
    }
    for (Task task : open) {
      Step step = steps.get(task.getTaskDefinitionKey());
      if (step == null) {
        throw new IllegalStateException("No benchmark step for task " + task.getTaskDefinitionKey() + " of "
            + flight.key + ": add its form values to Benchmark.steps()");
      }
      // Signed in as the agent, as in Tasklist: the engine checks the person's command and form (ProcessGuard).
      IdentityService identity = bean(IdentityService.class);
      identity.setAuthentication(step.user(), GROUPS.get(step.user()));
      try {
        if (task.getAssignee() == null) {
          tasks.claim(task.getId(), step.user());
        }
        long cpu = THREADS.getCurrentThreadCpuTime();
        tasks.complete(task.getId(), step.variables().apply(flight.key));
        COMPLETION_CPU_NANOS.addAndGet(THREADS.getCurrentThreadCpuTime() - cpu);
        COMPLETIONS.incrementAndGet();
      } finally {
        identity.clearAuthentication();
      }
    }
    flight.movedAt = System.nanoTime();
    return Turn.WORKED;
  }

  /** Drives one process instance to its end, waiting while the job executor works on it. */
  private void drive(String processInstanceId, String businessKey, Map<String, Step> steps) {
    Flight flight = new Flight(processInstanceId, businessKey);
    long wait = 2;
    for (Turn turn = turn(flight, steps); turn != Turn.ENDED; turn = turn(flight, steps)) {
      if (turn == Turn.WAITING) {
        pause(wait);
        wait = Math.min(wait * 2, 64);
      } else {
        wait = 2;
      }
    }
  }

  /**
   * Drives {@code times} instances to their end with {@code workers} threads. Each worker is an agent with up
   * to {@link #IN_FLIGHT} instances on the go: it works on whichever has an open task and does not sit and
   * wait while the job executor works on one (an acknowledgement, a closing), as an agent works down Tasklist.
   * It pauses (backing off, so that asking does not take the CPU the job executor needs) only when none of its
   * instances has a task. Returns the wall time and the business keys of the instances that ended.
   */
  private Run driveMany(int times, int workers, Callable<Flight> start, Map<String, Step> steps) throws Exception {
    AtomicInteger toStart = new AtomicInteger(times);
    List<String> ended = Collections.synchronizedList(new ArrayList<>());
    List<Callable<Void>> agents = new ArrayList<>();
    for (int w = 0; w < workers; w++) {
      agents.add(() -> {
        Deque<Flight> mine = new ArrayDeque<>();
        long wait = 2;
        while (true) {
          while (mine.size() < IN_FLIGHT && toStart.getAndDecrement() > 0) {
            mine.add(start.call());
          }
          if (mine.isEmpty()) {
            return null;
          }
          boolean moved = false;
          for (int i = mine.size(); i > 0; i--) {
            Flight flight = mine.poll();
            Turn turn = turn(flight, steps);
            if (turn == Turn.ENDED) {
              ended.add(flight.key);
            } else {
              mine.add(flight);
            }
            moved |= turn != Turn.WAITING;
          }
          if (moved) {
            wait = 2;
          } else {
            pause(wait);
            wait = Math.min(wait * 2, 64);
          }
        }
      });
    }
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    long began = System.nanoTime();
    try {
      for (Future<Void> future : pool.invokeAll(agents)) {
        future.get();
      }
    } finally {
      pool.shutdownNow();
    }
    return new Run(System.nanoTime() - began, ended);
  }

  private void lifecycle() throws Exception {
    section("Lifecycle throughput: " + LIFECYCLE + " complaints and " + LIFECYCLE + " baseline instances, "
        + WORKERS + " worker threads");
    bean(RepositoryService.class).createDeployment().name("bench-baseline")
        .addClasspathResource("bench/baseline.bpmn").deploy();
    List<Long> rootCauses = fixedRootCauses();
    Map<String, Step> steps = steps(rootCauses);
    RuntimeService runtime = bean(RuntimeService.class);
    Callable<Flight> complaint = complaintIntake();
    AtomicInteger baselineKeys = new AtomicInteger();
    Callable<Flight> baseline = () -> {
      String key = "BASE-" + baselineKeys.incrementAndGet();
      return new Flight(runtime.startProcessInstanceByKey("bench-baseline", key).getId(), key);
    };
    int warmup = Math.min(100, Math.max(10, LIFECYCLE / 20));
    driveMany(warmup, WORKERS, baseline, steps);
    driveMany(warmup, WORKERS, complaint, steps);

    long baselineNanos = driveMany(LIFECYCLE, WORKERS, baseline, steps).nanos();
    long sizeBefore = database.size(bean(JdbcTemplate.class));
    Map<String, Long> tablesBefore = database.tableSizes(bean(JdbcTemplate.class));
    COMPLETION_CPU_NANOS.set(0);
    COMPLETIONS.set(0);
    Run rootfix = driveMany(LIFECYCLE, WORKERS, complaint, steps);
    double cpuPerCompletion = COMPLETION_CPU_NANOS.get() / 1e6 / Math.max(1, COMPLETIONS.get());
    awaitJobsDone();
    long sizeAfter = database.size(bean(JdbcTemplate.class));
    Map<String, Long> tablesAfter = database.tableSizes(bean(JdbcTemplate.class));
    closedTrackingNumbers.addAll(rootfix.results());

    long closed = bean(JdbcTemplate.class).queryForObject(
        "select count(*) from complaint where state = 'CLOSED' and tracking_number in ("
            + String.join(",", Collections.nCopies(Math.min(rootfix.results().size(), 1000), "?")) + ")",
        Long.class, rootfix.results().subList(0, Math.min(rootfix.results().size(), 1000)).toArray());
    if (closed != Math.min(rootfix.results().size(), 1000)) {
      throw new IllegalStateException("Only " + closed + " of the sampled complaints are closed");
    }
    double rootfixRate = LIFECYCLE / seconds(rootfix.nanos());
    double baselineRate = LIFECYCLE / seconds(baselineNanos);
    results.put("lifecycle", ordered("complaints", LIFECYCLE, "workers", WORKERS, "inFlightPerWorker", IN_FLIGHT,
        "userTasksPerComplaint", 5,
        "rootfixPerSecond", round(rootfixRate), "baselinePerSecond", round(baselineRate),
        "ratio", round(rootfixRate / baselineRate), "target", ">= 0.6",
        "rootfixSeconds", round(seconds(rootfix.nanos())), "baselineSeconds", round(seconds(baselineNanos))));
    row("Lifecycle, Rootfix", "%.1f complaints/s".formatted(rootfixRate), "");
    row("Lifecycle, baseline", "%.1f instances/s".formatted(baselineRate), "");
    row("Lifecycle ratio Rootfix/baseline", "%.2f".formatted(rootfixRate / baselineRate), ">= 0.6");
    results.put("taskCompletionCpuMillis", round(cpuPerCompletion));
    row("Task completion as a signed-in agent, CPU per task", "%.2f ms".formatted(cpuPerCompletion), "");
    double perThousand = (sizeAfter - sizeBefore) / (double) LIFECYCLE * 1000 / (1024 * 1024);
    results.put("databaseMiBPer1000Closed", round(perThousand));
    row("Database size per 1,000 closed complaints", "%.1f MiB".formatted(perThousand), "");
    tableGrowth(tablesBefore, tablesAfter);
  }

  /**
   * Where the growth went, per 1,000 closed complaints and table (with its indexes). What a closed complaint keeps
   * is in the history's and Rootfix's tables; the engine's runtime tables (ACT_RU_*) only churn: their rows are
   * deleted as the complaints close, and the space waits for a vacuum (PostgreSQL) or a compaction (H2) to be
   * reused, so their growth over a short run is not what a year of complaints adds.
   */
  private void tableGrowth(Map<String, Long> before, Map<String, Long> after) {
    double perComplaint = 1000.0 / LIFECYCLE / (1024 * 1024);
    Map<String, Object> byTable = new LinkedHashMap<>();
    long kept = 0;
    long runtime = 0;
    List<Map.Entry<String, Long>> growth = after.entrySet().stream()
        .map(table -> Map.entry(table.getKey(), table.getValue() - before.getOrDefault(table.getKey(), 0L)))
        .filter(table -> table.getValue() != 0)
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .toList();
    for (Map.Entry<String, Long> table : growth) {
      if (table.getKey().startsWith("act_ru_")) {
        runtime += table.getValue();
      } else {
        kept += table.getValue();
      }
      byTable.put(table.getKey(), round(table.getValue() * perComplaint));
    }
    results.put("tablesMiBPer1000Closed", byTable);
    results.put("keptMiBPer1000Closed", round(kept * perComplaint));
    results.put("runtimeTablesMiBPer1000Closed", round(runtime * perComplaint));
    row("Tables of history and Rootfix per 1,000 closed complaints", "%.1f MiB".formatted(kept * perComplaint), "");
    row("Runtime tables' churn per 1,000 closed complaints", "%.1f MiB".formatted(runtime * perComplaint), "");
    growth.stream().limit(12).forEach(table -> row("  " + table.getKey(),
        "%.2f MiB".formatted(table.getValue() * perComplaint), ""));
  }

  private final List<String> closedTrackingNumbers = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger customers = new AtomicInteger(1_000_000);

  /** A new customer's complaint through the Java intake, in the hands of a worker. */
  private Callable<Flight> complaintIntake() {
    ComplaintApi api = bean(ComplaintApi.class);
    RuntimeService runtime = bean(RuntimeService.class);
    return () -> {
      int n = customers.incrementAndGet();
      String trackingNumber = api.receive(intakeForm(n, "delivery")).trackingNumber();
      String instanceId = runtime.createProcessInstanceQuery().processInstanceBusinessKey(trackingNumber)
          .processDefinitionKey(ComplaintProcess.KEY).singleResult().getId();
      return new Flight(instanceId, trackingNumber);
    };
  }

  // --- history cleanup -------------------------------------------------------------------------------------

  /** The engine's history tables the cleanup empties, counted before and after. */
  private static final List<String> HISTORY_TABLES = List.of("ACT_HI_PROCINST", "ACT_HI_ACTINST", "ACT_HI_TASKINST",
      "ACT_HI_VARINST", "ACT_HI_DETAIL", "ACT_HI_JOB_LOG", "ACT_HI_DECINST", "ACT_HI_DEC_IN", "ACT_HI_DEC_OUT",
      "ACT_HI_OP_LOG", "ACT_HI_IDENTITYLINK", "ACT_GE_BYTEARRAY");

  /**
   * History that stays at a steady state (issue 23): complaints closed with a history time to live of one day
   * (set for this run, with a day's margin), the engine clock moved three days on, the engine's own history cleanup
   * started as its nightly window would and waited for until no history past its removal time is left. Counts every history
   * table and the database's size after each round; a second round shows whether the freed space is reused.
   */
  private void historyCleanup() throws Exception {
    section("History cleanup: " + CLEANUP_ROUNDS + " round(s) of " + CLEANUP
        + " complaints closed with a time to live of 1 day and a margin of 1, aged 3 days, cleaned up");
    JdbcTemplate jdbc = bean(JdbcTemplate.class);
    HistoryService history = bean(HistoryService.class);
    Map<String, Step> steps = steps(fixedRootCauses());
    awaitJobsDone();
    List<Object> rounds = new ArrayList<>();
    Map<String, Long> start = historyRows(jdbc);
    long startSize = database.size(jdbc);
    row("History rows before, database size", "%,d rows, %.1f MiB".formatted(total(start), mib(startSize)), "");
    for (int round = 1; round <= CLEANUP_ROUNDS; round++) {
      Run run = driveMany(CLEANUP, WORKERS, complaintIntake(), steps);
      awaitJobsDone();
      Map<String, Long> loaded = historyRows(jdbc);
      long loadedSize = database.size(jdbc);
      long loadedLive = database.liveSize(jdbc);
      ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(3))));
      long began = System.nanoTime();
      history.cleanUpHistoryAsync(true);
      long deadline = System.nanoTime() + Duration.ofMinutes(60).toNanos();
      while (pastRemoval(jdbc) > 0) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("History past its removal time still there after 60 minutes");
        }
        pause(500);
      }
      double cleanupSeconds = seconds(System.nanoTime() - began);
      Map<String, Long> cleaned = historyRows(jdbc);
      long cleanedSize = database.size(jdbc);
      long cleanedLive = database.liveSize(jdbc);
      rounds.add(ordered("complaints", run.results().size(), "historyRowsLoaded", loaded, "historyRowsAfterCleanup",
          cleaned, "databaseMiBLoaded", round(mib(loadedSize)), "databaseMiBAfterCleanup", round(mib(cleanedSize)),
          "liveMiBLoaded", round(mib(loadedLive)), "liveMiBAfterCleanup", round(mib(cleanedLive)),
          "cleanupSeconds", round(cleanupSeconds)));
      row("Round " + round + ": history rows closed / after cleanup", "%,d / %,d".formatted(total(loaded),
          total(cleaned)), "");
      row("Round " + round + ": database file closed / after cleanup", "%.1f / %.1f MiB".formatted(mib(loadedSize),
          mib(cleanedSize)), "steady");
      row("Round " + round + ": live tables closed / after cleanup", "%.1f / %.1f MiB".formatted(mib(loadedLive),
          mib(cleanedLive)), "");
      row("Round " + round + ": cleanup took", "%.1f s (%,d rows/s)".formatted(cleanupSeconds,
          Math.round((total(loaded) - total(cleaned)) / cleanupSeconds)), "");
    }
    results.put("historyCleanup", ordered("complaintsPerRound", CLEANUP, "timeToLive", "P1D",
        "historyRowsBefore", start, "databaseMiBBefore", round(mib(startSize)), "rounds", rounds));
    ClockUtil.reset();
  }

  /** History rows whose removal time has passed on the engine clock: what the cleanup still has to do. */
  private static long pastRemoval(JdbcTemplate jdbc) {
    Date now = ClockUtil.getCurrentTime();
    return jdbc.queryForObject("select count(*) from ACT_HI_PROCINST where REMOVAL_TIME_ <= ?", Long.class, now)
        + jdbc.queryForObject("select count(*) from ACT_HI_DETAIL where REMOVAL_TIME_ <= ?", Long.class, now)
        + jdbc.queryForObject("select count(*) from ACT_HI_ACTINST where REMOVAL_TIME_ <= ?", Long.class, now);
  }

  private static Map<String, Long> historyRows(JdbcTemplate jdbc) {
    Map<String, Long> rows = new LinkedHashMap<>();
    HISTORY_TABLES.forEach(table -> rows.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class)));
    return rows;
  }

  private static long total(Map<String, Long> rows) {
    return rows.values().stream().mapToLong(Long::longValue).sum();
  }

  private static double mib(long bytes) {
    return bytes / (1024.0 * 1024.0);
  }

  /** A few root causes, investigated, fixed and verified before the clock starts. */
  private List<Long> fixedRootCauses() {
    RootCauseService rootCauses = bean(RootCauseService.class);
    TransactionTemplate tx = new TransactionTemplate(bean(PlatformTransactionManager.class));
    Map<String, Step> steps = steps(List.of(0L));
    List<Long> ids = new ArrayList<>();
    for (int i = 1; i <= ROOT_CAUSES; i++) {
      int n = i;
      RootCause cause = tx.execute(s -> rootCauses.report("Weak packaging " + n,
          "Parcels of type " + n + " are packed without corner protection", "delivery", null, LEAD));
      drive(cause.getProcessInstanceId(), "RC-" + cause.getId(), steps);
      ids.add(cause.getId());
    }
    return ids;
  }

  private static IntakeForm intakeForm(int customer, String category) {
    return intakeForm(customer, category, "web");
  }

  private static IntakeForm intakeForm(int customer, String category, String channel) {
    return new IntakeForm("Customer " + customer, "bench." + customer + "@example.com",
        "+31 6 3%07d".formatted(customer), null, null, channel, category,
        "The parcel arrived broken, for the second time.", "replacement", null, null, null, null, null, null);
  }

  // --- 2. intake API ---------------------------------------------------------------------------------------

  // --- decisions -------------------------------------------------------------------------------------------

  /**
   * CPU per evaluation of each decision table, with the inputs the process gives it: what the FEEL engine costs
   * on every intake, review and reason list (run with two feel-engine versions to compare them).
   */
  private void decisions() {
    section("Decisions: CPU per evaluation, " + DECISION_EVALUATIONS + " evaluations each after as many to warm up");
    var decisions = app.getBean(org.camunda.bpm.engine.DecisionService.class);
    Map<String, Map<String, Object>> inputs = new LinkedHashMap<>();
    inputs.put("answer-deadline", Map.of("category", "delivery", "channel", "web"));
    Map<String, Object> review = new java.util.HashMap<>();
    review.put("category", "product");
    review.put("severity", "critical");
    review.put("remedyAmount", 120.0);
    review.put("reopenCount", 1);
    review.put("draftedByGroups", "service-agents");
    inputs.put("answer-review", review);
    inputs.put("controlled-reasons", Map.of("step", "Task_RecordConfirmation"));
    inputs.put("remedy-policy", Map.of("desiredOutcome", "refund", "category", "product", "claimedAmount", 80.0,
        "remediesLast12Months", 1, "remedyTotalLast12Months", 40.0));
    // A plain DMN engine with the same (FEEL) defaults: the engine's own records history, which needs a command.
    var dmnEngine = org.camunda.bpm.dmn.engine.DmnEngineConfiguration.createDefaultDmnEngineConfiguration()
        .buildEngine();
    RepositoryService repository = bean(RepositoryService.class);
    Map<String, Object> perDecision = new LinkedHashMap<>();
    for (Map.Entry<String, Map<String, Object>> decision : inputs.entrySet()) {
      // Through the engine (a command, its authorisation and the decision's history rows) and the table alone
      // (the DMN engine with its FEEL evaluations): the second is what the FEEL engine's version changes.
      String definitionId = repository.createDecisionDefinitionQuery().decisionDefinitionKey(decision.getKey())
          .latestVersion().singleResult().getId();
      var table = dmnEngine.parseDecision(decision.getKey(), repository.getDecisionModel(definitionId));
      double engine = cpuMicrosPerRun(() -> decisions.evaluateDecisionTableByKey(decision.getKey())
          .variables(decision.getValue()).evaluate());
      double alone = cpuMicrosPerRun(() -> dmnEngine.evaluateDecisionTable(table, decision.getValue()));
      perDecision.put(decision.getKey(), ordered("throughEngine", round(engine), "tableAlone", round(alone)));
      row("Decision " + decision.getKey() + ", CPU per evaluation through the engine / table alone (µs)",
          round(engine) + " / " + round(alone), "");
    }
    // The jar's name says the version: the shaded jar's manifest carries none.
    String feel = Path.of(org.camunda.feel.FeelEngine.class.getProtectionDomain().getCodeSource().getLocation()
        .getPath()).getFileName().toString();
    System.out.println("  " + feel);
    results.put("decisions", ordered("feelEngine", String.valueOf(feel), "cpuMicrosPerEvaluation", perDecision));
  }

  /** CPU of one run on this thread, in microseconds, after as many runs to warm up. */
  private static double cpuMicrosPerRun(Runnable work) {
    for (int i = 0; i < DECISION_EVALUATIONS; i++) {
      work.run();
    }
    long cpu = THREADS.getCurrentThreadCpuTime();
    for (int i = 0; i < DECISION_EVALUATIONS; i++) {
      work.run();
    }
    return (THREADS.getCurrentThreadCpuTime() - cpu) / 1000.0 / DECISION_EVALUATIONS;
  }

  private void intake() throws Exception {
    section("Intake API: " + INTAKE_CLIENTS + " concurrent HTTP clients posting complaints, " + INTAKE_SECONDS
        + " s each");
    int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    URI uri = URI.create("http://localhost:" + port + "/api/complaints");
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
    AtomicInteger customers = new AtomicInteger(2_000_000);
    AtomicLong failures = new AtomicLong();
    BiFunction<Integer, Long, List<Long>> load = (clientCount, seconds) -> {
      long until = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
      List<Callable<List<Long>>> clients = new ArrayList<>();
      for (int c = 0; c < clientCount; c++) {
        clients.add(() -> {
          List<Long> latencies = new ArrayList<>();
          while (System.nanoTime() < until) {
            int n = customers.incrementAndGet();
            String body = """
                {"customerName": "Customer %d", "customerEmail": "bench.%d@example.com", "customerPhone": "+31 6 3%07d",
                 "channel": "web", "category": "product", "description": "The kettle stopped working after a week.",
                 "desiredOutcome": "repair"}""".formatted(n, n, n);
            HttpRequest request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
            long start = System.nanoTime();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            long took = System.nanoTime() - start;
            if (response.statusCode() != 201) {
              if (failures.incrementAndGet() == 1) {
                System.err.println("Intake answered " + response.statusCode() + ": " + response.body());
              }
            } else {
              latencies.add(took);
            }
          }
          return latencies;
        });
      }
      try {
        ExecutorService pool = Executors.newFixedThreadPool(clientCount);
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> future : pool.invokeAll(clients)) {
          all.addAll(future.get());
        }
        pool.shutdown();
        return all;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    };
    List<Integer> clientCounts = Arrays.stream(INTAKE_CLIENTS.split(",")).map(String::trim).map(Integer::valueOf).toList();
    // Warm-up, not counted: half the measuring time, so that the first client count is not measured while the
    // JIT is still compiling the HTTP path (with 5 s, one client came out slower than two).
    load.apply(clientCounts.get(clientCounts.size() - 1), Math.max(5L, INTAKE_SECONDS / 2));
    List<Map<String, Object>> levels = new ArrayList<>();
    Map<String, Object> best = null;
    for (int clients : clientCounts) {
      failures.set(0);
      List<Long> latencies = load.apply(clients, (long) INTAKE_SECONDS);
      if (failures.get() > 0) {
        throw new IllegalStateException(failures.get() + " intake requests failed");
      }
      Collections.sort(latencies);
      double perSecond = latencies.size() / (double) INTAKE_SECONDS;
      double p99 = millis(percentile(latencies, 99));
      Map<String, Object> level = ordered("clients", clients, "seconds", INTAKE_SECONDS, "requests", latencies.size(),
          "perSecond", round(perSecond), "p50Ms", millis(percentile(latencies, 50)),
          "p95Ms", millis(percentile(latencies, 95)), "p99Ms", p99);
      levels.add(level);
      if (p99 < 50 && (best == null || perSecond > (double) best.get("perSecond"))) {
        best = level;
      }
      row("Intake, %d client%s: throughput".formatted(clients, clients == 1 ? "" : "s"),
          "%.1f req/s".formatted(perSecond), "");
      row("Intake, %d client%s: p50 / p95 / p99".formatted(clients, clients == 1 ? "" : "s"),
          "%.1f / %.1f / %.1f ms".formatted(millis(percentile(latencies, 50)), millis(percentile(latencies, 95)), p99),
          "p99 < 50 ms");
    }
    results.put("intake", ordered("levels", levels, "targetP99Ms", 50,
        "highestThroughputWithP99Under50Ms", best == null ? "none" : best));
    row("Intake, highest throughput with p99 < 50 ms",
        best == null ? "none" : "%s req/s (%s clients)".formatted(best.get("perSecond"), best.get("clients")), "");
  }

  // --- 3. timer storm --------------------------------------------------------------------------------------

  private void timerStorm() throws Exception {
    section("Timer storm: " + STORM + " promises due at the same moment");
    JdbcTemplate jdbc = bean(JdbcTemplate.class);
    List<Map<String, Object>> complaints = jdbc.queryForList(
        "select id, tracking_number from complaint where state <> 'CLOSED' order by id desc");
    if (complaints.size() < STORM) {
      System.out.printf("  (only %d open complaints: some get more than one promise)%n", complaints.size());
      for (int i = 0; i < 100; i++) {
        bean(ComplaintApi.class).receive(intakeForm(3_000_000 + i, "billing"));
      }
      complaints = jdbc.queryForList("select id, tracking_number from complaint where state <> 'CLOSED' order by id");
    }
    List<Map<String, Object>> onto = complaints;
    io.rootfix.complaint.ComplaintService service = bean(io.rootfix.complaint.ComplaintService.class);
    // Two hours ahead: the watch reminds half-way and opens the renegotiation a quarter before the deadline. Not
    // days: moving the clock that far would also fire the open complaints' own timers, which is another storm.
    Instant dueAt = Instant.now().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MINUTES);
    TransactionTemplate tx = new TransactionTemplate(bean(PlatformTransactionManager.class));
    AtomicInteger next = new AtomicInteger();
    long made = System.nanoTime();
    runConcurrently(LOADERS, LOADERS, () -> {
      for (int from = next.getAndAdd(BATCH); from < STORM; from = next.getAndAdd(BATCH)) {
        int start = from;
        tx.executeWithoutResult(s -> {
          for (int i = start; i < Math.min(start + BATCH, STORM); i++) {
            Map<String, Object> complaint = onto.get(i % onto.size());
            service.makePromise(((Number) complaint.get("id")).longValue(), PromiseType.CALLBACK,
                "We call you back about the storm", null, dueAt, AGENT);
          }
        });
      }
      return null;
    });
    System.out.printf("  %d promises made in %.1f s%n", STORM, seconds(System.nanoTime() - made));
    awaitJobsDone();
    // The timers of the promise made last, the latest of each kind (the less time is left, the later they come).
    PromisePolicy.Timers timers = bean(PromisePolicy.class).timersFor(Instant.now(), dueAt);

    // The watch acts three times, each at its own moment: the reminders, then the renegotiation tasks, then
    // the deadline (promise broken, escalation). Each is a storm of STORM jobs; the target is the last.
    TaskService tasks = bean(TaskService.class);
    Map<String, Object> phases = new LinkedHashMap<>();
    var jobs = bean(org.camunda.bpm.engine.ManagementService.class);
    long waitingToRenegotiate = jobs.createJobQuery().activityId(PromiseProcess.Element.RENEGOTIATE_IN_TIME_TIMER).count();
    phases.put("reminders", stormPhase("reminders", timers.remindAt(), () -> jobs.createJobQuery()
        .activityId(PromiseProcess.Element.RENEGOTIATE_IN_TIME_TIMER).count() - waitingToRenegotiate >= STORM));
    long renegotiating = tasks.createTaskQuery().taskDefinitionKey(PromiseProcess.Element.RENEGOTIATE_IN_TIME).count();
    phases.put("renegotiations", stormPhase("renegotiation tasks", timers.renegotiateAt(),
        () -> tasks.createTaskQuery().taskDefinitionKey(PromiseProcess.Element.RENEGOTIATE_IN_TIME).count()
            - renegotiating >= STORM));
    long escalatedBefore = tasks.createTaskQuery().taskDefinitionKey(PromiseProcess.Element.ESCALATE).count();
    Map<String, Object> deadline = stormPhase("deadline: promise broken, escalation", timers.dueAt(),
        () -> tasks.createTaskQuery().taskDefinitionKey(PromiseProcess.Element.ESCALATE).count() - escalatedBefore
            >= STORM);
    phases.put("deadline", deadline);
    ClockUtil.reset();
    results.put("timerStorm", ordered("promises", STORM, "secondsUntilAllEscalated", deadline.get("seconds"),
        "jobsPerSecond", deadline.get("jobsPerSecond"), "targetSeconds", 30, "phases", phases));
    // Issue #23's target for 10,000 promises at 100,000 open complaints (it was 60 s before).
    row("Timer storm, deadline: all escalated after", "%s s".formatted(deadline.get("seconds")), "<= 30 s");
  }

  /**
   * Moves the engine clock a minute past {@code at}, wakes the job executor and waits until {@code done}; returns
   * the seconds that took and the jobs that ran (successful jobs in the history's job log).
   */
  private Map<String, Object> stormPhase(String name, Instant at, Callable<Boolean> done) throws Exception {
    HistoryService history = bean(HistoryService.class);
    long jobsBefore = history.createHistoricJobLogQuery().successLog().count();
    long start = System.nanoTime();
    ClockUtil.offset(Duration.between(Instant.now(), at.plusSeconds(60)).toMillis());
    bean(ProcessEngineConfigurationImpl.class).getJobExecutor().jobWasAdded();
    while (!done.call()) {
      // Each check counts tasks or jobs by key, which reads the whole table (no index on the key): asked every
      // second, not more often, so that measuring does not take the CPU the job executor needs.
      pause(1000);
      if (seconds(System.nanoTime() - start) > 1800) {
        throw new IllegalStateException("Timer storm, " + name + ": not done after 30 minutes");
      }
    }
    double took = seconds(System.nanoTime() - start);
    long jobs = history.createHistoricJobLogQuery().successLog().count() - jobsBefore;
    row("Timer storm, " + name, "%.1f s, %d jobs, %.0f jobs/s".formatted(took, jobs, jobs / took), "");
    return ordered("seconds", round(took), "jobs", jobs, "jobsPerSecond", round(jobs / took));
  }

  // --- 4. big database and 5. memory -----------------------------------------------------------------------

  private void bigDatabase() throws Exception {
    section("Big database: " + BIG + " open complaints, " + LOADERS + " loaders, batches of " + BATCH);
    ComplaintApi api = bean(ComplaintApi.class);
    TaskService tasks = bean(TaskService.class);
    RuntimeService runtime = bean(RuntimeService.class);
    TransactionTemplate tx = new TransactionTemplate(bean(PlatformTransactionManager.class));
    String[] categories = {"delivery", "product", "billing", "service", "other"};
    if (!List.of("category", "category-channel", "none").contains(QUEUES)) {
      throw new IllegalArgumentException("bench.queues must be category, category-channel or none, not " + QUEUES);
    }
    if (QUEUED) {
      routeToQueues(categories);
    }
    AtomicInteger next = new AtomicInteger();
    long loadStart = System.nanoTime();
    AtomicLong lastReport = new AtomicLong(System.nanoTime());
    runConcurrently(LOADERS, LOADERS, () -> {
      Random random = new Random();
      for (int from = next.getAndAdd(BATCH); from < BIG; from = next.getAndAdd(BATCH)) {
        int start = from;
        tx.executeWithoutResult(s -> {
          for (int i = start; i < Math.min(start + BATCH, BIG); i++) {
            // Five complaints per customer, one per category, so each is a matter of its own.
            int customer = i / 5;
            String channel = CHANNELS[customer % CHANNELS.length];
            String trackingNumber = api.receive(intakeForm(4_000_000 + customer, categories[i % 5], channel))
                .trackingNumber();
            // Every n-th customer's five complaints are agreed, so that agreed complaints (and their promises) are
            // in every category and so in every queue, not all in one.
            if (AGREED_EVERY > 0 && customer % AGREED_EVERY == 0) {
              Task agree = tasks.createTaskQuery().processInstanceBusinessKey(trackingNumber)
                  .taskDefinitionKey(ComplaintProcess.Element.AGREE_EXPECTATION).singleResult();
              tasks.claim(agree.getId(), owner(customer / AGREED_EVERY, queueOf(categories[i % 5], channel)));
              tasks.complete(agree.getId(), Map.of(ComplaintProcess.Var.DESIRED_OUTCOME, "refund",
                  ComplaintProcess.Var.AGREED_ANSWER_DATE, BusinessDay.today().plusDays(10 + random.nextInt(60)).toString(),
                  ComplaintProcess.Var.CONTACT_PREFERENCE, "email"));
            }
          }
        });
        long now = System.nanoTime();
        long last = lastReport.get();
        if (now - last > Duration.ofSeconds(30).toNanos() && lastReport.compareAndSet(last, now)) {
          System.out.printf("  %d loaded after %.0f s%n", Math.min(next.get(), BIG), seconds(now - loadStart));
        }
      }
      return null;
    });
    awaitJobsDone();
    double loadSeconds = seconds(System.nanoTime() - loadStart);
    long open = runtime.createProcessInstanceQuery().processDefinitionKey(ComplaintProcess.KEY).active().count();
    System.out.printf("  loaded in %.0f s (%.0f complaints/s); %d open complaint processes%n", loadSeconds,
        BIG / loadSeconds, open);
    results.put("bigDatabase", ordered("complaintsLoaded", BIG, "loadSeconds", round(loadSeconds),
        "loadPerSecond", round(BIG / loadSeconds), "openComplaintProcesses", open,
        "openTasks", tasks.createTaskQuery().count(),
        "openPromises", bean(JdbcTemplate.class).queryForObject(
            "select count(*) from promise where state = 'OPEN'", Long.class)));
    row("Big database, loaded", "%d complaints in %.0f s".formatted(BIG, loadSeconds), "");
    row("Big database, routed", QUEUED ? "a queue per " + QUEUES + "; the agents measured work " + AGENTS_QUEUE
        : "one queue: every complaint offered to service-agents", "");
    results.put("queues", QUEUES);
    queries();
    if (QUEUED) {
      routeToTheWholeTeam();
    }
    memory();
  }

  /**
   * Who agrees a loaded complaint and so owns it: with queues an agent of its queue (the two measured agents share
   * theirs, an agent per other queue the rest), as a team would; without, the two measured agents by turns.
   */
  private static String owner(int nth, String queue) {
    if (QUEUED && !AGENTS_QUEUE.equals(queue)) {
      return "agent-" + queue;
    }
    return nth % 2 == 0 ? AGENT : "noor";
  }

  /** The queue a loaded complaint is routed to (bench.queues). */
  private static String queueOf(String category, String channel) {
    return switch (QUEUES) {
      case "category" -> Groups.QUEUE_PREFIX + category;
      case "category-channel" -> Groups.QUEUE_PREFIX + category + "-" + channel;
      default -> ComplaintProcess.AGENTS;
    };
  }

  /**
   * What a process owner does for a team per category (and channel): a group for each queue, its agents in it (the
   * two measured agents in theirs, a team lead in all), and a version of routing.dmn with a rule per queue (its
   * category and channel) above the shipped category rules.
   */
  private void routeToQueues(String[] categories) throws Exception {
    IdentityService identity = bean(IdentityService.class);
    String routing = shippedRouting();
    StringBuilder rules = new StringBuilder();
    for (String category : categories) {
      for (String channel : CHANNELS) {
        String queue = queueOf(category, channel);
        identity.saveGroup(identity.newGroup(queue));
        // The team lead is in every queue: their Tasklist spans the whole backlog, the baseline in the same run.
        for (String member : queue.equals(AGENTS_QUEUE) ? List.of(AGENT, "noor", LEAD) : List.of(LEAD)) {
          identity.createMembership(member, queue);
        }
        String id = "Rule_Bench_" + category + "_" + channel;
        rules.append("""
                  <rule id="%1$s">
                    <inputEntry id="%1$s_Category"><text>"%2$s"</text></inputEntry>
                    <inputEntry id="%1$s_Channel"><text>"%3$s"</text></inputEntry>
                    <outputEntry id="%1$s_Queue"><text>"%4$s"</text></outputEntry>
                  </rule>
            """.formatted(id, category, channel, queue));
      }
    }
    String first = "<rule id=\"Rule_Delivery\">";
    if (!routing.contains(first)) {
      throw new IllegalStateException("routing.dmn has no rule Rule_Delivery to put the queues' rules above");
    }
    routing = routing.replace(first, rules + first);
    bean(RepositoryService.class).createDeployment().name("bench-routing").addString("routing.dmn", routing).deploy();
  }

  /** Back to the shipped routing for the phases after the big database, which work as agents of the whole team. */
  private void routeToTheWholeTeam() throws Exception {
    bean(RepositoryService.class).createDeployment().name("bench-routing-shipped")
        .addString("routing.dmn", shippedRouting()).deploy();
  }

  private static String shippedRouting() throws Exception {
    try (var in = Benchmark.class.getClassLoader().getResourceAsStream(ComplaintProcess.ROUTING_DECISION)) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  private void queries() throws Exception {
    FilterService filters = bean(FilterService.class);
    SignIn signIn = SignIn.of(bean(IdentityService.class), AGENT, "noor", LEAD);
    RuntimeService runtime = bean(RuntimeService.class);
    PromiseService promises = bean(PromiseService.class);
    AuditTrail audit = bean(AuditTrail.class);
    EntityManagerFactory emf = bean(EntityManagerFactory.class);
    JdbcTemplate jdbc = bean(JdbcTemplate.class);
    Filter dueSoonest = filters.createFilterQuery().filterName("Due soonest").singleResult();
    List<Long> customers = jdbc.queryForList("select distinct customer_id from complaint", Long.class);
    List<String> audited = closedTrackingNumbers.isEmpty()
        ? jdbc.queryForList("select tracking_number from complaint", String.class)
        : new ArrayList<>(closedTrackingNumbers);
    // The filter's columns, as Tasklist reads them from its properties.
    @SuppressWarnings("unchecked")
    String[] columns = ((List<Map<String, Object>>) dueSoonest.getProperties().get("variables")).stream()
        .map(column -> (String) column.get("name")).toArray(String[]::new);

    Map<String, Object> measured = new LinkedHashMap<>();
    // As Tasklist asks it: the shared filter, as a service agent, with the columns' variables of the page, fetched
    // the way Camunda's REST API embeds them (FilterResourceImpl: by the tasks', executions' and instances' ids as
    // variable scopes, not by process instance).
    Callable<Integer> asTasklistAsks = () -> {
      List<Task> page = filters.listPage(dueSoonest.getId(), 0, 15);
      filters.count(dueSoonest.getId());
      columnVariables(runtime, page, columns);
      return page.size();
    };
    Callable<Integer> tasklist = () -> signIn.asAgent(asTasklistAsks);
    measured.put("tasklistDueSoonest", measure("Tasklist: a group's tasks (first 15 + count)", tasklist));
    List<Task> firstPage = signIn.asAgent(() -> filters.listPage(dueSoonest.getId(), 0, 15));
    measured.put("tasklistDueSoonestVariables", measure("Tasklist: the page's column variables alone",
        () -> signIn.asAgent(() -> columnVariables(runtime, firstPage, columns))));
    // The same filter's two statements apart, so a figure says which of them a change to Tasklist must make cheaper.
    measured.put("tasklistDueSoonestPage", measure("Tasklist: the first 15 alone",
        () -> signIn.asAgent(() -> filters.listPage(dueSoonest.getId(), 0, 15).size())));
    measured.put("tasklistDueSoonestCount", measure("Tasklist: the count alone",
        () -> signIn.asAgent(() -> Math.toIntExact(filters.count(dueSoonest.getId())))));
    // Once more after its parts: the first figure is taken right after the load, while the database may still be
    // tidying up behind it (H2's compaction), so the two together show how much of it was the load's aftermath.
    measured.put("tasklistDueSoonestAgain", measure("Tasklist: a group's tasks again, after its parts", tasklist));
    if (QUEUED) {
      measured.put("tasklistDueSoonestEveryQueue", measure("Tasklist: the same for someone in every queue",
          () -> signIn.as(LEAD, asTasklistAsks)));
    }
    if (EXPLAIN) {
      // What the two statements' cost grows with: the database's plans for them, as the agent and for everyone.
      explain("Tasklist's statements for an agent", () -> signIn.asAgent(asTasklistAsks));
      if (QUEUED) {
        explain("Tasklist's statements for someone in every queue", () -> signIn.as(LEAD, asTasklistAsks));
      }
    }
    measured.put("openPromisesNearestDeadline", measure("Open promises nearest their deadline",
        () -> promises.openDueBefore(null, 100).size()));
    measured.put("customerHistory", measure("A customer's history", () -> {
      EntityManager em = emf.createEntityManager();
      try {
        Long customer = customers.get(ThreadLocalRandom.current().nextInt(customers.size()));
        return em.createQuery("select c from Complaint c where c.customer.id = :customer order by c.createdAt desc",
            io.rootfix.complaint.Complaint.class).setParameter("customer", customer).getResultList().size();
      } finally {
        em.close();
      }
    }));
    measured.put("auditTrail", measure("One complaint's audit trail",
        () -> audit.of(audited.get(ThreadLocalRandom.current().nextInt(audited.size()))).size()));
    results.put("queries", measured);
  }

  private void explain(String what, Callable<?> work) {
    System.out.println("  Query plans: " + what);
    for (String plan : QueryPlans.of(bean(JdbcTemplate.class), DB,
        "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity", work)) {
      System.out.println(plan.indent(4));
    }
  }

  /** The variables Tasklist shows on the page's cards, queried as Camunda's REST API does for a filter's list. */
  private static int columnVariables(RuntimeService runtime, List<Task> page, String[] columns) {
    Set<String> scopes = new LinkedHashSet<>();
    for (Task task : page) {
      scopes.add(task.getId());
      scopes.add(task.getExecutionId());
      scopes.add(task.getProcessInstanceId());
    }
    scopes.remove(null);
    if (scopes.isEmpty() || columns.length == 0) {
      return 0;
    }
    return runtime.createVariableInstanceQuery().disableBinaryFetching().disableCustomObjectDeserialization()
        .variableNameIn(columns).variableScopeIdIn(scopes.toArray(String[]::new)).list().size();
  }

  /**
   * Queries run signed in as the web apps sign a person in: with the groups the identity gives them (their queues
   * too), looked up once at sign-in and kept, not on every request, so the timed queries are the query alone.
   */
  private record SignIn(IdentityService identity, Map<String, List<String>> groups) {

    static SignIn of(IdentityService identity, String... users) {
      Map<String, List<String>> groups = new LinkedHashMap<>();
      for (String user : users) {
        groups.put(user, identity.createGroupQuery().groupMember(user).list().stream()
            .map(org.camunda.bpm.engine.identity.Group::getId).toList());
      }
      return new SignIn(identity, groups);
    }

    /** As Tasklist's service agent (either of the two seeded ones, as the filter figure does). */
    <T> T asAgent(Callable<T> query) throws Exception {
      return as(ThreadLocalRandom.current().nextBoolean() ? AGENT : "noor", query);
    }

    <T> T as(String user, Callable<T> query) throws Exception {
      identity.setAuthentication(user, groups.get(user));
      try {
        return query.call();
      } finally {
        identity.clearAuthentication();
      }
    }
  }

  private Map<String, Object> measure(String name, Callable<Integer> query) {
    try {
      long warmUntil = System.nanoTime() + Duration.ofSeconds(QUERY_SECONDS / 4).toNanos();
      for (int i = 0; i < Math.max(5, SAMPLES / 10) && (i < 2 || System.nanoTime() < warmUntil); i++) {
        query.call();
      }
      List<Long> nanos = new ArrayList<>();
      int rows = 0;
      // At most QUERY_SECONDS per query: a slow one is reported with the samples it got, not waited out for hours.
      long until = System.nanoTime() + Duration.ofSeconds(QUERY_SECONDS).toNanos();
      for (int i = 0; i < SAMPLES && (i < 10 || System.nanoTime() < until); i++) {
        long start = System.nanoTime();
        rows = query.call();
        nanos.add(System.nanoTime() - start);
      }
      Collections.sort(nanos);
      double p50 = millis(percentile(nanos, 50));
      double p99 = millis(percentile(nanos, 99));
      row(name + ", p50 / p99", "%.1f / %.1f ms (%d rows, %d samples)".formatted(p50, p99, rows, nanos.size()),
          "p99 < 100 ms");
      return ordered("samples", nanos.size(), "p50Ms", p50, "p99Ms", p99, "rows", rows, "targetP99Ms", 100);
    } catch (Exception e) {
      throw new IllegalStateException(name, e);
    }
  }

  private void memory() {
    for (int i = 0; i < 3; i++) {
      System.gc();
      pause(200);
    }
    long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    long size = database.size(bean(JdbcTemplate.class));
    results.put("memory", ordered("heapUsedAfterLoadMiB", used / (1024 * 1024),
        "maxHeapMiB", Runtime.getRuntime().maxMemory() / (1024 * 1024), "databaseMiB", size / (1024 * 1024)));
    row("Heap used after load (after GC)", "%d MiB".formatted(used / (1024 * 1024)), "");
    row("Database size after load", "%d MiB".formatted(size / (1024 * 1024)), "");
  }

  // --- helpers ---------------------------------------------------------------------------------------------

  record Run(long nanos, List<String> results) {}

  /** Runs the task {@code times} times on {@code threads} threads; returns the wall time and what they returned. */
  private static <T> Run runConcurrently(int times, int threads, Callable<T> task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    AtomicInteger remaining = new AtomicInteger(times);
    List<String> done = Collections.synchronizedList(new ArrayList<>());
    List<Callable<Void>> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      workers.add(() -> {
        while (remaining.getAndDecrement() > 0) {
          T result = task.call();
          if (result != null) {
            done.add(result.toString());
          }
        }
        return null;
      });
    }
    long start = System.nanoTime();
    try {
      for (Future<Void> future : pool.invokeAll(workers)) {
        future.get();
      }
    } finally {
      pool.shutdownNow();
    }
    return new Run(System.nanoTime() - start, done);
  }

  /** Waits until the job executor has run every job that is due (acknowledgements, closings, …). */
  private void awaitJobsDone() {
    var management = bean(org.camunda.bpm.engine.ManagementService.class);
    long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
    while (management.createJobQuery().executable().count() > 0) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("Jobs still due after 10 minutes");
      }
      pause(200);
    }
  }

  private void machine() {
    Runtime runtime = Runtime.getRuntime();
    long ramMiB = -1;
    try {
      ramMiB = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
          .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024).findFirst().orElse(-1L);
    } catch (IOException ignored) {
      // Not Linux: the RAM stays unknown.
    }
    String cpu = "unknown";
    try {
      cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
          .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse(cpu);
    } catch (IOException ignored) {
      // Not Linux: the CPU model stays unknown.
    }
    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    Map<String, Object> machine = ordered("cores", runtime.availableProcessors(), "cpu", cpu, "ramMiB", ramMiB,
        "java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
        "maxHeapMiB", runtime.maxMemory() / (1024 * 1024), "os", System.getProperty("os.name") + " "
            + System.getProperty("os.version"), "loadAverageAtStart", round(load), "database", DB,
        "date", Instant.now().toString());
    results.put("machine", machine);
    section("Rootfix benchmark on " + DB + ": " + machine);
  }

  private void report() throws IOException {
    if (results.get("machine") instanceof Map<?, ?> machine) {
      ((Map<String, Object>) machine).put("database", DB + " " + database.version(bean(JdbcTemplate.class)));
    }
    int width = table.stream().mapToInt(r -> r[0].length()).max().orElse(10);
    int valueWidth = table.stream().mapToInt(r -> r[1].length()).max().orElse(10);
    StringBuilder out = new StringBuilder("\n");
    out.append(("%-" + width + "s  %-" + valueWidth + "s  %s%n").formatted("Figure (" + DB + ")", "Value", "Target"));
    out.append("-".repeat(width + valueWidth + 16)).append('\n');
    for (String[] r : table) {
      out.append(("%-" + width + "s  %-" + valueWidth + "s  %s%n").formatted(r[0], r[1], r[2]));
    }
    System.out.println(out);
    Path json = OUT.resolve(DB + ".json");
    Files.writeString(json, Json.write(results));
    System.out.println("Written " + json.toAbsolutePath());
  }

  private void section(String title) {
    System.out.println("\n== " + title);
  }

  private void row(String name, String value, String target) {
    table.add(new String[] {name, value, target});
    System.out.printf("  %s: %s%n", name, value);
  }

  static Map<String, Object> ordered(Object... keyValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      map.put((String) keyValues[i], keyValues[i + 1]);
    }
    return map;
  }

  private static long percentile(List<Long> sorted, int p) {
    if (sorted.isEmpty()) {
      return 0;
    }
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
  }

  static double seconds(long nanos) {
    return nanos / 1e9;
  }

  static double millis(long nanos) {
    return round(nanos / 1e6);
  }

  static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }

  static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Enough JSON for the figures: maps, lists, numbers, strings. */
  static final class Json {
    static String write(Object value) {
      StringBuilder out = new StringBuilder();
      write(value, out, "");
      return out.append('\n').toString();
    }

    private static void write(Object value, StringBuilder out, String indent) {
      if (value instanceof Map<?, ?> map) {
        out.append("{\n");
        int i = 0;
        for (Map.Entry<?, ?> e : map.entrySet()) {
          out.append(indent).append("  \"").append(e.getKey()).append("\": ");
          write(e.getValue(), out, indent + "  ");
          out.append(++i < map.size() ? ",\n" : "\n");
        }
        out.append(indent).append('}');
      } else if (value instanceof List<?> list) {
        out.append("[\n");
        for (int i = 0; i < list.size(); i++) {
          out.append(indent).append("  ");
          write(list.get(i), out, indent + "  ");
          out.append(i + 1 < list.size() ? ",\n" : "\n");
        }
        out.append(indent).append(']');
      } else if (value instanceof Number || value instanceof Boolean) {
        out.append(value);
      } else if (value == null) {
        out.append("null");
      } else {
        out.append('"').append(value.toString().replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
      }
    }
  }
}
