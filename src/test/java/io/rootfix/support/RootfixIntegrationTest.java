package io.rootfix.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.rootfix.complaint.ComplaintProcess.Element;
import io.rootfix.complaint.ComplaintProcess.Var;
import io.rootfix.remedy.ScriptedPaymentGateway;
import io.rootfix.rootcause.RootCauseProcess;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestExecutionListeners;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.core.io.ByteArrayResource;
import java.nio.charset.StandardCharsets;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a random port with its own in-memory database; jobs run when a test says.
 * All integration tests share this one configuration, hence one cached Spring context and one engine
 * named "default" (the engine REST API looks it up by that name). Process coverage is recorded.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// Metrics exported as in production (Spring Boot turns the Prometheus registry off in tests otherwise).
@AutoConfigureObservability
@ActiveProfiles("test")
@Import({ProcessEngineCoverageConfiguration.class, ScriptedPaymentGateway.Configuration.class})
@TestExecutionListeners(listeners = ProcessEngineCoverageTestExecutionListener.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public abstract class RootfixIntegrationTest {

  public static final String AGENT = "sam";
  public static final String AUDITOR = "ada";
  public static final String LEAD = "lea";
  public static final String SECOND_LEAD = "ivo";

  @Autowired
  protected TestRestTemplate http;

  @Autowired
  protected JdbcTemplate jdbc;

  @Autowired
  protected RuntimeService runtimeService;

  @Autowired
  protected TaskService taskService;

  @Autowired
  protected ManagementService managementService;

  @Autowired
  protected FormService formService;

  /** Basic auth as a demo user; the password of a demo user is its name. */
  protected TestRestTemplate as(String user) {
    return http.withBasicAuth(user, user);
  }

  protected static HttpEntity<String> json(String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }

  protected ResponseEntity<Map> postComplaint(String body) {
    return http.postForEntity("/api/complaints", json(body), Map.class);
  }

  private static final AtomicInteger CUSTOMERS = new AtomicInteger();

  /**
   * A complaint of a customer nobody has seen yet. The suite shares one database, and a second complaint of
   * the same customer in the same category would be attached to the first as a repeat contact.
   */
  protected static String intake() {
    return intake(newEmail(), newPhone());
  }

  /** An e-mail address no customer has yet. */
  protected static String newEmail() {
    return "eva." + CUSTOMERS.incrementAndGet() + "@example.com";
  }

  /** A (Dutch mobile) phone number no customer has yet. */
  protected static String newPhone() {
    return "+31 6 2%07d".formatted(CUSTOMERS.incrementAndGet());
  }

  protected static String intake(String email, String phone) {
    return """
        {"customerName": "Eva de Wit", "customerEmail": %s, "customerPhone": %s, "channel": "web",
         "category": "delivery", "description": "The parcel arrived broken, for the second time.",
         "desiredOutcome": "replacement", "wantedAnswerDate": "2099-12-10"}"""
        .formatted(email == null ? "null" : '"' + email + '"', phone == null ? "null" : '"' + phone + '"');
  }

  /** Runs every job that is due now, as the job executor would. */
  protected void executeDueJobs() {
    for (Job job : managementService.createJobQuery().executable().list()) {
      managementService.executeJob(job.getId());
    }
  }

  protected long count(String table) {
    return jdbc.queryForObject("select count(*) from " + table, Long.class);
  }

  // --- an agent's steps, as Tasklist takes them ----------------------------------------------------

  /** A date a week ahead, as agreed with the customer. */
  protected static final String PROMISED = BusinessDay.today().plusDays(7).toString();

  protected String receive() {
    ResponseEntity<Map> response = postComplaint(intake());
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return (String) response.getBody().get("trackingNumber");
  }

  protected void agreeExpectation(String trackingNumber, String answerDate) {
    submit(trackingNumber, Element.AGREE_EXPECTATION, Map.of(Var.DESIRED_OUTCOME, "replacement",
        Var.AGREED_ANSWER_DATE, answerDate, Var.CONTACT_PREFERENCE, "email"));
    executeDueJobs();
  }

  protected String receiveAndPatch() {
    String trackingNumber = receive();
    agreeExpectation(trackingNumber, PROMISED);
    submit(trackingNumber, Element.PATCH_SYMPTOM, Map.of(Var.PATCH_DESCRIPTION, "Sent a replacement"));
    return trackingNumber;
  }

  protected void findCauseAndReport(String trackingNumber) {
    submit(trackingNumber, Element.FIND_ROOT_CAUSE,
        Map.of(Var.ROOT_CAUSE_DESCRIPTION, "Weak packaging", Var.ONE_OFF, false));
    fixRootCause(rootCauseOf(trackingNumber), "Stronger boxes");
    reportBack(trackingNumber, "We changed our boxes.");
  }

  /**
   * The agent drafts the answer; when the answer-review policy asks for it, a team lead other than the author
   * approves it; then it is sent (asynchronously) and the complaint waits for the customer's confirmation.
   */
  protected void reportBack(String trackingNumber, String answer) {
    submit(trackingNumber, Element.REPORT_BACK, Map.of(Var.ANSWER_TEXT, answer));
    if (openTaskKeys(trackingNumber).contains(Element.REVIEW_ANSWER)) {
      submit(SECOND_LEAD, trackingNumber, Element.REVIEW_ANSWER, Map.of(Var.ANSWER_APPROVED, "true"));
    }
    executeDueJobs();
    assertThat(openTaskKeys(trackingNumber)).contains(Element.RECORD_CUSTOMER_CONFIRMATION);
  }

  /** The root cause the complaint is linked to. */
  protected long rootCauseOf(String trackingNumber) {
    return jdbc.queryForObject("select root_cause_id from complaint where tracking_number = ?", Long.class,
        trackingNumber);
  }

  /** Team leads investigate, fix and verify the root cause (one fixes, another verifies); then it is told. */
  protected void fixRootCause(long rootCauseId, String fix) {
    String key = "RC-" + rootCauseId;
    submit(LEAD, key, RootCauseProcess.Element.INVESTIGATE, Map.of(RootCauseProcess.Var.WILL_FIX, true,
        RootCauseProcess.Var.FIX_DEADLINE, BusinessDay.today().plusDays(14).toString()));
    submit(LEAD, key, RootCauseProcess.Element.FIX, Map.of(RootCauseProcess.Var.FIX_DESCRIPTION, fix));
    submit(SECOND_LEAD, key, RootCauseProcess.Element.VERIFY, Map.of(RootCauseProcess.Var.FIX_VERIFIED, "true"));
    executeDueJobs();
  }

  /** What Tasklist does: load the task's Camunda Form, claim the task if needed, submit the form. */
  protected void submit(String trackingNumber, String taskKey, Map<String, Object> variables) {
    submit(AGENT, trackingNumber, taskKey, variables);
  }

  protected void submit(String user, String businessKey, String taskKey, Map<String, Object> variables) {
    String taskId = claim(user, businessKey, taskKey);
    ResponseEntity<Map> response = submitForm(user, taskId, variables);
    assertThat(response.getStatusCode()).as("submit " + taskKey + ": " + response.getBody())
        .isEqualTo(HttpStatus.NO_CONTENT);
  }

  protected String claim(String trackingNumber, String taskKey) {
    return claim(AGENT, trackingNumber, taskKey);
  }

  protected String claim(String user, String businessKey, String taskKey) {
    String taskId = taskId(businessKey, taskKey);
    Map<String, Object> task = as(user).getForObject("/engine-rest/task/" + taskId, Map.class);
    String formKey = (String) ((Map<String, Object>) task.get("camundaFormRef")).get("key");
    ResponseEntity<Map> form = as(user).getForEntity("/engine-rest/task/" + taskId + "/deployed-form", Map.class);
    assertThat(form.getStatusCode()).as("form of " + taskKey).isEqualTo(HttpStatus.OK);
    assertThat(form.getBody()).containsEntry("id", formKey);
    if (task.get("assignee") == null) {
      assertThat(as(user).postForEntity("/engine-rest/task/" + taskId + "/claim",
          json("{\"userId\": \"" + user + "\"}"), Void.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    }
    return taskId;
  }

  protected ResponseEntity<Map> submitForm(String taskId, Map<String, Object> variables) {
    return submitForm(AGENT, taskId, variables);
  }

  protected ResponseEntity<Map> submitForm(String user, String taskId, Map<String, Object> variables) {
    return as(user).postForEntity("/engine-rest/task/" + taskId + "/submit-form", json(formBody(variables)), Map.class);
  }

  /**
   * What the task's form shows under this name, as Tasklist reads it when it opens the form (the engine's form
   * variables): JSON as its text, any other value as it is; null when the form shows nothing under the name.
   */
  protected Object shown(String taskId, String name) {
    TypedValue value = formService.getTaskFormVariables(taskId, List.of(name), false).getValueTyped(name);
    if (value == null) {
      return null;
    }
    return value instanceof SerializableValue serializable ? serializable.getValueSerialized() : value.getValue();
  }

  /** The one open task with this key on the complaint (of any process with the tracking number in its key). */
  protected String taskId(String trackingNumber, String taskKey) {
    List<Task> tasks = taskService.createTaskQuery().processInstanceBusinessKeyLike(trackingNumber + "%")
        .taskDefinitionKey(taskKey).list();
    assertThat(tasks).as(taskKey + " open for " + trackingNumber).hasSize(1);
    return tasks.get(0).getId();
  }

  protected ResponseEntity<Void> customerReplies(String trackingNumber, boolean resolved, String comment) {
    String body = comment == null
        ? "{\"resolved\": %s}".formatted(resolved)
        : "{\"resolved\": %s, \"comment\": \"%s\"}".formatted(resolved, comment);
    return as(AGENT).postForEntity("/api/complaints/" + trackingNumber + "/confirmation", json(body), Void.class);
  }

  protected static String formBody(Map<String, Object> variables) {
    StringBuilder json = new StringBuilder("{\"variables\": {");
    variables.forEach((name, value) -> json.append('"').append(name).append("\": {\"value\": ")
        .append(value instanceof String ? "\"" + value + "\"" : value).append("},"));
    if (!variables.isEmpty()) {
      json.setLength(json.length() - 1);
    }
    return json.append("}}").toString();
  }

  protected List<String> openTaskKeys(String trackingNumber) {
    return taskService.createTaskQuery().processInstanceBusinessKey(trackingNumber).list().stream()
        .map(Task::getTaskDefinitionKey).toList();
  }

  /**
   * What Camunda Modeler sends to {@code POST /engine-rest/deployment/create}: one file, the deployment's name
   * and source ("Camunda Modeler"), changed resources only.
   */
  protected ResponseEntity<Map> deployFromModeler(String user, String name, String fileName, String content) {
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("deployment-name", name);
    parts.add("deployment-source", "Camunda Modeler");
    parts.add("deploy-changed-only", "true");
    parts.add(fileName, new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return fileName;
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return as(user).postForEntity("/engine-rest/deployment/create", new HttpEntity<>(parts, headers), Map.class);
  }

  /** A form post as a browser sends it (the customer's pages), without a login. */
  protected ResponseEntity<String> postForm(String path, Map<String, String> fields) {
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    fields.forEach(form::add);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    return http.postForEntity(path, new HttpEntity<>(form, headers), String.class);
  }

  protected String state(String trackingNumber) {
    return jdbc.queryForObject("select state from complaint where tracking_number = ?", String.class, trackingNumber);
  }

  protected long complaintId(String trackingNumber) {
    return jdbc.queryForObject("select id from complaint where tracking_number = ?", Long.class, trackingNumber);
  }

  protected long customerId(String trackingNumber) {
    return jdbc.queryForObject("select customer_id from complaint where tracking_number = ?", Long.class, trackingNumber);
  }
}
