package io.rootfix.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.rootfix.support.RootfixIntegrationTest;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Health for anyone, metrics for admins, and Rootfix's own figures moving with its complaints. */
class OperationsEndpointsTest extends RootfixIntegrationTest {

  private static final String ADMIN = "demo";

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  @Test
  void healthAnswersUpToAnyoneButShowsItsDetailsOnlyToAnAdmin() {
    for (String path : new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
      ResponseEntity<Map> anonymous = http.getForEntity(path, Map.class);
      assertThat(anonymous.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
      assertThat(anonymous.getBody()).as(path).containsEntry("status", "UP").doesNotContainKeys("components", "details");
    }
    // An agent is signed in but no admin: still no details.
    assertThat(as(AGENT).getForObject("/actuator/health", Map.class)).containsEntry("status", "UP")
        .doesNotContainKeys("components", "details");

    Map<String, Object> details = http.withBasicAuth(ADMIN, ADMIN).getForObject("/actuator/health", Map.class);
    assertThat(details).containsEntry("status", "UP");
    assertThat((Map<String, Object>) details.get("components")).containsKeys("db", "diskSpace", "processEngine");
  }

  @Test
  void metricsAndPrometheusAreForAdminsOnly() {
    for (String path : new String[] {"/actuator/prometheus", "/actuator/metrics", "/actuator/metrics/jvm.memory.used"}) {
      assertThat(http.getForEntity(path, String.class).getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
      assertThat(as(AGENT).getForEntity(path, String.class).getStatusCode()).as(path).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(as(LEAD).getForEntity(path, String.class).getStatusCode()).as(path).isEqualTo(HttpStatus.FORBIDDEN);
      // (Not the admin with a wrong password: the engine would hold a failed login against it for seconds.)
      assertThat(http.withBasicAuth("nobody", "guess").getForEntity(path, String.class).getStatusCode()).as(path)
          .isEqualTo(HttpStatus.UNAUTHORIZED);
    }
    // Nothing else of the actuator is reachable, even by a signed-in agent, and nothing can be changed.
    assertThat(as(AGENT).getForEntity("/actuator/env", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(http.withBasicAuth(ADMIN, ADMIN).postForEntity("/actuator/health", null, String.class).getStatusCode())
        .isIn(HttpStatus.METHOD_NOT_ALLOWED, HttpStatus.FORBIDDEN);

    ResponseEntity<String> prometheus = http.withBasicAuth(ADMIN, ADMIN).getForEntity("/actuator/prometheus", String.class);
    assertThat(prometheus.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(prometheus.getBody()).contains("rootfix_complaints_open{", "rootfix_promises_overdue",
        "rootfix_remedies_paid_amount_euros_total", "rootfix_outbox_backlog", "jvm_memory_used_bytes");
  }

  @Test
  void aComplaintMovesTheFiguresOnceTheirMaximumAgeHasPassed() {
    Instant start = Instant.now();
    ClockUtil.setCurrentTime(Date.from(start));
    double received = metric("rootfix_complaints_received_total{channel=\"web\"}");
    double waiting = metric("rootfix_complaints_open{state=\"RECEIVED\"}");
    double closed = metric("rootfix_complaints_closed_total");
    double openPromises = metric("rootfix_promises_open");

    String trackingNumber = receive();

    // Within the maximum age the figures are not read again, however often Prometheus scrapes.
    assertThat(metric("rootfix_complaints_received_total{channel=\"web\"}")).isEqualTo(received);

    ClockUtil.setCurrentTime(Date.from(start.plusSeconds(11)));
    assertThat(metric("rootfix_complaints_received_total{channel=\"web\"}")).isEqualTo(received + 1);
    assertThat(metric("rootfix_complaints_open{state=\"RECEIVED\"}")).isEqualTo(waiting + 1);

    agreeExpectation(trackingNumber, PROMISED);
    ClockUtil.setCurrentTime(Date.from(start.plusSeconds(22)));
    assertThat(metric("rootfix_complaints_open{state=\"RECEIVED\"}")).isEqualTo(waiting);
    assertThat(metric("rootfix_promises_open")).isGreaterThan(openPromises);

    submit(trackingNumber, io.rootfix.complaint.ComplaintProcess.Element.PATCH_SYMPTOM,
        Map.of(io.rootfix.complaint.ComplaintProcess.Var.PATCH_DESCRIPTION, "Sent a replacement"));
    findCauseAndReport(trackingNumber);
    assertThat(customerReplies(trackingNumber, true, null).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    executeDueJobs();
    ClockUtil.setCurrentTime(Date.from(start.plusSeconds(33)));
    assertThat(metric("rootfix_complaints_closed_total")).isEqualTo(closed + 1);
    // Sealed as it closed; the gauge counts what waits for its seal.
    assertThat(count("audit_seal where tracking_number = '" + trackingNumber + "'")).isEqualTo(1);
    assertThat(metric("rootfix_audit_seals_behind")).isEqualTo(jdbc.queryForObject("select count(*) from complaint c"
        + " where c.state = 'CLOSED' and not exists (select 1 from audit_seal s where s.complaint_id = c.id)",
        Long.class).doubleValue());
  }

  /** One sample of the Prometheus text format, by its name and labels as written there. */
  private double metric(String sample) {
    String body = http.withBasicAuth(ADMIN, ADMIN).getForObject("/actuator/prometheus", String.class);
    Matcher value = Pattern.compile("(?m)^" + Pattern.quote(sample) + " (\\S+)$").matcher(body);
    assertThat(value.find()).as(sample + " in\n" + body).isTrue();
    return Double.parseDouble(value.group(1));
  }
}
