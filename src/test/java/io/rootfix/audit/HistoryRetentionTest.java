package io.rootfix.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.rootfix.complaint.ComplaintProcess;
import io.rootfix.complaint.ComplaintProcess.Element;
import io.rootfix.complaint.ComplaintProcess.Var;
import io.rootfix.support.RootfixIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Calendar;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

/**
 * The history time to live comes from the configuration, for every model, and history cleanup removes a
 * closed complaint's history once it has passed; the seals then report it as removed by retention.
 *
 * <p>Its own Spring context with a 30-day time to live and a 10-day removal margin: the cleanup removes every finished
 * instance that is old enough, which must not touch the history the other integration tests read. The engine REST API
 * serves the engine named "default" (the shared context's), so this test works the tasks through the Java API.
 */
@TestPropertySource(properties = {
    "camunda.bpm.process-engine-name=retention",
    "camunda.bpm.webapp.enabled=false",
    "rootfix.history.time-to-live=P30D",
    "rootfix.history.removal-margin=P10D"})
// The seal test verifies the whole chain, so it runs first: the others move the clock and clean up what they close.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HistoryRetentionTest extends RootfixIntegrationTest {

  @Autowired
  private ProcessEngineConfigurationImpl engineConfiguration;

  @Autowired
  private RepositoryService repositoryService;

  @Autowired
  private HistoryService historyService;

  @Autowired
  private FormService formService;

  @Autowired
  private IdentityService identityService;

  @Autowired
  private HistoryRetentionSync sync;

  @Autowired
  private RunningHistoryKept runningHistoryKept;

  /** Every history table whose rows carry their root instance and removal time. */
  private static final List<String> HISTORY_TABLES = List.of("ACT_HI_PROCINST", "ACT_HI_ACTINST", "ACT_HI_TASKINST",
      "ACT_HI_VARINST", "ACT_HI_DETAIL", "ACT_HI_JOB_LOG", "ACT_HI_DECINST", "ACT_HI_DEC_IN", "ACT_HI_DEC_OUT",
      "ACT_HI_OP_LOG", "ACT_HI_INCIDENT", "ACT_HI_IDENTITYLINK", "ACT_HI_COMMENT", "ACT_HI_ATTACHMENT",
      "ACT_GE_BYTEARRAY");

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  @Test
  void theEngineHasTheConfiguredTimeToLiveAndCleansUpOutsideOfficeHours() {
    assertThat(engineConfiguration.getHistoryTimeToLive()).isEqualTo("30");
    assertThat(engineConfiguration.isEnforceHistoryTimeToLive()).isTrue();
    assertThat(engineConfiguration.getHistoryLevel().getName()).isEqualTo("full");
    assertThat(engineConfiguration.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");
    assertThat(engineConfiguration.getHistoryRemovalTimeStrategy()).isEqualTo("start");
    assertThat(engineConfiguration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("22:00");
    assertThat(engineConfiguration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("06:00");
    for (int day : List.of(Calendar.SATURDAY, Calendar.SUNDAY)) {
      assertThat(engineConfiguration.getHistoryCleanupBatchWindows().get(day).getStartTime()).isEqualTo("00:00");
      assertThat(engineConfiguration.getHistoryCleanupBatchWindows().get(day).getEndTime()).isEqualTo("23:59");
    }
    // The engine scheduled its cleanup job at start-up, into a window.
    List<Job> cleanupJobs = historyService.findHistoryCleanupJobs();
    assertThat(cleanupJobs).isNotEmpty();
    for (Job job : cleanupJobs) {
      LocalDateTime due = LocalDateTime.ofInstant(job.getDuedate().toInstant(), ZoneId.systemDefault());
      boolean weekend = due.getDayOfWeek().getValue() >= 6;
      assertThat(weekend || due.getHour() >= 22 || due.getHour() < 6).as("due " + due + " is outside office hours")
          .isTrue();
    }
  }

  @Test
  void everyDeployedDefinitionGetsTheConfiguredTimeToLiveWhateverItsModelSays() {
    // The models say 2555 days; the setting wins.
    assertThat(repositoryService.createProcessDefinitionQuery().list()).isNotEmpty()
        .allSatisfy(definition -> assertThat(definition.getHistoryTimeToLive()).as(definition.getKey()).isEqualTo(30));
    assertThat(repositoryService.createDecisionDefinitionQuery().list()).isNotEmpty()
        .allSatisfy(definition -> assertThat(definition.getHistoryTimeToLive()).as(definition.getKey()).isEqualTo(30));

    // A definition deployed under another setting is brought in line at the next start.
    ProcessDefinition complaint = repositoryService.createProcessDefinitionQuery().processDefinitionKey("complaint")
        .latestVersion().singleResult();
    repositoryService.updateProcessDefinitionHistoryTimeToLive(complaint.getId(), 2555);
    assertThat(sync.apply()).isEqualTo(1);
    assertThat(repositoryService.getProcessDefinition(complaint.getId()).getHistoryTimeToLive()).isEqualTo(30);
  }

  @Test
  @Order(1)
  void historyCleanupRemovesAClosedComplaintsHistoryAfterItsTimeToLiveAndTheSealsSaySo() {
    String kept = closedComplaint();
    String tamperedWith = closedComplaint();
    assertThat(verify()).containsEntry("intact", true).containsEntry("removedByRetention", 0);

    // History gone before its time is tampering.
    historyService.deleteHistoricProcessInstance(historicInstance(tamperedWith));
    assertThat(verify()).containsEntry("intact", false).containsEntry("firstBrokenTrackingNumber", tamperedWith);

    // 29 days on, the cleanup removes nothing of it yet.
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(29))));
    cleanUpHistory();
    // The complaint's instance and the remedy it called (same business key).
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(kept).count()).isEqualTo(2);

    // 39 days on, its time to live has passed but not its margin: still kept.
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(39))));
    cleanUpHistory();
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(kept).count())
        .isEqualTo(2);

    // 41 days on, the margin has passed too: the cleanup removes its history, promise watches included.
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(41))));
    cleanUpHistory();
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(kept).count()).isZero();
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKeyLike(kept + "/%").count())
        .isZero();
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(processInstance(kept)).count())
        .isZero();

    // Not tampering: the seals report both as removed by retention, the chain is intact.
    assertThat(verify()).containsEntry("intact", true).containsEntry("seals", 2).containsEntry("removedByRetention", 2);
    assertThat(as(AUDITOR).getForObject("/audit/complaints/" + kept, String.class))
        .contains("<dd>history removed by retention</dd>");
    // Rootfix's own records stay: the trail still tells the complaint's story from them.
    List<Map<String, Object>> trail = as(AUDITOR).getForObject("/api/audit/complaints/" + kept, List.class);
    assertThat(trail).extracting(e -> e.get("what")).contains("Complaint received", "Promise made", "Complaint closed")
        .doesNotContain("Completed: Agree expectation");
  }

  @Test
  void everyHistoryRowOfAClosedComplaintIsKeptForTheTimeToLiveAfterItsEndAndAtMostTheMarginLonger() {
    String trackingNumber = closedComplaint();

    HistoricProcessInstance root = rootOf(trackingNumber);
    Instant end = root.getEndTime().toInstant();
    assertThat(rowsOf(root.getId())).as("history rows of the complaint and its remedy").isGreaterThan(50);
    // Fixed at the start and written with each row: nothing outside [end + 30 days, end + 40 days], none without.
    assertThat(rowsRemovedOutside(root.getId(), end.plus(Duration.ofDays(30)), end.plus(Duration.ofDays(40))))
        .isEmpty();
    // The promise watch, a root of its own, the same.
    for (HistoricProcessInstance watch : historyService.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKeyLike(trackingNumber + "/%").list()) {
      Instant watchEnd = watch.getEndTime().toInstant();
      assertThat(rowsRemovedOutside(watch.getId(), watchEnd.plus(Duration.ofDays(30)),
          watchEnd.plus(Duration.ofDays(40)))).as("the watch " + watch.getBusinessKey()).isEmpty();
    }
  }

  @Test
  void aComplaintClosedLaterThanTheMarginHasItsRemovalTimeMovedToItsEndOnEveryRow() {
    String trackingNumber = reportedBack();
    Date fixedAtStart = rootOf(trackingNumber).getRemovalTime();

    // The customer confirms 15 days later, past the 10-day margin: start + 40 days would come before end + 30.
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(15))));
    work(trackingNumber, Element.RECORD_CUSTOMER_CONFIRMATION, Map.of(Var.RESOLVED, "true"));

    HistoricProcessInstance root = rootOf(trackingNumber);
    Instant end = root.getEndTime().toInstant();
    assertThat(fixedAtStart.toInstant()).isBefore(end.plus(Duration.ofDays(30)));
    assertThat(root.getRemovalTime().toInstant()).isEqualTo(end.plus(Duration.ofDays(30)));
    assertThat(rowsOf(root.getId())).isGreaterThan(50);
    assertThat(rowsRemovedOutside(root.getId(), end.plus(Duration.ofDays(30)), end.plus(Duration.ofDays(30))))
        .isEmpty();
  }

  @Test
  void theHistoryOfAComplaintStillOpenIsNotRemovedHoweverLongItRuns() {
    String open = receive();
    HistoricProcessInstance root = rootOf(open);
    long rows = rowsOf(root.getId());

    // 35 days on its removal time (start + 40 days) is within the sweep's horizon: the sweep moves it ahead.
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(35))));
    assertThat(runningHistoryKept.keepAhead()).isPositive();
    assertThat(rootOf(open).getRemovalTime().toInstant()).isAfter(Instant.now().plus(Duration.ofDays(70)));
    assertThat(rowsRemovedOutside(root.getId(), Instant.now().plus(Duration.ofDays(74)),
        Instant.now().plus(Duration.ofDays(76)))).isEmpty();

    // 45 days on, past the removal time it started with, the cleanup leaves every row of it.
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(45))));
    cleanUpHistory();
    assertThat(rowsOf(root.getId())).isEqualTo(rows);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(open).count()).isEqualTo(1);
  }

  private HistoricProcessInstance rootOf(String trackingNumber) {
    return historyService.createHistoricProcessInstanceQuery().processDefinitionKey(ComplaintProcess.KEY)
        .processInstanceBusinessKey(trackingNumber).singleResult();
  }

  private long rowsOf(String rootProcessInstanceId) {
    return HISTORY_TABLES.stream().mapToLong(table -> jdbc.queryForObject(
        "select count(*) from " + table + " where ROOT_PROC_INST_ID_ = ?", Long.class, rootProcessInstanceId)).sum();
  }

  /** The tables whose rows of this root have no removal time or one outside [from, to] (to the second). */
  private List<String> rowsRemovedOutside(String rootProcessInstanceId, Instant from, Instant to) {
    Date lower = Date.from(from.minusSeconds(1));
    Date upper = Date.from(to.plusSeconds(1));
    return HISTORY_TABLES.stream()
        .filter(table -> jdbc.queryForObject("select count(*) from " + table + " where ROOT_PROC_INST_ID_ = ? and "
            + "(REMOVAL_TIME_ is null or REMOVAL_TIME_ < ? or REMOVAL_TIME_ > ?)", Long.class, rootProcessInstanceId,
            lower, upper) > 0)
        .toList();
  }

  /** Runs the history cleanup job now, as often as it has work, as the job executor would in its window. */
  private void cleanUpHistory() {
    historyService.cleanUpHistoryAsync(true);
    for (int round = 0; round < 20; round++) {
      List<Job> due = historyService.findHistoryCleanupJobs().stream()
          .filter(job -> !job.getDuedate().after(ClockUtil.getCurrentTime())).toList();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> managementService.executeJob(job.getId()));
    }
  }

  private Map<String, Object> verify() {
    ResponseEntity<Map> response = as(AUDITOR).getForEntity("/api/audit/verify", Map.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }

  private String historicInstance(String trackingNumber) {
    return historyService.createHistoricProcessInstanceQuery().processDefinitionKey(ComplaintProcess.KEY)
        .processInstanceBusinessKey(trackingNumber).singleResult().getId();
  }

  private String processInstance(String trackingNumber) {
    return jdbc.queryForObject("select process_instance_id from complaint where tracking_number = ?", String.class,
        trackingNumber);
  }

  /** A complaint to closure, a one-off, with every form submitted as the agent through the Java API. */
  private String closedComplaint() {
    String trackingNumber = reportedBack();
    work(trackingNumber, Element.RECORD_CUSTOMER_CONFIRMATION, Map.of(Var.RESOLVED, "true"));
    assertThat(jdbc.queryForObject("select state from complaint where tracking_number = ?", String.class,
        trackingNumber)).isEqualTo("CLOSED");
    return trackingNumber;
  }

  /** A complaint up to its answer reported back, a one-off: only the customer's confirmation is left. */
  private String reportedBack() {
    String trackingNumber = receive();
    work(trackingNumber, Element.AGREE_EXPECTATION, Map.of(Var.DESIRED_OUTCOME, "replacement",
        Var.AGREED_ANSWER_DATE, PROMISED, Var.CONTACT_PREFERENCE, "email"));
    work(trackingNumber, Element.PATCH_SYMPTOM, Map.of(Var.PATCH_DESCRIPTION, "Sent a replacement"));
    work(trackingNumber, Element.FIND_ROOT_CAUSE, Map.of(Var.ROOT_CAUSE_DESCRIPTION, "The courier dropped it",
        Var.ONE_OFF, true, Var.ONE_OFF_REASON, "PARTNER_SLIP", Var.ONE_OFF_NOTE, "A one-time accident"));
    work(trackingNumber, Element.REPORT_BACK, Map.of(Var.ANSWER_TEXT, "The courier dropped it; sorry."));
    return trackingNumber;
  }

  private void work(String trackingNumber, String taskKey, Map<String, Object> variables) {
    Task task = taskService.createTaskQuery().processInstanceBusinessKey(trackingNumber).taskDefinitionKey(taskKey)
        .singleResult();
    assertThat(task).as(taskKey + " open for " + trackingNumber).isNotNull();
    identityService.setAuthentication(AGENT, List.of("service-agents"));
    try {
      if (task.getAssignee() == null) {
        taskService.claim(task.getId(), AGENT);
      }
      formService.submitTaskForm(task.getId(), variables);
    } finally {
      identityService.clearAuthentication();
    }
    executeDueJobs();
  }
}
