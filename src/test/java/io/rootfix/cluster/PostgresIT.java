package io.rootfix.cluster;

import static io.rootfix.complaint.ComplaintProcess.Element.RECORD_CUSTOMER_CONFIRMATION;

import static org.assertj.core.api.Assertions.assertThat;

import io.rootfix.complaint.ComplaintProcess.Element;
import io.rootfix.complaint.ComplaintProcess.Var;
import io.rootfix.support.EmbeddedDatabase;
import io.rootfix.support.QueryPlans;
import io.rootfix.support.RootfixIntegrationTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The PostgreSQL suite: the application with the {@code postgres} profile on a real (embedded) PostgreSQL
 * 17, in a fresh database of its own. Every migration applies, a complaint lives its whole life through
 * the API, and the queries Rootfix runs often use their indexes.
 */
@ActiveProfiles("postgres")
class PostgresIT extends RootfixIntegrationTest {

  private static final String URL = EmbeddedDatabase.createDatabase("rootfix_suite");

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> URL);
    registry.add("spring.datasource.username", () -> EmbeddedDatabase.USER);
    registry.add("spring.datasource.password", () -> EmbeddedDatabase.PASSWORD);
  }

  @Test
  void theApplicationRunsOnPostgresql() {
    assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL 17");
    assertThat(jdbc.queryForObject("select count(*) from act_ge_property", Long.class))
        .as("the engine created its tables").isPositive();
  }

  @Test
  void everyMigrationAppliesOnPostgresql() {
    List<String> applied = jdbc.queryForList(
        "select version from flyway_schema_history where success and version <> '0' order by installed_rank",
        String.class);

    assertThat(applied).containsExactlyElementsOf(migrationVersions());
    assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history where not success", Long.class))
        .isZero();
  }

  @Test
  void aComplaintLivesItsWholeLifeOnPostgresql() {
    String trackingNumber = receiveAndPatch();
    findCauseAndReport(trackingNumber);
    submit(trackingNumber, RECORD_CUSTOMER_CONFIRMATION, Map.of(Var.RESOLVED, "true"));
    executeDueJobs();

    assertThat(jdbc.queryForObject("select state from complaint where tracking_number = ?", String.class,
        trackingNumber)).isEqualTo("CLOSED");
    assertThat(jdbc.queryForList("""
        select m.kind from customer_message m join complaint c on c.id = m.complaint_id
        where c.tracking_number = ? order by m.id""", String.class, trackingNumber))
        .containsExactly("ACKNOWLEDGEMENT", "ANSWER_DATE_AGREED", "REPORT", "CLOSING");
    assertThat(jdbc.queryForObject("""
        select count(*) from audit_seal s join complaint c on c.id = s.complaint_id
        where c.tracking_number = ?""", Long.class, trackingNumber)).as("sealed on close").isOne();

    ResponseEntity<Map> completeness = as(AUDITOR).getForEntity("/api/audit/completeness", Map.class);
    assertThat(completeness.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(completeness.getBody()).containsEntry("openWithoutAnythingToMoveThem", List.of())
        .containsEntry("closedWithoutReport", List.of());
    assertThat(as(AUDITOR).getForObject("/api/audit/verify", Map.class)).containsEntry("intact", true);
  }

  // --- a 201 or 204 only after the commit (issue 19) ------------------------------------------------
  // PostgreSQL can refuse a transaction at its very commit (a deferred constraint trigger): if an answer went
  // out before the commit, the client would hold a 201 or 204 for something the database never kept.

  @Test
  void anIntakeTheDatabaseRefusesAtCommitIsNeverAnswered201() {
    String email = "refused.at.commit.%d@example.com".formatted(System.nanoTime());
    refuseAtCommit("new.contact_email = '" + email + "'", () -> {
      ResponseEntity<Map> response = postComplaint(intake(email, null));

      assertThat(response.getStatusCode().is5xxServerError()).as("answered " + response.getStatusCode()).isTrue();
      assertThat(response.getBody()).doesNotContainKey("trackingNumber");
    });
    assertThat(jdbc.queryForObject("select count(*) from complaint where contact_email = ?", Long.class, email))
        .as("nothing stored").isZero();
  }

  @Test
  void aTaskCompletionTheDatabaseRefusesAtCommitIsNeverAnswered204() {
    String trackingNumber = receive();
    String taskId = claim(trackingNumber, Element.AGREE_EXPECTATION);
    refuseAtCommit("new.tracking_number = '" + trackingNumber + "' and new.agreed_answer_date is not null", () -> {
      ResponseEntity<Map> response = submitForm(AGENT, taskId, Map.of(Var.DESIRED_OUTCOME, "replacement",
          Var.AGREED_ANSWER_DATE, PROMISED, Var.CONTACT_PREFERENCE, "email"));

      assertThat(response.getStatusCode().value()).as("answered " + response.getStatusCode()).isNotEqualTo(204);
    });
    assertThat(taskService.createTaskQuery().taskId(taskId).count()).as("the task is still open").isOne();
    assertThat(jdbc.queryForObject("select agreed_answer_date from complaint where tracking_number = ?",
        String.class, trackingNumber)).as("nothing stored").isNull();
  }

  @Test
  void postgresqlIsBackedUpWithItsOwnToolsNotThroughTheApplication() {
    ResponseEntity<Map> response = as("demo").postForEntity("/api/admin/backup", null, Map.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat((String) response.getBody().get("detail")).contains("pg_dump");
  }

  /** While {@code during} runs, PostgreSQL refuses at commit every transaction that writes such a complaint. */
  private void refuseAtCommit(String condition, Runnable during) {
    jdbc.execute("""
        create or replace function refuse_at_commit() returns trigger language plpgsql as $$
        begin
          if %s then
            raise exception 'refused at commit by the test';
          end if;
          return null;
        end $$""".formatted(condition));
    jdbc.execute("""
        create constraint trigger refuse_at_commit after insert or update on complaint
        deferrable initially deferred for each row execute function refuse_at_commit()""");
    try {
      during.run();
    } finally {
      jdbc.execute("drop trigger refuse_at_commit on complaint");
      jdbc.execute("drop function refuse_at_commit()");
    }
  }

  // --- the frequent queries use their indexes -------------------------------------------------------
  // The SQL is what Hibernate generates for the repository method named, reduced to what matters to the
  // plan. Sequential scans are switched off: on a test's few rows PostgreSQL rightly prefers them, and
  // the question here is whether an index serves the query once the table is large.

  @Test
  void openPromisesByDueDateUseTheirIndex() {
    // PromiseRepository.findByStateAndDueAtBeforeOrderByDueAtAsc (promises due soon, for team leads)
    assertThat(plan("select * from promise where state = 'OPEN' and due_at < now() order by due_at"))
        .contains("idx_promise_state_due");
  }

  @Test
  void aCustomersComplaintsUseTheirIndex() {
    // ComplaintRepository.findOpenInCategoryContactedSince (is this contact about an open complaint?)
    assertThat(plan("""
        select * from complaint where customer_id = 1 and category = 'delivery'
          and last_contact_at >= now() - interval '14 days' and state <> 'CLOSED'
        order by last_contact_at desc""")).contains("idx_complaint_customer_category");
  }

  @Test
  void contactsByCustomerUseTheirIndexes() {
    // CustomerRepository.findByEmailOrPhone (recognising the customer on every channel). With "order by id"
    // a scan of the primary key is as cheap on a few rows; on thousands the two indexes win.
    assertThat(plan("select * from customer where email = 'eva@example.com' or phone = '+31612345678' order by id",
        """
        insert into customer (id, name, email, phone, created_at)
        select 1000000 + n, 'Customer ' || n, 'customer' || n || '@example.com', '+316' || (10000000 + n), now()
        from generate_series(1, 5000) n"""))
        .contains("idx_customer_email", "idx_customer_phone");
    // ContactRepository.findByComplaintOrderByReceivedAtAsc (the customer's repeat contacts)
    assertThat(plan("select * from complaint_contact where complaint_id = 1 order by received_at"))
        .contains("idx_complaint_contact_received");
  }

  @Test
  void auditByCloseDateUsesItsIndex() {
    // AuditSealRepository.findClosedWithoutSeal (the sealing round after every close)
    assertThat(plan("""
        select c.* from complaint c
        where c.state = 'CLOSED' and not exists (select 1 from audit_seal s where s.complaint_id = c.id)
        order by c.closed_at, c.id""")).contains("idx_complaint_state_closed");
    // ComplaintRepository.findByState(CLOSED) (the completeness check)
    assertThat(plan("select * from complaint where state = 'CLOSED'")).contains("idx_complaint_state_closed");
  }

  @Test
  void aComplaintsAuditTrailUsesIndexes() {
    // RemedyService.ofComplaint
    assertThat(plan("select * from remedy where tracking_number = 'RF-2026-000001' order by decided_at, id"))
        .contains("idx_remedy_tracking_number");
    // AuditTrail.of: the complaint's promise watches and messages, by business key prefix (EngineIndexes)
    assertThat(plan("select * from ACT_HI_PROCINST where BUSINESS_KEY_ like 'RF-2026-000001/%' escape '\\'"))
        .contains("rf_idx_hi_procinst_bkey_prefix");
  }

  @Test
  void aTasklistFiltersFirstPageWalksTheTasksByDueDate() {
    // The first page of Due soonest for an agent, as the engine writes it (TasklistFilters sorts every filter by
    // due date, then creation): a quarter of 20,000 open tasks is in the agent's queue (EngineIndexes).
    assertThat(plan("""
        select distinct RES.ID_, RES.NAME_, RES.ASSIGNEE_, RES.DUE_DATE_, RES.CREATE_TIME_ from ACT_RU_TASK RES
        left join ACT_RU_IDENTITYLINK I on I.TASK_ID_ = RES.ID_
        where (I.TYPE_ = 'candidate' and (I.USER_ID_ = 'sam' or I.GROUP_ID_ in ('queue-billing', 'service-agents')))
        order by RES.DUE_DATE_ asc, RES.CREATE_TIME_ asc limit 15""",
        """
        insert into ACT_RU_TASK (ID_, REV_, NAME_, CREATE_TIME_, DUE_DATE_, SUSPENSION_STATE_)
        select 'task-' || n, 1, 'Agree expectation', now(), now() + n * interval '1 minute', 1
        from generate_series(1, 20000) n""",
        """
        insert into ACT_RU_IDENTITYLINK (ID_, REV_, GROUP_ID_, TYPE_, TASK_ID_)
        select 'link-' || n, 1, case when n % 4 = 0 then 'queue-billing' else 'queue-delivery' end, 'candidate',
          'task-' || n
        from generate_series(1, 20000) n"""))
        .contains("rf_idx_task_due");
  }

  @Test
  void theJobExecutorFindsLockedJobsThroughAnIndex() {
    // The job acquisition's "no exclusive job of this instance is locked" (EngineIndexes)
    assertThat(plan("select ID_ from ACT_RU_JOB where EXCLUSIVE_ = true and LOCK_OWNER_ is not null"))
        .contains("rf_idx_job_lock_owner");
  }

  /** The plan of a query, after the rows of setup (rolled back afterwards, as is the switch). */
  private String plan(String sql, String... setup) {
    List<String> steps = new ArrayList<>(List.of(setup));
    steps.add("analyze");
    steps.add("set local enable_seqscan = off");
    return QueryPlans.planAfter(jdbc, sql, steps.toArray(String[]::new));
  }

  private static List<String> migrationVersions() {
    try {
      return Arrays.stream(new PathMatchingResourcePatternResolver().getResources("classpath:db/migration/V*__*.sql"))
          .map(resource -> resource.getFilename().substring(1, resource.getFilename().indexOf("__")))
          .sorted(Comparator.comparingInt(Integer::parseInt))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
