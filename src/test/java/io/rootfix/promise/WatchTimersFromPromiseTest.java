package io.rootfix.promise;

import static org.assertj.core.api.Assertions.assertThat;

import io.rootfix.support.RootfixIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

/**
 * The watch's timers read their dates from the promise row (WatchTimersFromPromise), so the watch stores no copy of
 * them: the row is the one place that says when the watch acts, and a value set on the watch by hand moves nothing.
 */
class WatchTimersFromPromiseTest extends RootfixIntegrationTest {

  @Autowired
  private PromiseService promises;

  @Test
  void aNewWatchCarriesNoDatesAndItsTimersAreTheRows() {
    String trackingNumber = receive();
    agreeExpectation(trackingNumber, PROMISED);
    PromiseView answer = promises.ofComplaint(trackingNumber).get(0);
    String watch = watchOf(trackingNumber, answer.id());

    assertThat(runtimeService.getVariables(watch)).as("the watch's variables: its promise is the id in its key")
        .isEmpty();
    PromisePolicy.Timers row = timersOnRow(answer.id());
    assertThat(row.dueAt()).isEqualTo(answer.dueAt());
    assertThat(timerDue(watch, PromiseProcess.Element.REMINDER)).isEqualTo(Date.from(row.remindAt()));
  }

  @Test
  void aDateSetOnTheWatchByHandMovesNothingANewDateAgreedMovesTheTimers() {
    String trackingNumber = receive();
    agreeExpectation(trackingNumber, PROMISED);
    PromiseView answer = promises.ofComplaint(trackingNumber).get(0);
    String watch = watchOf(trackingNumber, answer.id());
    Date farAway = Date.from(Instant.now().plus(Duration.ofDays(400)));
    // Someone with rights on the process instance (Cockpit, REST) sets the deadline's name on the watch.
    runtimeService.setVariable(watch, PromiseProcess.Var.DUE_AT, farAway);
    runtimeService.setVariable(watch, PromiseProcess.Var.REMIND_AT, farAway);

    agreeANewDate(answer.id());

    assertThat(reminderOf(watch, answer.id())).as("the new round's reminder, from the row").isNotEqualTo(farAway);
  }

  @Test
  void aWatchStartedWithItsDatesAsVariablesKeepsThemUntilThePromiseMoves() {
    String trackingNumber = receive();
    agreeExpectation(trackingNumber, PROMISED);
    PromiseView answer = promises.ofComplaint(trackingNumber).get(0);
    // As a watch started before 7 December 2026: its own copy of the dates, none on the row.
    Date remindAt = Date.from(Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS));
    Date dueAt = Date.from(Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS));
    jdbc.update("update promise set watch_remind_at = null, watch_renegotiate_at = null, watch_due_at = null"
        + " where id = ?", answer.id());
    ProcessInstance old = runtimeService.startProcessInstanceByKey(PromiseProcess.KEY, "RF-OLD/" + answer.id(),
        Map.of(PromiseProcess.Var.PROMISE_ID, answer.id(), PromiseProcess.Var.TRACKING_NUMBER, trackingNumber,
            PromiseProcess.Var.OWNER, AGENT, PromiseProcess.Var.REMIND_AT, remindAt,
            PromiseProcess.Var.RENEGOTIATE_AT, dueAt, PromiseProcess.Var.DUE_AT, dueAt));
    assertThat(timerDue(old.getId(), PromiseProcess.Element.REMINDER)).as("its own date").isEqualTo(remindAt);
    // That old watch is the promise's watch (today's ends).
    runtimeService.createMessageCorrelation(PromiseProcess.MESSAGE_RELEASED)
        .processInstanceId(watchOf(trackingNumber, answer.id())).correlate();
    jdbc.update("update promise set process_instance_id = ? where id = ?", old.getId(), answer.id());

    agreeANewDate(answer.id());

    reminderOf(old.getId(), answer.id());
  }

  /** A new date agreed with the customer through the API, ten days ahead; the promise row says so. */
  private void agreeANewDate(Long promiseId) {
    Instant newDue = Instant.now().plus(Duration.ofDays(10)).truncatedTo(ChronoUnit.SECONDS);
    assertThat(as(AGENT).postForEntity("/api/promises/" + promiseId + "/renegotiation",
        json("{\"newDueAt\": \"%s\", \"reason\": \"Customer asked for later\"}".formatted(newDue)), Map.class)
        .getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(timersOnRow(promiseId).dueAt()).isEqualTo(newDue);
  }

  /** The watch's reminder, which must be the date on the promise row. */
  private Date reminderOf(String watch, Long promiseId) {
    Date reminder = timerDue(watch, PromiseProcess.Element.REMINDER);
    assertThat(reminder).as("the reminder, from the promise row").isEqualTo(Date.from(timersOnRow(promiseId).remindAt()));
    return reminder;
  }

  private String watchOf(String trackingNumber, Long promiseId) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(PromiseProcess.KEY)
        .processInstanceBusinessKey(trackingNumber + "/" + promiseId).singleResult().getId();
  }

  private PromisePolicy.Timers timersOnRow(Long promiseId) {
    return jdbc.queryForObject("select watch_remind_at, watch_renegotiate_at, watch_due_at from promise where id = ?",
        (rs, n) -> new PromisePolicy.Timers(rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant(),
            rs.getTimestamp(3).toInstant()), promiseId);
  }

  private Date timerDue(String processInstanceId, String activityId) {
    Job timer = managementService.createJobQuery().processInstanceId(processInstanceId).activityId(activityId)
        .timers().singleResult();
    assertThat(timer).as("the timer at " + activityId).isNotNull();
    return timer.getDuedate();
  }
}
