package io.rootfix.security;

import io.rootfix.support.BusinessDay;
import static org.assertj.core.api.Assertions.assertThat;

import io.rootfix.complaint.ComplaintProcess;
import io.rootfix.complaint.ComplaintProcess.Var;
import io.rootfix.support.RootfixIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Who may do what, per group and endpoint, as the matrix in docs/service-staff.md ("Who may do what") says: allowed is a 2xx, a signed-in
 * user outside the allowed groups gets 403, an anonymous caller 401 (unless the endpoint is public).
 */
class RoleMatrixTest extends RootfixIntegrationTest {

  enum Role {
    ANONYMOUS(null), SERVICE_AGENT("noor"), TEAM_LEAD("lea"), PROCESS_OWNER("owen"), AUDITOR(RootfixIntegrationTest.AUDITOR), ADMIN("demo");

    /** A demo user of the role's group; the password of a demo user is its name. */
    final String user;

    Role(String user) {
      this.user = user;
    }
  }

  /** One endpoint: the roles that may call it, and one call of it with a fresh subject where needed. */
  record Endpoint(String name, Set<Role> allowed, BiFunction<RoleMatrixTest, TestRestTemplate, HttpStatusCode> call) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static final Set<Role> EVERYONE = EnumSet.allOf(Role.class);

  static final List<Endpoint> MATRIX = List.of(
      new Endpoint("POST /api/complaints (intake)", EVERYONE, RoleMatrixTest::submitComplaint),
      new Endpoint("GET /api/complaints/{trackingNumber}",
          EnumSet.of(Role.SERVICE_AGENT, Role.TEAM_LEAD, Role.PROCESS_OWNER, Role.ADMIN), RoleMatrixTest::readComplaint),
      new Endpoint("GET /api/status/{trackingNumber}?contact= (the customer's status)", EVERYONE,
          RoleMatrixTest::readStatus),
      // The demo team lead (lea) is a service agent too; a team lead who is not (ivo) is refused (MergeComplaintsTest).
      new Endpoint("POST /api/complaints/{trackingNumber}/merge", EnumSet.of(Role.SERVICE_AGENT, Role.TEAM_LEAD),
          RoleMatrixTest::mergeComplaints),
      new Endpoint("GET /api/insights/contacts",
          EnumSet.of(Role.SERVICE_AGENT, Role.TEAM_LEAD, Role.PROCESS_OWNER, Role.ADMIN),
          (test, client) -> client.getForEntity("/api/insights/contacts", String.class).getStatusCode()),
      new Endpoint("GET /api/complaints/{trackingNumber}/remedies",
          EnumSet.of(Role.SERVICE_AGENT, Role.TEAM_LEAD, Role.AUDITOR, Role.ADMIN),
          (test, client) -> client.getForEntity("/api/complaints/" + test.newComplaint() + "/remedies", String.class)
              .getStatusCode()),
      new Endpoint("GET /api/insights/remedies",
          EnumSet.of(Role.SERVICE_AGENT, Role.TEAM_LEAD, Role.PROCESS_OWNER, Role.ADMIN),
          (test, client) -> client.getForEntity("/api/insights/remedies", String.class).getStatusCode()),
      new Endpoint("GET /api/insights/reasons",
          EnumSet.of(Role.TEAM_LEAD, Role.PROCESS_OWNER, Role.AUDITOR, Role.ADMIN),
          (test, client) -> client.getForEntity("/api/insights/reasons", String.class).getStatusCode()),
      new Endpoint("GET /api/insights/first-time-right",
          EnumSet.of(Role.TEAM_LEAD, Role.PROCESS_OWNER, Role.AUDITOR, Role.ADMIN),
          (test, client) -> client.getForEntity("/api/insights/first-time-right", String.class).getStatusCode()),
      new Endpoint("GET /api/messages (for agents to send)",
          EnumSet.of(Role.SERVICE_AGENT, Role.TEAM_LEAD, Role.ADMIN),
          (test, client) -> client.getForEntity("/api/messages", String.class).getStatusCode()),
      new Endpoint("POST /engine-rest/task/{id}/complete",
          EnumSet.of(Role.SERVICE_AGENT, Role.TEAM_LEAD, Role.ADMIN), RoleMatrixTest::completeTask),
      new Endpoint("POST /engine-rest/deployment/create",
          EnumSet.of(Role.PROCESS_OWNER, Role.ADMIN), RoleMatrixTest::deploy),
      new Endpoint("GET /engine-rest/history/process-instance/report",
          EnumSet.of(Role.TEAM_LEAD, Role.PROCESS_OWNER, Role.AUDITOR, Role.ADMIN), RoleMatrixTest::readHistory),
      new Endpoint("GET /api/audit/complaints/{trackingNumber}",
          EnumSet.of(Role.AUDITOR, Role.ADMIN), RoleMatrixTest::readAuditTrail),
      new Endpoint("GET /api/audit/complaints?closedFrom=&closedTo= (closed complaints, JSON or CSV)",
          EnumSet.of(Role.AUDITOR, Role.ADMIN), (test, client) -> client.getForEntity(
              "/api/audit/complaints?closedFrom=2026-01-01&closedTo=2099-12-31&format=csv", String.class).getStatusCode()),
      new Endpoint("GET /api/audit/complaints/{trackingNumber}/story", EnumSet.of(Role.AUDITOR, Role.ADMIN),
          (test, client) -> client.getForEntity("/api/audit/complaints/" + test.newComplaint() + "/story", String.class)
              .getStatusCode()),
      new Endpoint("GET /api/audit/verify", EnumSet.of(Role.AUDITOR, Role.ADMIN),
          (test, client) -> client.getForEntity("/api/audit/verify", String.class).getStatusCode()),
      new Endpoint("GET /audit (the audit page)", EnumSet.of(Role.AUDITOR, Role.ADMIN),
          (test, client) -> client.getForEntity("/audit", String.class).getStatusCode())
  );

  static Stream<Arguments> matrix() {
    return MATRIX.stream().flatMap(endpoint -> EVERYONE.stream().map(role -> Arguments.of(endpoint, role)));
  }

  @ParameterizedTest(name = "{0} as {1}")
  @MethodSource("matrix")
  void eachRoleMayDoWhatTheMatrixSays(Endpoint endpoint, Role role) {
    TestRestTemplate client = role == Role.ANONYMOUS ? http : as(role.user);

    HttpStatusCode status = endpoint.call().apply(this, client);

    if (endpoint.allowed().contains(role)) {
      assertThat(status.is2xxSuccessful()).as("allowed, but got " + status).isTrue();
    } else if (role == Role.ANONYMOUS) {
      assertThat(status).isEqualTo(HttpStatus.UNAUTHORIZED);
    } else {
      assertThat(status).isEqualTo(HttpStatus.FORBIDDEN);
    }
  }

  @Test
  void historyQueriesShowOnlyWhatTheRoleMayRead() {
    String trackingNumber = newComplaint();
    String count = "/engine-rest/history/process-instance/count?processInstanceBusinessKey=" + trackingNumber;

    assertThat(as(Role.AUDITOR.user).getForObject(count, Map.class)).containsEntry("count", 1);
    assertThat(as(Role.SERVICE_AGENT.user).getForObject(count, Map.class)).containsEntry("count", 0);
  }

  // --- one call per endpoint -----------------------------------------------------------------------

  private HttpStatusCode submitComplaint(TestRestTemplate client) {
    return client.postForEntity("/api/complaints", json(intake()), String.class).getStatusCode();
  }

  private HttpStatusCode readStatus(TestRestTemplate client) {
    String email = newEmail();
    String trackingNumber = (String) postComplaint(intake(email, null)).getBody().get("trackingNumber");
    return client.getForEntity("/api/status/{trackingNumber}?contact={email}", String.class, trackingNumber, email)
        .getStatusCode();
  }

  private HttpStatusCode mergeComplaints(TestRestTemplate client) {
    String email = newEmail();
    String survivor = (String) postComplaint(intake(email, null)).getBody().get("trackingNumber");
    String other = (String) postComplaint(intake(email, null).replace("\"delivery\"", "\"product\"")).getBody()
        .get("trackingNumber");
    return client.postForEntity("/api/complaints/" + survivor + "/merge",
        json("{\"trackingNumber\": \"" + other + "\", \"note\": \"One matter\"}"), String.class).getStatusCode();
  }

  private HttpStatusCode readComplaint(TestRestTemplate client) {
    return client.getForEntity("/api/complaints/" + newComplaint(), String.class).getStatusCode();
  }

  private HttpStatusCode readAuditTrail(TestRestTemplate client) {
    return client.getForEntity("/api/audit/complaints/" + newComplaint(), String.class).getStatusCode();
  }

  private HttpStatusCode completeTask(TestRestTemplate client) {
    String taskId = taskService.createTaskQuery().processInstanceBusinessKey(newComplaint())
        .taskDefinitionKey(ComplaintProcess.Element.AGREE_EXPECTATION).singleResult().getId();
    String variables = """
        {"variables": {"%s": {"value": "replacement"}, "%s": {"value": "%s"}, "%s": {"value": "email"}}}"""
        .formatted(Var.DESIRED_OUTCOME, Var.AGREED_ANSWER_DATE, BusinessDay.today().plusDays(7), Var.CONTACT_PREFERENCE);
    HttpStatusCode status = client.postForEntity("/engine-rest/task/" + taskId + "/complete", json(variables),
        String.class).getStatusCode();
    assertThat(taskService.createTaskQuery().taskId(taskId).count()).as("task still open")
        .isEqualTo(status.is2xxSuccessful() ? 0 : 1);
    return status;
  }

  private HttpStatusCode deploy(TestRestTemplate client) {
    byte[] form = "{\"id\": \"roleMatrix\", \"type\": \"default\", \"components\": [], \"schemaVersion\": 16}"
        .getBytes(StandardCharsets.UTF_8);
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("deployment-name", "role-matrix");
    parts.add("data", new ByteArrayResource(form) {
      @Override
      public String getFilename() {
        return "role-matrix.form";
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return client.postForEntity("/engine-rest/deployment/create", new HttpEntity<>(parts, headers), String.class)
        .getStatusCode();
  }

  private HttpStatusCode readHistory(TestRestTemplate client) {
    return client.getForEntity("/engine-rest/history/process-instance/report?reportType=duration&periodUnit=month",
        String.class).getStatusCode();
  }

  private String newComplaint() {
    return (String) postComplaint(intake()).getBody().get("trackingNumber");
  }
}
