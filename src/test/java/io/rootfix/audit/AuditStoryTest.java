package io.rootfix.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.rootfix.complaint.ComplaintProcess;
import io.rootfix.complaint.ComplaintProcess.Element;
import io.rootfix.complaint.ComplaintProcess.Var;
import io.rootfix.support.RootfixIntegrationTest;
import io.rootfix.rootcause.RootCauseProcess;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * An auditor reads a complaint's story: every milestone in order, in the office's local time, with the full name
 * of who did it; the promises, remedies, messages and reasons in words. Nobody else gets it.
 */
class AuditStoryTest extends RootfixIntegrationTest {

  /** 09:00 in Amsterdam (CET, UTC+1): each step below happens some minutes later, on the engine clock. */
  private static final Instant START = Instant.parse("2026-11-30T08:00:00Z");
  private static final DateTimeFormatter AMSTERDAM = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm")
      .withZone(ZoneId.of("Europe/Amsterdam"));

  private Instant clock = START;

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  @Test
  void aClosedComplaintsStoryHasEveryMilestoneInOrderWithNamesAndLocalTimes() {
    String trackingNumber = workedThroughItsWholeLife();

    Map<String, Object> story = as(AUDITOR).getForObject("/api/audit/complaints/" + trackingNumber + "/story", Map.class);

    List<Map<String, Object>> timeline = (List<Map<String, Object>>) story.get("timeline");
    assertThat(timeline).extracting(m -> m.get("localTime") + " " + m.get("what") + " | " + m.get("by")).containsExactly(
        "30-11-2026 09:00 Complaint received | the customer",
        // A web complaint is acknowledged at once (ISO 10002), before anyone has agreed anything.
        "30-11-2026 09:00 Acknowledged with the tracking number | Rootfix (automatic)",
        "30-11-2026 09:05 Expectation agreed | Sam Jansen (sam)",
        "30-11-2026 09:10 Symptom patched | Sam Jansen (sam)",
        "30-11-2026 09:15 Root cause found | Sam Jansen (sam)",
        "30-11-2026 09:25 Root cause fixed | Lea de Vries (lea)",
        "30-11-2026 09:35 Answer drafted | Sam Jansen (sam)",
        "30-11-2026 09:40 Answer returned to its author | Ivo Mulder (ivo)",
        "30-11-2026 09:45 Answer drafted | Sam Jansen (sam)",
        "30-11-2026 09:50 Answer reviewed and approved | Ivo Mulder (ivo)",
        "30-11-2026 09:55 Answer sent | Rootfix (automatic)",
        "30-11-2026 10:00 Customer's reply recorded | Sam Jansen (sam)",
        "30-11-2026 10:00 Complaint closed | Rootfix (automatic)");
    timeline.forEach(m -> assertThat(m.get("localTime")).isEqualTo(AMSTERDAM.format(Instant.parse((String) m.get("at")))));
    assertThat(detailsOf(timeline, "Complaint received")).isEqualTo(
        "by web form, about delivery; the customer wants refund; order ORD-4711");
    assertThat(detailsOf(timeline, "Expectation agreed")).isEqualTo(
        "the customer wants refund; an answer by "
            + LocalDate.parse(PROMISED).format(DateTimeFormatter.ofPattern("dd-MM-yyyy")) + "; to hear from us by email");
    assertThat(detailsOf(timeline, "Symptom patched")).isEqualTo("Refunded at once");
    assertThat(detailsOf(timeline, "Root cause found")).matches("RC-\\d+ Weak packaging");
    assertThat(detailsOf(timeline, "Root cause fixed")).endsWith(": Stronger boxes; verified by Ivo Mulder (ivo)");
    assertThat(detailsOf(timeline, "Answer returned to its author"))
        .isEqualTo("Does not say what works differently from now on: Say what we changed so it does not happen again");
    assertThat(detailsOf(timeline, "Answer sent")).contains("by email to ", "reviewed (",
        "the answer: We changed our boxes; every vase now ships in a moulded box.", "approved by Ivo Mulder (ivo)");
    assertThat(detailsOf(timeline, "Customer's reply recorded")).isEqualTo("resolved; \"Thanks, all good\"");
    assertThat(detailsOf(timeline, "Complaint closed")).isEqualTo("Resolved, confirmed by the customer.");

    // The answer promise, kept by the answer; the refund with its amount and the payment's reference.
    assertThat((List<Map<String, Object>>) story.get("promises")).anySatisfy(p -> assertThat(p)
        .containsEntry("type", "Answer").containsEntry("outcome", "kept").containsEntry("madeBy", "Sam Jansen (sam)")
        .containsEntry("madeAt", "30-11-2026 09:05"));
    assertThat((List<Map<String, Object>>) story.get("remedies")).singleElement().satisfies(r -> {
      assertThat(r).containsEntry("type", "Refund").containsEntry("amount", 25.0).containsEntry("currency", "EUR")
          .containsEntry("outcome", "paid");
      assertThat((String) r.get("reference")).isNotBlank();
    });
    assertThat((List<Map<String, Object>>) story.get("messages")).extracting(m -> m.get("kind"))
        .contains("Acknowledgement", "Report", "Closing");
    // Reasons in words: the decision and the reason as staff chose it, never a code.
    assertThat((List<Map<String, Object>>) story.get("reasons")).singleElement().satisfies(r -> assertThat(r)
        .containsEntry("step", "Answer returned to its author").containsEntry("reason", "Does not say what works differently from now on")
        .containsEntry("by", "Ivo Mulder (ivo)").containsEntry("at", "30-11-2026 09:40"));

    // The same story on the auditors' page, the full trail one click away.
    String page = as(AUDITOR).getForObject("/audit/complaints/" + trackingNumber, String.class);
    assertThat(page).contains("<h2>What happened</h2>", "30-11-2026 09:40", "Answer returned to its author",
        "Ivo Mulder (ivo)", "Europe/Amsterdam", "href=\"/audit/complaints/" + trackingNumber + "/trail\"");
  }

  @Test
  void theStoryNeedsNoHistoryOfProcessVariables() {
    // Not closed, so not sealed: a seal covers the trail, and the suite's chain of seals must stay intact.
    String trackingNumber = workedThroughUntilTheAnswer();
    String before = as(AUDITOR).getForObject("/api/audit/complaints/" + trackingNumber + "/story", String.class);

    // What a slimmer history would no longer keep: every value the process ever held.
    Map<String, Object> slimmed = Map.of("details", jdbc.update("delete from act_hi_detail where proc_inst_id_ in "
        + "(select id_ from act_hi_procinst where business_key_ = ?)", trackingNumber),
        "variables", jdbc.update("delete from act_hi_varinst where proc_inst_id_ in "
        + "(select id_ from act_hi_procinst where business_key_ = ?)", trackingNumber));
    assertThat(slimmed).allSatisfy((table, rows) -> assertThat((Integer) rows).as(table).isPositive());

    assertThat(as(AUDITOR).getForObject("/api/audit/complaints/" + trackingNumber + "/story", String.class))
        .isEqualTo(before);
  }

  @Test
  void theFullTrailShowsLocalTimeAndAWholeLifeLeavesNoWorkingValuesToFold() {
    String trackingNumber = workedThroughItsWholeLife();

    String trail = as(AUDITOR).getForObject("/audit/complaints/" + trackingNumber + "/trail", String.class);

    assertThat(trail).contains("Sam Jansen (sam)", "30-11-2026 09:05", "Value set: patchDescription")
        .doesNotContain("<td>null</td>", "delete = true", "[{", "T08:0", " UTC 2026")
        // Option lists never reach the history (HistoryForAuditors) and no variable is set empty any more.
        .doesNotContain("<details>", "working values");
  }

  @Test
  void emptiedValuesAnEarlierVersionRecordedFoldAwayBelowTheTrail() {
    // Not closed, so not sealed: a seal covers the trail, and the suite's chain of seals must stay intact.
    String trackingNumber = workedThroughUntilTheAnswer();
    // Until 5 December 2026 every new matter stored repeatOf = null; trails recorded then still hold it.
    runtimeService.setVariable(runtimeService.createProcessInstanceQuery().processDefinitionKey(ComplaintProcess.KEY)
        .processInstanceBusinessKey(trackingNumber).singleResult().getId(), Var.REPEAT_OF, null);

    String trail = as(AUDITOR).getForObject("/audit/complaints/" + trackingNumber + "/trail", String.class);

    assertThat(trail.substring(0, trail.indexOf("<details>"))).contains("Value set: patchDescription")
        .doesNotContain("<td>null</td>", "Value set: repeatOf");
    assertThat(trail.substring(trail.indexOf("<details>")))
        .contains("1 working values of the engine", "Value set: repeatOf", "<td>null</td>");
  }

  @Test
  void aBrowserThatIsNoAuditorGetsAPageSayingSoAndAnApiClientGetsJson() {
    HttpHeaders browser = new HttpHeaders();
    browser.set(HttpHeaders.ACCEPT, "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
    for (String path : List.of("/audit", "/audit/complaints/RF-0000-000000", "/audit/verify")) {
      ResponseEntity<String> anonymous = http.exchange(path, HttpMethod.GET, new HttpEntity<>(browser), String.class);
      assertThat(anonymous.getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
      assertThat(anonymous.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
      assertThat(anonymous.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
      assertThat(anonymous.getBody()).contains("<h1>Please sign in</h1>", "for auditors");

      ResponseEntity<String> agent = as(AGENT).exchange(path, HttpMethod.GET, new HttpEntity<>(browser), String.class);
      assertThat(agent.getStatusCode()).as(path).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(agent.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
      assertThat(agent.getBody()).contains("<h1>Not for you</h1>", "signed in as sam", "for auditors")
          .doesNotContain("RF-0000");
    }

    HttpHeaders api = new HttpHeaders();
    api.setAccept(List.of(MediaType.APPLICATION_JSON));
    ResponseEntity<Map> json = as(AGENT).exchange("/audit", HttpMethod.GET, new HttpEntity<>(api), Map.class);
    assertThat(json.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(json.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
    assertThat(json.getBody()).containsEntry("status", 403);
    ResponseEntity<Map> story = as(AGENT).exchange("/api/audit/complaints/RF-0000-000000/story", HttpMethod.GET,
        new HttpEntity<>(browser), Map.class);
    assertThat(story.getStatusCode()).as("the API stays JSON, whoever asks").isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(story.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
  }

  /**
   * A refund within the policy, an answer a team lead returns once and then approves, the root cause fixed by one
   * team lead and verified by another, the customer's "resolved": five minutes between the steps.
   */
  private String workedThroughItsWholeLife() {
    String trackingNumber = workedThroughUntilTheAnswer();
    later();
    submit(trackingNumber, Element.RECORD_CUSTOMER_CONFIRMATION, Map.of(Var.RESOLVED, "true",
        Var.CUSTOMER_COMMENT, "Thanks, all good"));
    allJobs();
    return trackingNumber;
  }

  private String workedThroughUntilTheAnswer() {
    ClockUtil.setCurrentTime(Date.from(clock));
    ResponseEntity<Map> received = postComplaint("""
        {"customerName": "Eva de Wit", "customerEmail": "%s", "channel": "web", "category": "delivery",
         "description": "The vase arrived broken.", "desiredOutcome": "refund", "amount": 25,
         "orderReference": "ORD-4711", "severity": "critical"}""".formatted(newEmail()));
    assertThat(received.getStatusCode()).as(String.valueOf(received.getBody())).isEqualTo(HttpStatus.CREATED);
    String trackingNumber = (String) received.getBody().get("trackingNumber");
    allJobs();
    later();
    submit(trackingNumber, Element.AGREE_EXPECTATION, Map.of(Var.DESIRED_OUTCOME, "refund",
        Var.AGREED_ANSWER_DATE, PROMISED, Var.CONTACT_PREFERENCE, "email"));
    allJobs();
    later();
    submit(trackingNumber, Element.PATCH_SYMPTOM, Map.of(Var.PATCH_DESCRIPTION, "Refunded at once"));
    later();
    submit(trackingNumber, Element.FIND_ROOT_CAUSE, Map.of(Var.ROOT_CAUSE_DESCRIPTION, "Weak packaging",
        Var.ONE_OFF, false));
    later();
    String rootCause = "RC-" + rootCauseOf(trackingNumber);
    submit(LEAD, rootCause, RootCauseProcess.Element.INVESTIGATE, Map.of(RootCauseProcess.Var.WILL_FIX, true,
        RootCauseProcess.Var.FIX_DEADLINE, "2026-12-14"));
    later();
    submit(LEAD, rootCause, RootCauseProcess.Element.FIX, Map.of(RootCauseProcess.Var.FIX_DESCRIPTION, "Stronger boxes"));
    later();
    submit(SECOND_LEAD, rootCause, RootCauseProcess.Element.VERIFY, Map.of(RootCauseProcess.Var.FIX_VERIFIED, "true"));
    allJobs();
    later();
    submit(trackingNumber, Element.REPORT_BACK, Map.of(Var.ANSWER_TEXT, "We changed our boxes."));
    later();
    submit(SECOND_LEAD, trackingNumber, Element.REVIEW_ANSWER, Map.of(Var.ANSWER_APPROVED, "false",
        Var.RETURN_REASON, "MISSING_FIX", Var.RETURN_NOTE, "Say what we changed so it does not happen again"));
    later();
    submit(trackingNumber, Element.REPORT_BACK,
        Map.of(Var.ANSWER_TEXT, "We changed our boxes; every vase now ships in a moulded box."));
    later();
    submit(SECOND_LEAD, trackingNumber, Element.REVIEW_ANSWER, Map.of(Var.ANSWER_APPROVED, "true"));
    later();
    allJobs();
    return trackingNumber;
  }

  /** Runs due jobs until none is left: an asynchronous step may leave the next one behind it. */
  private void allJobs() {
    for (int round = 0; round < 10 && managementService.createJobQuery().executable().count() > 0; round++) {
      executeDueJobs();
    }
  }

  private void later() {
    clock = clock.plusSeconds(300);
    ClockUtil.setCurrentTime(Date.from(clock));
  }

  private static String detailsOf(List<Map<String, Object>> timeline, String what) {
    return timeline.stream().filter(m -> what.equals(m.get("what"))).map(m -> (String) m.get("details"))
        .reduce((first, last) -> last).orElseThrow(() -> new AssertionError("no milestone " + what));
  }
}
