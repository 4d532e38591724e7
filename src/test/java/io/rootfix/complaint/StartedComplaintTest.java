package io.rootfix.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import io.rootfix.complaint.ComplaintProcess.Element;
import io.rootfix.complaint.ComplaintProcess.Var;
import io.rootfix.support.RootfixIntegrationTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * GET /api/complaints/started/{processInstanceId}: after the phone-intake start form, the agent who took the call
 * learns the tracking number and the task to go on with; nobody else learns anything about that complaint.
 */
class StartedComplaintTest extends RootfixIntegrationTest {

  private static final String OTHER_AGENT = "noor";

  @Autowired
  private TransactionTemplate transactions;

  @Test
  void theAgentWhoTookTheCallGetsTheTrackingNumberAndTheirAgreeExpectation() {
    Map<String, Object> started = startByPhone(AGENT, newPhone());
    String processInstanceId = (String) started.get("id");

    ResponseEntity<Map> answer = as(AGENT).getForEntity("/api/complaints/started/" + processInstanceId, Map.class);

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(answer.getBody()).containsEntry("trackingNumber", started.get("businessKey"))
        .containsEntry("repeatContact", false)
        .containsEntry("taskName", "Agree expectation");
    Task agree = taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult();
    assertThat(agree.getTaskDefinitionKey()).isEqualTo(Element.AGREE_EXPECTATION);
    assertThat(answer.getBody()).containsEntry("taskId", agree.getId());
    // Reading changes nothing: the task is still free; the agent's Tasklist claims it through the engine's rules.
    assertThat(taskService.createTaskQuery().taskId(agree.getId()).singleResult().getAssignee()).isNull();
    // The phone number the form submitted is on the complaint's row; the process stored no row for it.
    assertThat(jdbc.queryForList("select name_ from act_ru_variable where proc_inst_id_ = ?", String.class,
        processInstanceId)).contains(Var.CUSTOMER_NAME).doesNotContain(Var.CUSTOMER_PHONE);
    assertThat(jdbc.queryForObject("select contact_phone from complaint where process_instance_id = ?", String.class,
        processInstanceId)).isNotNull();
  }

  @Test
  void anotherAgentAnUnknownIdAndAnAuditorLearnNothing() {
    Map<String, Object> started = startByPhone(AGENT, newPhone());
    String processInstanceId = (String) started.get("id");

    ResponseEntity<String> colleague = as(OTHER_AGENT).getForEntity("/api/complaints/started/" + processInstanceId,
        String.class);
    ResponseEntity<String> unknown = as(AGENT).getForEntity("/api/complaints/started/no-such-instance", String.class);
    ResponseEntity<String> auditor = as(AUDITOR).getForEntity("/api/complaints/started/" + processInstanceId,
        String.class);
    ResponseEntity<String> nobody = http.getForEntity("/api/complaints/started/" + processInstanceId, String.class);

    assertThat(colleague.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(colleague.getBody()).doesNotContain((String) started.get("businessKey"));
    // The same answer as for an id that does not exist: a colleague cannot tell the two apart.
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(colleague.getBody().replace(processInstanceId, "ID"))
        .isEqualTo(unknown.getBody().replace("no-such-instance", "ID"));
    assertThat(auditor.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(nobody.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    // A team lead may look: they stand in for their agents.
    assertThat(as(LEAD).getForEntity("/api/complaints/started/" + processInstanceId, Map.class).getBody())
        .containsEntry("trackingNumber", started.get("businessKey"));
  }

  @Test
  void aProcessThatIsNotAComplaintIsNotFound() {
    String trackingNumber = receiveAndPatch();
    submit(trackingNumber, Element.FIND_ROOT_CAUSE,
        Map.of(Var.ROOT_CAUSE_DESCRIPTION, "Weak packaging", Var.ONE_OFF, false));
    String rootCauseInstance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(
        "RC-" + rootCauseOf(trackingNumber)).singleResult().getId();

    assertThat(as(LEAD).getForEntity("/api/complaints/started/" + rootCauseInstance, String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void aCallAboutTheOpenComplaintNamesThatComplaintAndOpensNoTask() {
    String phone = newPhone();
    String first = (String) startByPhone(AGENT, phone).get("businessKey");
    String repeatInstance = (String) startByPhone(AGENT, phone).get("id");

    Map<String, Object> answer = as(AGENT).getForObject("/api/complaints/started/" + repeatInstance, Map.class);

    assertThat(answer).containsEntry("trackingNumber", first).containsEntry("repeatContact", true);
    assertThat(answer.get("taskId")).isNull();
  }

  @Test
  void beforeTheStartCommitsNothingIsFoundAndAfterwardsItIs() {
    String[] processInstanceId = new String[1];
    HttpStatus[] duringTheStart = new HttpStatus[1];
    transactions.executeWithoutResult(status -> {
      // As the intake API starts it (no signed-in starter): a team lead may look it up.
      processInstanceId[0] = runtimeService.createProcessInstanceByKey(ComplaintProcess.KEY)
          .setVariables(phoneCall(newPhone())).execute().getId();
      // Another request, on another connection, while the start has not committed yet.
      duringTheStart[0] = HttpStatus.valueOf(as(LEAD).getForEntity(
          "/api/complaints/started/" + processInstanceId[0], String.class).getStatusCode().value());
    });

    assertThat(duringTheStart[0]).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(as(LEAD).getForEntity("/api/complaints/started/" + processInstanceId[0], Map.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    // Nobody signed in started it: an agent is not its starter.
    assertThat(as(AGENT).getForEntity("/api/complaints/started/" + processInstanceId[0], String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void tasklistReadsItWithItsSessionAndTheSessionStaysValid() {
    String processInstanceId = (String) startByPhone(AGENT, newPhone()).get("id");
    HttpHeaders session = tasklistSession(AGENT);

    ResponseEntity<Map> answer = http.exchange("/api/complaints/started/" + processInstanceId, HttpMethod.GET,
        new HttpEntity<>(session), Map.class);

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    // The session keeps its id: Tasklist's requests sent meanwhile with it are still signed in.
    assertThat(answer.getHeaders().get(HttpHeaders.SET_COOKIE)).isNull();
    assertThat(http.exchange("/camunda/api/engine/engine/default/task?processInstanceId=" + processInstanceId,
        HttpMethod.GET, new HttpEntity<>(session), String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  /** Signs in to Tasklist as its login page does; the headers carry the session cookie. */
  private HttpHeaders tasklistSession(String user) {
    ResponseEntity<String> page = http.getForEntity("/camunda/app/tasklist/", String.class);
    String cookies = String.join("; ", page.getHeaders().get(HttpHeaders.SET_COOKIE).stream()
        .map(cookie -> cookie.split(";", 2)[0]).toList());
    String token = page.getHeaders().getFirst("X-XSRF-TOKEN");
    HttpHeaders login = new HttpHeaders();
    login.add(HttpHeaders.COOKIE, cookies);
    login.add("X-XSRF-TOKEN", token);
    login.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    ResponseEntity<String> loggedIn = http.postForEntity("/camunda/api/admin/auth/user/default/login/tasklist",
        new HttpEntity<>("username=" + user + "&password=" + user, login), String.class);
    assertThat(loggedIn.getStatusCode()).isEqualTo(HttpStatus.OK);
    List<String> renewed = loggedIn.getHeaders().get(HttpHeaders.SET_COOKIE);
    HttpHeaders session = new HttpHeaders();
    session.add(HttpHeaders.COOKIE, renewed == null ? cookies : String.join("; ", renewed.stream()
        .map(cookie -> cookie.split(";", 2)[0]).toList()));
    return session;
  }

  private Map<String, Object> startByPhone(String agent, String phone) {
    ResponseEntity<Map> started = as(agent).postForEntity("/engine-rest/process-definition/key/complaint/submit-form",
        json(formBody(phoneCall(phone))), Map.class);
    assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
    return started.getBody();
  }

  private static Map<String, Object> phoneCall(String phone) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put(Var.CUSTOMER_NAME, "Piet Klaver");
    variables.put(Var.CUSTOMER_PHONE, phone);
    variables.put(Var.CATEGORY, "billing");
    variables.put(Var.DESCRIPTION, "Charged twice for one order");
    variables.put(Var.DESIRED_OUTCOME, "refund");
    return variables;
  }
}
