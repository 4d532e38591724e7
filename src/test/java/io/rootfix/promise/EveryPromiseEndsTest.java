package io.rootfix.promise;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rootfix.complaint.ComplaintProcess;
import io.rootfix.complaint.ComplaintProcess.Element;
import io.rootfix.complaint.ComplaintProcess.Var;
import io.rootfix.support.RootfixIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Every promise ends as kept, renegotiated in time, broken or released, by someone's act, and nothing about a
 * promise follows a closed complaint: kept from a form or through the API, settled on the closing form, released by
 * the automatic closes, and no watch, timer, task or message left after closing however far the clock moves.
 */
class EveryPromiseEndsTest extends RootfixIntegrationTest {

  private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired
  private PromiseService promises;

  @Autowired
  private HistoryService historyService;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void anExtraPromiseIsKeptFromTheNextFormAndOnlyAnOpenPromiseOfThisComplaintIsOffered() throws Exception {
    String trackingNumber = receiveWithCallbackTomorrow();
    PromiseView answer = promises.ofComplaint(trackingNumber).get(0);
    PromiseView callback = promises.ofComplaint(trackingNumber).get(1);
    assertThat(offered(trackingNumber)).as("the form lists the open call-back, not the answer promise")
        .containsExactly(callback.id().toString());

    String other = receive();
    agreeExpectation(other, PROMISED);
    patchPromising(other, "We will e-mail you the tracking code", 2);
    PromiseView othersPromise = promises.ofComplaint(other).get(1);
    String taskId = claim(trackingNumber, Element.FIND_ROOT_CAUSE);
    for (Long attempt : List.of(answer.id(), othersPromise.id())) {
      ResponseEntity<Map> refused = submitForm(taskId, findCause(Map.of(Var.KEPT_PROMISE, attempt.toString())));
      assertThat(refused.getStatusCode()).as("promise " + attempt).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat((String) refused.getBody().get("message")).contains(Var.KEPT_PROMISE);
    }
    assertThat(promises.view(answer.id()).state()).isEqualTo(PromiseState.OPEN);
    assertThat(promises.view(othersPromise.id()).state()).isEqualTo(PromiseState.OPEN);

    submit(trackingNumber, Element.FIND_ROOT_CAUSE, findCause(Map.of(Var.KEPT_PROMISE, callback.id().toString())));

    PromiseView kept = promises.view(callback.id());
    assertThat(kept.state()).isEqualTo(PromiseState.KEPT);
    assertThat(kept.keptBy()).isEqualTo(AGENT);
    assertThat(watchesRunning(trackingNumber)).as("only the answer promise is still watched").isOne();
    assertThat(offered(trackingNumber)).isEmpty();
    assertThat(promises.view(answer.id()).state()).isEqualTo(PromiseState.OPEN);
  }

  @Test
  void anExtraPromiseIsKeptThroughTheApiByAnAgentOnly() {
    String trackingNumber = receiveWithCallbackTomorrow();
    PromiseView answer = promises.ofComplaint(trackingNumber).get(0);
    PromiseView callback = promises.ofComplaint(trackingNumber).get(1);

    assertThat(http.postForEntity("/api/promises/" + callback.id() + "/kept", null, Map.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(as(AUDITOR).postForEntity("/api/promises/" + callback.id() + "/kept", null, Map.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(as(AGENT).postForEntity("/api/promises/" + answer.id() + "/kept", null, Map.class).getStatusCode())
        .as("the answer promise is kept by sending the answer").isEqualTo(HttpStatus.CONFLICT);
    assertThat(promises.view(callback.id()).state()).isEqualTo(PromiseState.OPEN);
    assertThat(promises.view(answer.id()).state()).isEqualTo(PromiseState.OPEN);

    ResponseEntity<Map> kept = as(AGENT).postForEntity("/api/promises/" + callback.id() + "/kept", null, Map.class);

    assertThat(kept.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(kept.getBody()).containsEntry("state", "KEPT").containsEntry("keptBy", AGENT);
    assertThat(watchesRunning(trackingNumber)).isOne();
    assertThat(as(LEAD).postForEntity("/api/promises/" + callback.id() + "/kept", null, Map.class).getStatusCode())
        .as("kept once").isEqualTo(HttpStatus.CONFLICT);
    assertThat(as(AGENT).postForEntity("/api/promises/999999999/kept", null, Map.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void renegotiateInTimeOffersAlreadyKept() {
    String trackingNumber = receiveWithCallbackTomorrow();
    PromiseView callback = promises.ofComplaint(trackingNumber).get(1);

    renegotiationDue(callback);
    submit(trackingNumber, PromiseProcess.Element.RENEGOTIATE_IN_TIME, Map.of(PromiseProcess.Var.ALREADY_KEPT, true));

    PromiseView kept = promises.view(callback.id());
    assertThat(kept.state()).isEqualTo(PromiseState.KEPT);
    assertThat(kept.keptBy()).isEqualTo(AGENT);
    assertThat(kept.renegotiations()).isEmpty();
    ClockUtil.setCurrentTime(Date.from(callback.dueAt().plus(Duration.ofHours(1))));
    runDueJobs();
    assertThat(promises.view(callback.id()).state()).as("the deadline breaks nothing").isEqualTo(PromiseState.KEPT);
    assertThat(messageKinds(trackingNumber)).doesNotContain("BROKEN_PROMISE_APOLOGY");
  }

  /**
   * The watch stores no tracking number: its task shows the complaint's, read from the promise row as the task is
   * created, and the other complaint's when the promise moves there while the task is open.
   */
  @Test
  void theWatchsTaskShowsItsComplaintAndTheOneItsPromiseMovedTo() {
    String trackingNumber = receiveWithCallbackTomorrow();
    PromiseView callback = promises.ofComplaint(trackingNumber).get(1);
    renegotiationDue(callback);
    String task = taskService.createTaskQuery().processInstanceBusinessKey(trackingNumber + "/" + callback.id())
        .taskDefinitionKey(PromiseProcess.Element.RENEGOTIATE_IN_TIME).singleResult().getId();
    assertThat(taskService.getVariableLocal(task, PromiseProcess.Var.TRACKING_NUMBER)).isEqualTo(trackingNumber);
    assertThat(runtimeService.getVariable(taskService.createTaskQuery().taskId(task).singleResult()
        .getProcessInstanceId(), PromiseProcess.Var.TRACKING_NUMBER)).as("none on the watch itself").isNull();

    String other = receive();
    promises.moveTo(trackingNumber, complaintId(other), other);

    assertThat(taskService.getVariableLocal(task, PromiseProcess.Var.TRACKING_NUMBER)).isEqualTo(other);
    submit(trackingNumber, PromiseProcess.Element.RENEGOTIATE_IN_TIME, Map.of(PromiseProcess.Var.ALREADY_KEPT, true));
    assertThat(promises.view(callback.id()).state()).as("kept through the task, for the other complaint")
        .isEqualTo(PromiseState.KEPT);
  }

  /** A promise id set by hand on a watch (REST, Cockpit) redirects nothing: the watch reads the id in its key. */
  @Test
  void aPromiseIdSetOnTheWatchByHandDoesNotMakeItWatchAnotherPromise() {
    String trackingNumber = receiveWithCallbackTomorrow();
    PromiseView callback = promises.ofComplaint(trackingNumber).get(1);
    String other = receive();
    agreeExpectation(other, PROMISED);
    PromiseView othersAnswer = promises.ofComplaint(other).get(0);
    String watch = runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey(trackingNumber + "/" + callback.id()).singleResult().getId();
    runtimeService.setVariable(watch, PromiseProcess.Var.PROMISE_ID, othersAnswer.id());

    renegotiationDue(callback);
    submit(trackingNumber, PromiseProcess.Element.RENEGOTIATE_IN_TIME, Map.of(PromiseProcess.Var.ALREADY_KEPT, true));

    assertThat(promises.view(callback.id()).state()).as("the watched promise").isEqualTo(PromiseState.KEPT);
    assertThat(promises.view(othersAnswer.id()).state()).as("the other complaint's").isEqualTo(PromiseState.OPEN);
  }

  @Test
  void aComplaintClosesOnlyWithItsOpenPromisesSettledOnTheClosingForm() {
    String trackingNumber = receiveWithCallbackTomorrow();
    findCauseAndReport(trackingNumber);
    PromiseView callback = promises.ofComplaint(trackingNumber).get(1);
    String taskId = claim(trackingNumber, Element.RECORD_CUSTOMER_CONFIRMATION);

    ResponseEntity<Map> unsettled = submitForm(taskId, Map.of(Var.RESOLVED, "true"));
    assertThat(unsettled.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) unsettled.getBody().get("message")).contains(Var.PROMISES_ON_CLOSE);
    ResponseEntity<Map> withoutNote = submitForm(taskId, Map.of(Var.RESOLVED, "true",
        Var.PROMISES_ON_CLOSE, "released", Var.RELEASE_MESSAGE, "We no longer need to call you."));
    assertThat(withoutNote.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) withoutNote.getBody().get("message")).contains(Var.RELEASE_NOTE);
    ResponseEntity<Map> promisingMore = submitForm(taskId, Map.of(Var.RESOLVED, "true",
        Var.PROMISES_ON_CLOSE, "kept", Var.MAKE_PROMISE, true, Var.PROMISE_TYPE, "callback",
        Var.PROMISE_TEXT, "We will call again", Var.PROMISE_DUE, LocalDate.now(ZONE).plusDays(3) + "T12:00"));
    assertThat(promisingMore.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) promisingMore.getBody().get("message")).contains(Var.MAKE_PROMISE);
    assertThat(promises.view(callback.id()).state()).isEqualTo(PromiseState.OPEN);
    assertThat(openTaskKeys(trackingNumber)).containsExactly(Element.RECORD_CUSTOMER_CONFIRMATION);
    assertThat(promises.ofComplaint(trackingNumber)).hasSize(2);

    submit(trackingNumber, Element.RECORD_CUSTOMER_CONFIRMATION, Map.of(Var.RESOLVED, "true",
        Var.PROMISES_ON_CLOSE, "released", Var.RELEASE_NOTE, "The customer says the call is no longer needed",
        Var.RELEASE_MESSAGE, "As you told us on the phone, we will not call you back."));
    executeDueJobs();

    assertThat(complaintState(trackingNumber)).isEqualTo("CLOSED");
    PromiseView released = promises.view(callback.id());
    assertThat(released.state()).isEqualTo(PromiseState.RELEASED);
    assertThat(released.releasedBy()).isEqualTo(AGENT);
    assertThat(released.releaseNote()).isEqualTo("The customer says the call is no longer needed");
    assertThat(watchesRunning(trackingNumber)).isZero();
    assertThat(messageKinds(trackingNumber)).containsSubsequence("PROMISE_RELEASED", "CLOSING");
    assertThat(lastBodyOf(trackingNumber, "PROMISE_RELEASED"))
        .contains(callback.text()).contains("As you told us on the phone, we will not call you back.");
  }

  @Test
  void theClosingFormKeepsOnePromiseAndSettlesTheRestAsKept() {
    String trackingNumber = receiveWithCallbackTomorrow();
    submit(trackingNumber, Element.FIND_ROOT_CAUSE, findCause(promising("We will send you a voucher", 2)));
    fixRootCause(rootCauseOf(trackingNumber), "Stronger boxes");
    reportBack(trackingNumber, "We changed our boxes.");
    List<PromiseView> made = promises.ofComplaint(trackingNumber);
    assertThat(made).hasSize(3);

    submit(trackingNumber, Element.RECORD_CUSTOMER_CONFIRMATION, Map.of(Var.RESOLVED, "true",
        Var.KEPT_PROMISE, made.get(1).id().toString(), Var.PROMISES_ON_CLOSE, "kept"));
    executeDueJobs();

    assertThat(complaintState(trackingNumber)).isEqualTo("CLOSED");
    assertThat(promises.ofComplaint(trackingNumber)).extracting(PromiseView::state)
        .containsExactly(PromiseState.KEPT, PromiseState.KEPT, PromiseState.KEPT);
    assertThat(promises.ofComplaint(trackingNumber).subList(1, 3)).extracting(PromiseView::keptBy).containsOnly(AGENT);
    assertThat(messageKinds(trackingNumber)).doesNotContain("PROMISE_RELEASED");
    assertThat(watchesRunning(trackingNumber)).isZero();
  }

  @Test
  void theCustomerConfirmingThroughTheChannelLeavesNoOpenPromise() {
    String trackingNumber = receiveWithCallbackTomorrow();
    findCauseAndReport(trackingNumber);

    assertThat(customerReplies(trackingNumber, true, null).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    executeDueJobs();

    assertThat(complaintState(trackingNumber)).isEqualTo("CLOSED");
    PromiseView callback = promises.ofComplaint(trackingNumber).get(1);
    assertThat(callback.state()).isEqualTo(PromiseState.RELEASED);
    assertThat(callback.releaseNote()).contains("resolved, confirmed by the customer");
    assertThat(promises.ofComplaint(trackingNumber)).noneMatch(p -> p.state() == PromiseState.OPEN);
    assertThat(watchesRunning(trackingNumber)).isZero();
    assertThat(lastBodyOf(trackingNumber, "PROMISE_RELEASED")).contains(callback.text());
  }

  @Test
  void nothingAboutAPromiseFollowsAClosedComplaintHoweverFarTheClockMoves() {
    String trackingNumber = receiveWithCallbackTomorrow();
    PromiseView breaks = promises.ofComplaint(trackingNumber).get(1);
    submit(trackingNumber, Element.FIND_ROOT_CAUSE, findCause(promising("We will send you a voucher", 30)));
    PromiseView stillOpen = promises.ofComplaint(trackingNumber).get(2);

    // The call-back breaks: the team leads have "Handle the broken promise" open when the complaint closes.
    ClockUtil.setCurrentTime(Date.from(breaks.dueAt().plus(Duration.ofMinutes(1))));
    runDueJobs();
    assertThat(promises.view(breaks.id()).state()).isEqualTo(PromiseState.BROKEN);
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(trackingNumber + "/" + breaks.id()).count())
        .isOne();
    fixRootCause(rootCauseOf(trackingNumber), "Stronger boxes");
    reportBack(trackingNumber, "We changed our boxes.");

    // No reply: the complaint closes by itself.
    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(15))));
    runDueJobs();
    assertThat(complaintState(trackingNumber)).isEqualTo("CLOSED");
    assertThat(promises.view(stillOpen.id()).state()).isEqualTo(PromiseState.RELEASED);
    assertThat(promises.view(breaks.id()).escalationNote()).contains("before the complaint closed");
    assertThat(watchIds(trackingNumber)).as("the watches of the three promises").hasSize(3);

    assertNothingFollows(trackingNumber);
    assertThat(promises.ofComplaint(trackingNumber)).noneMatch(p -> p.state() == PromiseState.OPEN);
  }

  /** Every way a complaint closes, as the agent, the customer or the clock closes it. */
  enum Closing {
    CONFIRMED_ON_THE_FORM, CONFIRMED_BY_THE_CUSTOMER, NO_REPLY, CLOSED_WITHOUT_CONFIRMATION, CUSTOMER_UNREACHABLE
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Closing.class)
  void noPromiseTimerTaskMessageOrWatchOutlivesAClosedComplaintOfEveryPromiseKind(Closing closing) {
    String trackingNumber = receiveWithEveryKindOfPromise();
    assertThat(promises.ofComplaint(trackingNumber)).extracting(PromiseView::type)
        .containsExactly(PromiseType.ANSWER, PromiseType.CALLBACK, PromiseType.DELIVERY, PromiseType.REFUND,
            PromiseType.OTHER);
    assertThat(watchesRunning(trackingNumber)).as("the answer promise is kept by the answer").isEqualTo(4);

    close(trackingNumber, closing);
    runDueJobs();

    assertThat(complaintState(trackingNumber)).isEqualTo("CLOSED");
    assertThat(promises.ofComplaint(trackingNumber)).noneMatch(p -> p.state() == PromiseState.OPEN);
    assertNothingFollows(trackingNumber);
  }

  @Test
  void aMergedComplaintsPromisesAreWatchedForTheOtherAndNothingFollowsTheMergedOne() {
    String email = newEmail();
    String survivor = receive(intake(email, null));
    agreeExpectation(survivor, PROMISED);
    // Opened as another category by mistake, so not attached as a repeat contact.
    String merged = receive(intake(email, null).replace("\"delivery\"", "\"product\""));
    submit(merged, Element.AGREE_EXPECTATION, promising(Map.of(Var.DESIRED_OUTCOME, "replacement",
        Var.AGREED_ANSWER_DATE, PROMISED, Var.CONTACT_PREFERENCE, "email"), "callback", "We call you on Friday", 20));
    executeDueJobs();
    submit(merged, Element.PATCH_SYMPTOM,
        promising(Map.of(Var.PATCH_DESCRIPTION, "Sent a new vase"), "delivery", "The new vase arrives by Monday", 25));
    List<Long> moved = promises.ofComplaint(merged).stream().map(PromiseView::id).toList();
    assertThat(moved).hasSize(3);

    ResponseEntity<Map> response = as(AGENT).postForEntity("/api/complaints/" + survivor + "/merge",
        json("{\"trackingNumber\": \"" + merged + "\", \"note\": \"The same vase\"}"), Map.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);

    assertThat(complaintState(merged)).isEqualTo("MERGED");
    assertThat(promises.ofComplaint(merged)).as("every promise moved to the other complaint").isEmpty();
    assertThat(moved).allSatisfy(id -> assertThat(promises.view(id).trackingNumber()).isEqualTo(survivor));
    // The watches keep their business key (the engine cannot change it) but work for the other complaint now: they
    // read the promise, which moved, by the id in the key, and store no tracking number of their own.
    for (String watch : watchIds(merged)) {
      if (runtimeService.createProcessInstanceQuery().processInstanceId(watch).count() > 0) {
        assertThat(runtimeService.getVariable(watch, PromiseProcess.Var.TRACKING_NUMBER)).isNull();
      }
    }
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(merged).count())
        .as("no task of the merged complaint").isZero();
    List<String> messagesOfMerged = messageKinds(merged);

    // The other complaint lives on and closes (no reply); then nothing follows either, however far the clock moves.
    submit(survivor, Element.PATCH_SYMPTOM, Map.of(Var.PATCH_DESCRIPTION, "Sent a new vase"));
    submit(survivor, Element.FIND_ROOT_CAUSE, oneOff());
    reportBack(survivor, "The courier dropped your parcel.");
    close(survivor, Closing.NO_REPLY);
    runDueJobs();

    assertThat(complaintState(survivor)).isEqualTo("CLOSED");
    assertThat(moved).allSatisfy(id -> assertThat(promises.view(id).state()).isNotEqualTo(PromiseState.OPEN));
    assertNothingFollows(survivor);
    assertNothingFollows(merged);
    assertThat(messageKinds(merged)).as("nothing to the merged number").isEqualTo(messagesOfMerged);
  }

  // --- steps ------------------------------------------------------------------------------------------

  /** A complaint whose agent promised a call-back tomorrow on "Patch the symptom": its second promise. */
  private String receiveWithCallbackTomorrow() {
    String trackingNumber = receive();
    agreeExpectation(trackingNumber, PROMISED);
    patchPromising(trackingNumber, "We will call you back tomorrow before 17:00", 1);
    return trackingNumber;
  }

  private void patchPromising(String trackingNumber, String text, int daysAhead) {
    Map<String, Object> form = new HashMap<>(promising(text, daysAhead));
    form.put(Var.PATCH_DESCRIPTION, "Sent a replacement");
    submit(trackingNumber, Element.PATCH_SYMPTOM, form);
  }

  private static Map<String, Object> promising(String text, int daysAhead) {
    return Map.of(Var.MAKE_PROMISE, true, Var.PROMISE_TYPE, "callback", Var.PROMISE_TEXT, text,
        Var.PROMISE_DUE, LocalDate.now(ZONE).plusDays(daysAhead) + "T17:00");
  }

  private static Map<String, Object> findCause(Map<String, Object> more) {
    Map<String, Object> form = new HashMap<>(more);
    form.put(Var.ROOT_CAUSE_DESCRIPTION, "Weak packaging");
    form.put(Var.ONE_OFF, false);
    return form;
  }

  /** One promise of every kind: the answer, and one more on each form before the answer is sent. */
  private String receiveWithEveryKindOfPromise() {
    String trackingNumber = receive();
    submit(trackingNumber, Element.AGREE_EXPECTATION, promising(Map.of(Var.DESIRED_OUTCOME, "replacement",
        Var.AGREED_ANSWER_DATE, PROMISED, Var.CONTACT_PREFERENCE, "email"), "callback", "We call you on Friday", 20));
    executeDueJobs();
    submit(trackingNumber, Element.PATCH_SYMPTOM,
        promising(Map.of(Var.PATCH_DESCRIPTION, "Sent a new vase"), "delivery", "The new vase arrives by Monday", 25));
    submit(trackingNumber, Element.FIND_ROOT_CAUSE, promising(oneOff(), "refund", "We refund the postage", 30));
    submit(trackingNumber, Element.REPORT_BACK,
        promising(Map.of(Var.ANSWER_TEXT, "The courier dropped your parcel."), "other", "We send you a voucher", 35));
    if (openTaskKeys(trackingNumber).contains(Element.REVIEW_ANSWER)) {
      submit(SECOND_LEAD, trackingNumber, Element.REVIEW_ANSWER, Map.of(Var.ANSWER_APPROVED, "true"));
    }
    executeDueJobs();
    assertThat(openTaskKeys(trackingNumber)).contains(Element.RECORD_CUSTOMER_CONFIRMATION);
    return trackingNumber;
  }

  private void close(String trackingNumber, Closing closing) {
    Map<String, Object> released = Map.of(Var.PROMISES_ON_CLOSE, "released",
        Var.RELEASE_NOTE, "Closed before they were due", Var.RELEASE_MESSAGE, "These no longer hold.");
    switch (closing) {
      case CONFIRMED_ON_THE_FORM -> submit(trackingNumber, Element.RECORD_CUSTOMER_CONFIRMATION,
          Map.of(Var.RESOLVED, "true", Var.PROMISES_ON_CLOSE, "kept"));
      case CONFIRMED_BY_THE_CUSTOMER ->
          assertThat(customerReplies(trackingNumber, true, null).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
      case NO_REPLY -> ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(15))));
      case CLOSED_WITHOUT_CONFIRMATION, CUSTOMER_UNREACHABLE -> {
        Map<String, Object> form = new HashMap<>(released);
        form.put(Var.CLOSE_WITHOUT_CONFIRMATION, true);
        form.put(Var.CLOSE_REASON, closing == Closing.CUSTOMER_UNREACHABLE ? "CUSTOMER_UNREACHABLE" : "CUSTOMER_WILL_NOT_CONFIRM");
        form.put(Var.CLOSE_NOTE, "Tried three times");
        submit(trackingNumber, Element.RECORD_CUSTOMER_CONFIRMATION, form);
      }
    }
  }

  /**
   * A year past every deadline of the complaint's promises: no watch runs, no timer or job is left, no task is open
   * and no message to the customer is written after it closed.
   */
  private void assertNothingFollows(String trackingNumber) {
    List<String> messagesAtClose = messageKinds(trackingNumber);
    Instant latestDue = promises.ofComplaint(trackingNumber).stream().map(PromiseView::dueAt)
        .filter(Objects::nonNull).max(Instant::compareTo).orElse(ClockUtil.getCurrentTime().toInstant());
    ClockUtil.setCurrentTime(Date.from(latestDue.plus(Duration.ofDays(400))));
    runDueJobs();

    assertThat(watchesRunning(trackingNumber)).as("no promise watch").isZero();
    for (String watch : watchIds(trackingNumber)) {
      assertThat(managementService.createJobQuery().processInstanceId(watch).count()).as("no timer or job").isZero();
    }
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(trackingNumber).list())
        .as("the complaint's process ended").allSatisfy(running -> assertThat(
            runtimeService.getActiveActivityIds(running.getId())).as("still active in it").isEmpty());
    assertThat(taskService.createTaskQuery().processInstanceBusinessKeyLike(trackingNumber + "%").count())
        .as("no task of the complaint or its promises").isZero();
    assertThat(messageKinds(trackingNumber)).as("no message after closing").isEqualTo(messagesAtClose);
  }

  /** Every promise watch ever started for the complaint, running or ended. */
  private List<String> watchIds(String trackingNumber) {
    return historyService.createHistoricProcessInstanceQuery().processDefinitionKey(PromiseProcess.KEY)
        .processInstanceBusinessKeyLike(trackingNumber + "/%").list().stream().map(HistoricProcessInstance::getId)
        .toList();
  }

  private String receive(String intake) {
    ResponseEntity<Map> response = postComplaint(intake);
    assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.CREATED);
    return (String) response.getBody().get("trackingNumber");
  }

  private static Map<String, Object> promising(Map<String, Object> step, String type, String text, int daysAhead) {
    Map<String, Object> form = new HashMap<>(step);
    form.putAll(Map.of(Var.MAKE_PROMISE, true, Var.PROMISE_TYPE, type, Var.PROMISE_TEXT, text,
        Var.PROMISE_DUE, LocalDate.now(ZONE).plusDays(daysAhead) + "T17:00"));
    return form;
  }

  private static Map<String, Object> oneOff() {
    return Map.of(Var.ONE_OFF, true, Var.ONE_OFF_REASON, "PARTNER_SLIP", Var.ONE_OFF_NOTE, "The courier dropped it");
  }

  /** The promise ids the complaint's forms offer to mark kept. */
  private List<String> offered(String trackingNumber) throws Exception {
    String task = taskService.createTaskQuery().processInstanceBusinessKey(trackingNumber)
        .processDefinitionKey(ComplaintProcess.KEY).list().get(0).getId();
    List<String> ids = new ArrayList<>();
    for (JsonNode option : JSON.readTree(String.valueOf(shown(task, Var.OPEN_PROMISES)))) {
      ids.add(option.path("value").asText());
    }
    return ids;
  }

  private long watchesRunning(String trackingNumber) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(PromiseProcess.KEY)
        .processInstanceBusinessKeyLike(trackingNumber + "/%").count();
  }

  private String complaintState(String trackingNumber) {
    return jdbc.queryForObject("select state from complaint where tracking_number = ?", String.class, trackingNumber);
  }

  private List<String> messageKinds(String trackingNumber) {
    return jdbc.queryForList("select kind from customer_message where tracking_number = ? order by id", String.class,
        trackingNumber);
  }

  private String lastBodyOf(String trackingNumber, String kind) {
    List<String> bodies = jdbc.queryForList("select body from customer_message where tracking_number = ? and kind = ? "
        + "order by id", String.class, trackingNumber, kind);
    assertThat(bodies).as(kind).isNotEmpty();
    return bodies.get(bodies.size() - 1);
  }

  /**
   * The job executor's work until nothing is due. Jobs other tests left behind may fail at a clock this far ahead;
   * they are theirs to judge, so a failing one only loses a retry here.
   */
  /** Half an hour before the promise's deadline: its watch has reminded and opened "Renegotiate in time". */
  private void renegotiationDue(PromiseView promise) {
    ClockUtil.setCurrentTime(Date.from(promise.dueAt().minus(Duration.ofMinutes(30))));
    runDueJobs();
  }

  private void runDueJobs() {
    for (int round = 0; round < 10 && managementService.createJobQuery().executable().count() > 0; round++) {
      for (Job job : managementService.createJobQuery().executable().list()) {
        try {
          managementService.executeJob(job.getId());
        } catch (RuntimeException e) {
          // not this test's job, or a retry the engine records as an incident
        }
      }
    }
  }
}
