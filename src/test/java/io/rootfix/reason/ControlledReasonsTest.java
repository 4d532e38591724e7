package io.rootfix.reason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rootfix.complaint.ComplaintProcess;
import io.rootfix.complaint.ComplaintProcess.Element;
import io.rootfix.complaint.ComplaintProcess.Var;
import io.rootfix.support.RootfixIntegrationTest;
import io.rootfix.web.InvalidInputException;
import java.io.File;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Every decision that changes a complaint's course takes a reason from its controlled list plus a note: a missing
 * or unknown one is a 400 naming the field; the forms offer exactly the list; the reasons are reported per period.
 */
class ControlledReasonsTest extends RootfixIntegrationTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired
  ControlledReasons reasons;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void everyStepRejectsAMissingReasonWithAClearMessageAndStaysOpen() {
    String oneOff = receiveAndPatch();
    String findTask = claim(oneOff, Element.FIND_ROOT_CAUSE);
    assertMissingReason(submitForm(findTask, Map.of(Var.ROOT_CAUSE_DESCRIPTION, "Dropped", Var.ONE_OFF, true)),
        Var.ONE_OFF_REASON, Var.ONE_OFF_NOTE);
    assertThat(taskService.createTaskQuery().taskId(findTask).count()).isOne();

    String reported = receiveAndPatch();
    findCauseAndReport(reported);
    String confirmTask = claim(reported, Element.RECORD_CUSTOMER_CONFIRMATION);
    assertMissingReason(submitForm(confirmTask, Map.of(Var.RESOLVED, "false")), Var.REOPEN_REASON, Var.REOPEN_NOTE);
    assertMissingReason(submitForm(confirmTask, Map.of(Var.CLOSE_WITHOUT_CONFIRMATION, true)),
        Var.CLOSE_REASON, Var.CLOSE_NOTE);
    ResponseEntity<Map> unknown = submitForm(confirmTask, Map.of(Var.RESOLVED, "false", Var.REOPEN_REASON, "GRUMPY",
        Var.REOPEN_NOTE, "Still broken"));
    assertThat((String) unknown.getBody().get("message"))
        .contains("reopenReason: is not one of the choices on this form: PROBLEM_PERSISTS");
    assertThat(taskService.createTaskQuery().taskId(confirmTask).count()).isOne();

    String reviewed = receiveAndPatch();
    submit(reviewed, Element.FIND_ROOT_CAUSE, Map.of(Var.ROOT_CAUSE_DESCRIPTION, "Dropped", Var.ONE_OFF, true,
        Var.ONE_OFF_REASON, "PARTNER_SLIP", Var.ONE_OFF_NOTE, "The courier admitted it"));
    jdbc.update("update complaint set severity = 'CRITICAL' where tracking_number = ?", reviewed);
    runtimeService.setVariable(processInstanceOf(reviewed), Var.SEVERITY, "critical");
    submit(reviewed, Element.REPORT_BACK, Map.of(Var.ANSWER_TEXT, "Our courier dropped it."));
    String reviewTask = claim(SECOND_LEAD, reviewed, Element.REVIEW_ANSWER);
    assertMissingReason(submitForm(SECOND_LEAD, reviewTask, Map.of(Var.ANSWER_APPROVED, "false")),
        Var.RETURN_REASON, Var.RETURN_NOTE);

    // The remedy approval (issue 4) checks a refusal with the same call.
    assertThatThrownBy(() -> reasons.require(ReasonStep.REMEDY_REFUSAL, null, "refusalReason", " ", "refusalNote"))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).getFieldErrors())
            .containsEntry("refusalReason", "is required: choose a reason from the list")
            .containsEntry("refusalNote", "is required: say in a few words what happened"));
    assertThat(reasons.require(ReasonStep.REMEDY_REFUSAL, "ALREADY_COMPENSATED", "refusalReason", "Voucher in May",
        "refusalNote")).isEqualTo(new Reason("ALREADY_COMPENSATED", "Already compensated for this matter"));

    assertThat(count("recorded_reason where tracking_number in ('%s', '%s')".formatted(oneOff, reported))).isZero();
  }

  @Test
  void theFormsOfferExactlyTheControlledLists() throws Exception {
    String trackingNumber = receiveAndPatch();
    assertThat(choices(trackingNumber, Element.FIND_ROOT_CAUSE, Var.ONE_OFF_REASONS)).isEqualTo(codes(ReasonStep.ONE_OFF));
    findCauseAndReport(trackingNumber);
    assertThat(choices(trackingNumber, Element.RECORD_CUSTOMER_CONFIRMATION, Var.REOPEN_REASONS))
        .isEqualTo(codes(ReasonStep.REOPEN));
    assertThat(choices(trackingNumber, Element.RECORD_CUSTOMER_CONFIRMATION, Var.CLOSE_REASONS))
        .isEqualTo(codes(ReasonStep.CLOSE_WITHOUT_CONFIRMATION));

    // Each reason select reads its options from the variable its task's create listener sets.
    assertThat(valuesKey("find-root-cause", Var.ONE_OFF_REASON)).isEqualTo(Var.ONE_OFF_REASONS);
    assertThat(valuesKey("review-answer", Var.RETURN_REASON)).isEqualTo(Var.RETURN_REASONS);
    assertThat(valuesKey("record-confirmation", Var.REOPEN_REASON)).isEqualTo(Var.REOPEN_REASONS);
    assertThat(valuesKey("record-confirmation", Var.CLOSE_REASON)).isEqualTo(Var.CLOSE_REASONS);
  }

  @Test
  void reasonsAreRecordedWithWhoAndWhenAndReportedPerStepAndPeriod() {
    executeDueJobs(); // what other tests left due happens before the period counted here
    Instant from = Instant.now();
    Instant to = from.plus(Duration.ofDays(16));
    // Other tests that moved the engine clock may have recorded reasons inside this future period: count from there.
    Map<String, Integer> already = countsByStepAndCode(from, to);
    String reopened = receiveAndPatch();
    findCauseAndReport(reopened);
    submit(reopened, Element.RECORD_CUSTOMER_CONFIRMATION, Map.of(Var.RESOLVED, "false",
        Var.REOPEN_REASON, "REMEDY_NOT_RECEIVED", Var.REOPEN_NOTE, "The replacement never came"));
    findCauseAndReport(reopened);
    assertThat(customerReplies(reopened, false, "Still nothing").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

    String closedByAgent = receiveAndPatch();
    findCauseAndReport(closedByAgent);
    submit(closedByAgent, Element.RECORD_CUSTOMER_CONFIRMATION, Map.of(Var.CLOSE_WITHOUT_CONFIRMATION, true,
        Var.CLOSE_REASON, "CUSTOMER_UNREACHABLE", Var.CLOSE_NOTE, "Called three times, mailed twice"));
    executeDueJobs();
    assertThat(jdbc.queryForObject("select closing_note from complaint where tracking_number = ?", String.class,
        closedByAgent)).isEqualTo("Closed without the customer's confirmation (We could not reach the customer on any "
        + "channel): Called three times, mailed twice");
    assertThat(jdbc.queryForObject("select body from customer_message where tracking_number = ? and kind = 'CLOSING'",
        String.class, closedByAgent)).as("the internal note stays internal")
        .contains("We hebben niet van u gehoord of ze is opgelost").doesNotContain("Called three times");

    String noReply = receiveAndPatch();
    findCauseAndReport(noReply);
    ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + Duration.ofDays(15).toMillis()));
    // Only this complaint's jobs: other tests' complaints waiting for a reply stay as they are.
    runJob(noReply, Element.NO_REPLY);
    runJob(noReply, Element.CLOSE_WITHOUT_REPLY);
    ClockUtil.reset();

    assertThat(recorded(reopened)).containsExactly("REOPEN:REMEDY_NOT_RECEIVED:sam:The replacement never came",
        "REOPEN:CUSTOMER_REPLY:customer:Still nothing");
    assertThat(recorded(closedByAgent))
        .containsExactly("CLOSE_WITHOUT_CONFIRMATION:CUSTOMER_UNREACHABLE:sam:Called three times, mailed twice");
    assertThat(recorded(noReply))
        .containsExactly("CLOSE_WITHOUT_CONFIRMATION:NO_REPLY:system:No reply in the 15 days since our answer was sent.");

    Map<String, Object> insights = insights(from, to);
    Map<String, Integer> counted = countsByStepAndCode(from, to);
    counted.replaceAll((key, count) -> count - already.getOrDefault(key, 0));
    counted.values().removeIf(count -> count == 0);
    assertThat(counted).as("what this test recorded, per step and per reason").containsExactlyInAnyOrderEntriesOf(Map.of(
        "total", 4, "CLOSE_WITHOUT_CONFIRMATION", 2, "REOPEN", 2,
        "CLOSE_WITHOUT_CONFIRMATION:CUSTOMER_UNREACHABLE", 1, "CLOSE_WITHOUT_CONFIRMATION:NO_REPLY", 1,
        "REOPEN:REMEDY_NOT_RECEIVED", 1, "REOPEN:CUSTOMER_REPLY", 1));
    List<Map<String, Object>> steps = (List<Map<String, Object>>) insights.get("steps");
    assertThat(steps).extracting(s -> s.get("step")).containsExactly("CLOSE_WITHOUT_CONFIRMATION", "REOPEN");
    assertThat((List<Map<String, Object>>) steps.get(0).get("reasons")).anySatisfy(r ->
        assertThat(r).containsEntry("code", "NO_REPLY")
            .containsEntry("label", "No reply within 14 days after our answer (set automatically)"));

    Map<String, Object> before = as(AUDITOR).getForObject(
        "/api/insights/reasons?from=2020-01-01T00:00:00Z&to=2020-02-01T00:00:00Z", Map.class);
    assertThat(before).containsEntry("total", 0);
    assertThat(as(AGENT).getForEntity("/api/insights/reasons", Map.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(as(AUDITOR).getForEntity("/api/insights/reasons?from=yesterday", Map.class).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
  }

  private Map<String, Object> insights(Instant from, Instant to) {
    return as(SECOND_LEAD).getForObject("/api/insights/reasons?from=" + from + "&to=" + to, Map.class);
  }

  /** The report as counts: "total", each step's total, and "STEP:CODE" for each reason. */
  private Map<String, Integer> countsByStepAndCode(Instant from, Instant to) {
    Map<String, Object> insights = insights(from, to);
    Map<String, Integer> counts = new HashMap<>(Map.of("total", (Integer) insights.get("total")));
    for (Map<String, Object> step : (List<Map<String, Object>>) insights.get("steps")) {
      counts.put((String) step.get("step"), (Integer) step.get("total"));
      for (Map<String, Object> reason : (List<Map<String, Object>>) step.get("reasons")) {
        counts.put(step.get("step") + ":" + reason.get("code"), (Integer) reason.get("count"));
      }
    }
    return counts;
  }

  private void runJob(String trackingNumber, String activityId) {
    managementService.executeJob(managementService.createJobQuery().processInstanceId(processInstanceOf(trackingNumber))
        .activityId(activityId).singleResult().getId());
  }

  private void assertMissingReason(ResponseEntity<Map> response, String reasonField, String noteField) {
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) response.getBody().get("message"))
        .contains(reasonField + ": is required: choose a reason from the list")
        .contains(noteField + ": is required");
  }

  /** The options the open task's form offers under this name, read as Tasklist reads them. */
  private List<String> choices(String trackingNumber, String taskKey, String name) throws Exception {
    Object value = shown(taskId(trackingNumber, taskKey), name);
    List<String> codes = new ArrayList<>();
    JSON.readTree(value.toString()).forEach(option -> codes.add(option.get("value").asText()));
    return codes;
  }

  /** The step's reasons a person may choose: not those only the process gives (NO_REPLY, CUSTOMER_REPLY). */
  private List<String> codes(String step) {
    return reasons.of(step).stream().map(Reason::code)
        .filter(code -> !List.of(ReasonStep.NO_REPLY, ReasonStep.CUSTOMER_REPLY).contains(code)).toList();
  }

  private static String valuesKey(String form, String key) throws Exception {
    return find(JSON.readTree(new File("forms/" + form + ".form")).path("components"), key).path("valuesKey").asText();
  }

  private static JsonNode find(JsonNode components, String key) {
    for (JsonNode component : components) {
      if (key.equals(component.path("key").asText())) {
        return component;
      }
      JsonNode inner = find(component.path("components"), key);
      if (!inner.isMissingNode()) {
        return inner;
      }
    }
    return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }

  private List<String> recorded(String trackingNumber) {
    return jdbc.queryForList("select step || ':' || code || ':' || recorded_by || ':' || note from recorded_reason "
        + "where tracking_number = ? order by recorded_at, id", String.class, trackingNumber);
  }

  private String processInstanceOf(String trackingNumber) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(ComplaintProcess.KEY).processInstanceBusinessKey(trackingNumber).singleResult().getId();
  }
}
