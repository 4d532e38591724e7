package io.rootfix.promise;

import io.rootfix.support.BusinessDay;
import static org.assertj.core.api.Assertions.assertThat;

import io.rootfix.complaint.ComplaintProcess;
import io.rootfix.complaint.ComplaintProcess.Element;
import io.rootfix.support.RootfixIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Promises made, watched and ended through the application, as staff and customers meet them. */
class PromiseLifecycleTest extends RootfixIntegrationTest {

  private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

  @Autowired
  private PromiseService promises;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void theAnswerPromiseIsMadeWhenTheExpectationIsAgreedAndKeptByTheReport() {
    String trackingNumber = receiveAndPatch();

    PromiseView answer = single(trackingNumber);
    assertThat(answer.type()).isEqualTo(PromiseType.ANSWER);
    assertThat(answer.state()).isEqualTo(PromiseState.OPEN);
    assertThat(answer.dueAt()).isEqualTo(LocalDate.parse(PROMISED).atTime(17, 0).atZone(ZONE).toInstant());
    assertThat(answer.madeBy()).isEqualTo(AGENT);
    assertThat(dueDateOf(trackingNumber, Element.FIND_ROOT_CAUSE)).isEqualTo(Date.from(answer.dueAt()));

    findCauseAndReport(trackingNumber);

    assertThat(single(trackingNumber).state()).isEqualTo(PromiseState.KEPT);
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(PromiseProcess.KEY)
        .processInstanceBusinessKeyLike(trackingNumber + "%").count()).as("watch ended").isZero();
    List<Map<String, Object>> viaApi = as(AGENT).getForObject("/api/complaints/" + trackingNumber + "/promises", List.class);
    assertThat(viaApi).singleElement().satisfies(p -> assertThat(p).containsEntry("state", "KEPT"));
  }

  @Test
  void aBrokenPromiseGoesToTheTeamLeadsAndTheComplaintGoesOn() {
    String trackingNumber = receive();
    agreeExpectation(trackingNumber, LocalDate.now(ZONE).plusDays(1).toString());
    PromiseView answer = single(trackingNumber);

    ClockUtil.setCurrentTime(Date.from(answer.dueAt().plus(Duration.ofMinutes(1))));
    runDueJobsUntilQuiet();

    assertThat(single(trackingNumber).state()).isEqualTo(PromiseState.BROKEN);
    assertThat(single(trackingNumber).remindedAt()).isNotNull();
    Task escalation = taskService.createTaskQuery().taskDefinitionKey(PromiseProcess.Element.ESCALATE)
        .processInstanceBusinessKeyLike(trackingNumber + "%").singleResult();
    assertThat(taskService.getIdentityLinksForTask(escalation.getId()))
        .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo(PromiseProcess.LEADS));
    assertThat(shown(escalation.getId(), PromiseProcess.Var.OWNER)).as("the form names the complaint's owner")
        .isEqualTo(AGENT);
    assertThat(openTaskKeys(trackingNumber)).as("the complaint goes on").containsExactly(Element.PATCH_SYMPTOM);
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(trackingNumber).singleResult().getPriority())
        .as("the reminder raised the complaint's task").isGreaterThan(50);

    ResponseEntity<Map> insights = as(AGENT).getForEntity("/api/insights/promises", Map.class);
    assertThat(((Number) insights.getBody().get("broken")).longValue()).isPositive();
    assertThat(messageKinds(trackingNumber)).as("the customer hears it from us, once")
        .containsOnlyOnce("BROKEN_PROMISE_APOLOGY");
    assertThat(jdbc.queryForObject("select body from customer_message where tracking_number = ? and kind = ?",
        String.class, trackingNumber, "BROKEN_PROMISE_APOLOGY")).contains(answer.text()).contains("Onze excuses");
  }

  @Test
  void theOwnerRenegotiatesInTimeAndTheWatchAndTheTasksMoveToTheNewDate() {
    String trackingNumber = receiveAndPatch();
    PromiseView answer = single(trackingNumber);

    ClockUtil.setCurrentTime(Date.from(answer.dueAt().minus(Duration.ofHours(3))));
    runDueJobsUntilQuiet();
    // The form shows what was promised, read from the promise row; the watch carries no copy of it.
    Task renegotiation = taskService.createTaskQuery().taskDefinitionKey(PromiseProcess.Element.RENEGOTIATE_IN_TIME)
        .processInstanceBusinessKeyLike(trackingNumber + "/%").singleResult();
    Map<String, Map<String, Object>> shown = as(AGENT).getForObject(
        "/engine-rest/task/" + renegotiation.getId() + "/form-variables", Map.class);
    assertThat(shown.get(PromiseProcess.Var.PROMISE_TEXT)).containsEntry("value", answer.text());
    assertThat(shown.get(PromiseProcess.Var.PROMISE_TYPE)).containsEntry("value", "ANSWER");
    assertThat(runtimeService.createVariableInstanceQuery().processInstanceIdIn(renegotiation.getProcessInstanceId())
        .variableNameIn(PromiseProcess.Var.PROMISE_TEXT, PromiseProcess.Var.PROMISE_TYPE).count()).isZero();
    String newDue = LocalDate.parse(PROMISED).plusDays(3) + "T12:00";
    submit(trackingNumber, PromiseProcess.Element.RENEGOTIATE_IN_TIME, Map.of(
        PromiseProcess.Var.NEW_DATE_AGREED, true,
        PromiseProcess.Var.NEW_DUE, newDue,
        PromiseProcess.Var.RENEGOTIATION_REASON, "The replacement part arrives on Monday"));

    Instant moved = LocalDate.parse(PROMISED).plusDays(3).atTime(12, 0).atZone(ZONE).toInstant();
    PromiseView view = single(trackingNumber);
    assertThat(view.dueAt()).isEqualTo(moved);
    assertThat(view.renegotiations()).singleElement().satisfies(r -> {
      assertThat(r.customerToldInTime()).isTrue();
      assertThat(r.oldDueAt()).isEqualTo(answer.dueAt());
      assertThat(r.renegotiatedBy()).isEqualTo(AGENT);
    });
    assertThat(dueDateOf(trackingNumber, Element.FIND_ROOT_CAUSE)).isEqualTo(Date.from(moved));
    assertThat(messageKinds(trackingNumber)).as("the new date confirmed in writing").containsOnlyOnce("PROMISE_RENEGOTIATED");
    assertThat(jdbc.queryForObject("select body from customer_message where tracking_number = ? and kind = ?",
        String.class, trackingNumber, "PROMISE_RENEGOTIATED")).contains("The replacement part arrives on Monday");
    assertThat(as(AGENT).getForObject("/api/complaints/" + trackingNumber, Map.class))
        .containsEntry("agreedAnswerDate", LocalDate.parse(PROMISED).plusDays(3).toString());

    ClockUtil.setCurrentTime(Date.from(answer.dueAt().plus(Duration.ofHours(1))));
    runDueJobsUntilQuiet();
    assertThat(single(trackingNumber).state()).as("the old deadline no longer breaks it").isEqualTo(PromiseState.OPEN);

    findCauseAndReport(trackingNumber);
    assertThat(single(trackingNumber).state()).isEqualTo(PromiseState.RENEGOTIATED);
  }

  @Test
  void aNewDateAgreedThroughTheApiAndAnExtraPromiseFromAForm() {
    String trackingNumber = receive();
    agreeExpectation(trackingNumber, PROMISED);
    submit(trackingNumber, Element.PATCH_SYMPTOM, Map.of(
        ComplaintProcess.Var.PATCH_DESCRIPTION, "Refund started",
        ComplaintProcess.Var.MAKE_PROMISE, true,
        ComplaintProcess.Var.PROMISE_TYPE, "callback",
        ComplaintProcess.Var.PROMISE_TEXT, "We will call you back tomorrow before 17:00",
        ComplaintProcess.Var.PROMISE_DUE, LocalDate.now(ZONE).plusDays(1) + "T17:00"));

    List<PromiseView> made = promises.ofComplaint(trackingNumber);
    assertThat(made).extracting(PromiseView::type).containsExactly(PromiseType.ANSWER, PromiseType.CALLBACK);
    PromiseView callback = made.get(1);
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(PromiseProcess.KEY)
        .processInstanceBusinessKey(trackingNumber + "/" + callback.id()).count()).as("watched").isOne();
    assertThat(runtimeService.getVariable(runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(ComplaintProcess.KEY).processInstanceBusinessKey(trackingNumber).singleResult().getId(), ComplaintProcess.Var.PROMISE_TEXT))
        .as("the next form starts without it").isNull();

    List<Map<String, Object>> open = as(AGENT).getForObject("/api/promises?state=OPEN&dueBefore={d}", List.class,
        Instant.now().plus(Duration.ofDays(30)).toString());
    assertThat(open).extracting(p -> p.get("id")).containsSubsequence(
        callback.id().intValue(), made.get(0).id().intValue());
    // Without dueBefore: any time (on PostgreSQL too), one page of at most `limit`, the nearest first.
    List<Map<String, Object>> nearest = as(AGENT).getForObject("/api/promises?limit=2", List.class);
    assertThat(nearest).hasSize(2);
    assertThat(Instant.parse((String) nearest.get(0).get("dueAt")))
        .isBeforeOrEqualTo(Instant.parse((String) nearest.get(1).get("dueAt")));
    assertThat(as(AGENT).getForEntity("/api/promises?limit=0", Map.class).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);

    ResponseEntity<Map> moved = as(AGENT).postForEntity("/api/promises/" + callback.id() + "/renegotiation",
        json("{\"newDueAt\": \"%s\", \"reason\": \"Customer asked for Friday\"}"
            .formatted(Instant.now().plus(Duration.ofDays(4)))), Map.class);
    assertThat(moved.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat((List<?>) moved.getBody().get("renegotiations")).hasSize(1);

    promises.keep(callback.id());
    assertThat(promises.view(callback.id()).state()).isEqualTo(PromiseState.RENEGOTIATED);
    assertThat(as(AGENT).postForEntity("/api/promises/" + callback.id() + "/renegotiation",
        json("{\"newDueAt\": \"%s\", \"reason\": \"again\"}".formatted(Instant.now().plus(Duration.ofDays(5)))),
        Map.class).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
  }

  @Test
  void aPromiseInThePastOrWithoutTextIsRefusedNamingTheField() {
    String trackingNumber = receive();
    agreeExpectation(trackingNumber, PROMISED);
    String taskId = claim(trackingNumber, Element.PATCH_SYMPTOM);

    ResponseEntity<Map> response = submitForm(taskId, Map.of(
        ComplaintProcess.Var.PATCH_DESCRIPTION, "Refund started",
        ComplaintProcess.Var.MAKE_PROMISE, true,
        ComplaintProcess.Var.PROMISE_TYPE, "callback",
        ComplaintProcess.Var.PROMISE_DUE, "2001-01-01T10:00"));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) response.getBody().get("message")).contains("promiseDue: must not be in the past");

    ResponseEntity<Map> withoutText = submitForm(taskId, Map.of(
        ComplaintProcess.Var.PATCH_DESCRIPTION, "Refund started",
        ComplaintProcess.Var.MAKE_PROMISE, true,
        ComplaintProcess.Var.PROMISE_TYPE, "callback",
        ComplaintProcess.Var.PROMISE_DUE, BusinessDay.today().plusDays(1) + "T10:00"));

    assertThat(withoutText.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) withoutText.getBody().get("message")).contains("promiseText");
    assertThat(promises.ofComplaint(trackingNumber)).hasSize(1);
    assertThat(openTaskKeys(trackingNumber)).containsExactly(Element.PATCH_SYMPTOM);
  }

  private PromiseView single(String trackingNumber) {
    List<PromiseView> made = promises.ofComplaint(trackingNumber);
    assertThat(made).hasSize(1);
    return made.get(0);
  }


  private Date dueDateOf(String trackingNumber, String taskKey) {
    return taskService.createTaskQuery().processInstanceBusinessKey(trackingNumber).taskDefinitionKey(taskKey)
        .singleResult().getDueDate();
  }

  /** The job executor's work until nothing is due: timers fire, then the steps they lead to. */
  private List<String> messageKinds(String trackingNumber) {
    return jdbc.queryForList("select kind from customer_message where tracking_number = ? order by id", String.class,
        trackingNumber);
  }

  private void runDueJobsUntilQuiet() {
    for (int round = 0; round < 10 && managementService.createJobQuery().executable().count() > 0; round++) {
      executeDueJobs();
    }
  }
}
