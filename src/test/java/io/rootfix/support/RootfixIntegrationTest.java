package io.rootfix.support;

import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a random port with its own in-memory database; jobs run when a test says.
 * All integration tests share this one configuration, hence one cached Spring context and one engine
 * named "default" (the engine REST API looks it up by that name). Process coverage is recorded.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(ProcessEngineCoverageConfiguration.class)
@TestExecutionListeners(listeners = ProcessEngineCoverageTestExecutionListener.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public abstract class RootfixIntegrationTest {

  public static final String AGENT = "sam";
  public static final String AUDITOR = "ada";

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
}
