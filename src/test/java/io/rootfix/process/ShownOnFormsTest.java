package io.rootfix.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rootfix.complaint.ComplaintProcess.Element;
import io.rootfix.complaint.ComplaintProcess.Var;
import io.rootfix.formcontext.FormContext;
import io.rootfix.support.RootfixIntegrationTest;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * What a form shows is read from Rootfix's records when the form opens, and nowhere kept: not in the process, not
 * in its history; it is what the records say now, it cannot be forged by submitting it, it is not shown to someone
 * who may not read the task, and a model cannot name something Rootfix cannot show.
 */
class ShownOnFormsTest extends RootfixIntegrationTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Every name a form of complaint.bpmn or remedy.bpmn shows. */
  private static final List<String> SHOWN = List.of(FormContext.COMPLAINT_CONTEXT, Var.OPEN_PROMISES,
      Var.CUSTOMER_HISTORY, Var.KNOWN_ROOT_CAUSES, Var.ONE_OFF_REASONS, Var.PREVIEW_OPENING, Var.PREVIEW_CLOSING,
      Var.RETURN_REASONS, Var.CLOSE_REASONS, Var.REOPEN_REASONS, "refusalReasons");

  private static final String STRANGERS_PASSWORD = "Str4nger!Pass";

  @Autowired
  RepositoryService repositoryService;

  @Autowired
  IdentityService identityService;

  private String processInstanceOf(String taskId) {
    return taskService.createTaskQuery().taskId(taskId).singleResult().getProcessInstanceId();
  }

  /** Rows of the instance's runtime variables, their history and their value details under the shown names. */
  private long storedUnderShownNames(String processInstanceId) {
    String names = "'" + String.join("', '", SHOWN) + "'";
    return jdbc.queryForObject("select count(*) from act_ru_variable where proc_inst_id_ = ? and name_ in (" + names
        + ")", Long.class, processInstanceId)
        + jdbc.queryForObject("select count(*) from act_hi_varinst where proc_inst_id_ = ? and name_ in (" + names
        + ")", Long.class, processInstanceId)
        + jdbc.queryForObject("select count(*) from act_hi_detail where proc_inst_id_ = ? and name_ in (" + names
        + ")", Long.class, processInstanceId);
  }

  private String receiveWithOrder() {
    ResponseEntity<Map> response = postComplaint(intake().replace("\"desiredOutcome\"",
        "\"orderReference\": \"ORD-4711\", \"desiredOutcome\""));
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return (String) response.getBody().get("trackingNumber");
  }

  private String order(String taskId) throws Exception {
    Map<String, Map<String, Object>> form = as(AGENT).getForObject(
        "/engine-rest/task/" + taskId + "/form-variables?deserializeValues=false", Map.class);
    return JSON.readTree((String) form.get(FormContext.COMPLAINT_CONTEXT).get("value")).get("order").asText();
  }

  @Test
  void whatTheFormsShowIsNeverStoredThroughAWholeComplaint() {
    String trackingNumber = receive();
    String agree = taskId(trackingNumber, Element.AGREE_EXPECTATION);
    String processInstanceId = processInstanceOf(agree);
    assertThat(shown(agree, Var.CUSTOMER_HISTORY)).as("the agent sees the customer's history").isNotNull();
    assertThat(shown(agree, FormContext.COMPLAINT_CONTEXT)).isNotNull();
    assertThat(shown(agree, Var.OPEN_PROMISES)).isNotNull();

    agreeExpectation(trackingNumber, PROMISED);
    submit(trackingNumber, Element.PATCH_SYMPTOM, Map.of(Var.PATCH_DESCRIPTION, "Sent a replacement"));
    String find = taskId(trackingNumber, Element.FIND_ROOT_CAUSE);
    assertThat(shown(find, Var.ONE_OFF_REASONS)).asString().contains("\"value\"");
    findCauseAndReport(trackingNumber);
    String confirm = taskId(trackingNumber, Element.RECORD_CUSTOMER_CONFIRMATION);
    assertThat(shown(confirm, Var.CLOSE_REASONS)).asString().contains("\"value\"");
    assertThat(customerReplies(trackingNumber, true, null).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    executeDueJobs();

    assertThat(state(trackingNumber)).isEqualTo("CLOSED");
    assertThat(storedUnderShownNames(processInstanceId)).as("rows under a shown name, runtime or history").isZero();
  }

  @Test
  void aFormShowsTheRecordAsItIsNowNotAsItWasWhenTheTaskWasCreated() throws Exception {
    String trackingNumber = receiveWithOrder();
    String agree = taskId(trackingNumber, Element.AGREE_EXPECTATION);
    String before = order(agree);

    jdbc.update("update complaint set order_reference = 'ORD-CORRECTED' where tracking_number = ?", trackingNumber);

    assertThat(before).isEqualTo("ORD-4711");
    assertThat(order(agree)).isEqualTo("ORD-CORRECTED");
  }

  /** An instance of a model deployed before 5 December carries a stored copy; the form still shows the live one. */
  @Test
  void aCopyStoredByAnOlderVersionIsShadowedByWhatTheRecordsSayNow() throws Exception {
    String trackingNumber = receiveWithOrder();
    String agree = taskId(trackingNumber, Element.AGREE_EXPECTATION);
    taskService.setVariableLocal(agree, FormContext.COMPLAINT_CONTEXT, "{\"order\": \"stale\"}");

    assertThat(order(agree)).isEqualTo("ORD-4711");
  }

  /**
   * The attack: submit the option list with a reason of one's own in it, hoping the check reads the options from
   * the submitted values. The list is read from the reasons table, so the forged reason is refused and nothing moves.
   */
  @Test
  void aForgedOptionListOrContextCannotBeSubmitted() {
    String trackingNumber = receiveAndPatch();
    String find = claim(trackingNumber, Element.FIND_ROOT_CAUSE);
    long reasonsBefore = count("recorded_reason");

    ResponseEntity<Map> forged = submitForm(find, Map.of(Var.ONE_OFF, true, Var.ONE_OFF_REASON, "FORGED",
        Var.ONE_OFF_NOTE, "nothing to fix", Var.ONE_OFF_REASONS, "[{\\\"label\\\": \\\"Forged\\\", \\\"value\\\": \\\"FORGED\\\"}]"));
    ResponseEntity<Map> context = submitForm(find, Map.of(Var.ONE_OFF, true, Var.ONE_OFF_REASON, "PARTNER_SLIP",
        Var.ONE_OFF_NOTE, "nothing to fix", FormContext.COMPLAINT_CONTEXT, "{}"));

    assertThat(forged.getStatusCode()).as(String.valueOf(forged.getBody())).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(context.getStatusCode()).as(String.valueOf(context.getBody())).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(String.valueOf(context.getBody())).contains(FormContext.COMPLAINT_CONTEXT);
    assertThat(openTaskKeys(trackingNumber)).contains(Element.FIND_ROOT_CAUSE);
    assertThat(count("recorded_reason")).isEqualTo(reasonsBefore);
    assertThat(storedUnderShownNames(processInstanceOf(find))).isZero();
  }

  /** Read without the person's authorisations, but only once the engine let them read the task's variables. */
  @Test
  void someoneWhoMayNotReadTheTaskIsShownNothing() {
    String trackingNumber = receive();
    String agree = taskId(trackingNumber, Element.AGREE_EXPECTATION);
    User stranger = identityService.newUser("stranger");
    stranger.setPassword(STRANGERS_PASSWORD);
    identityService.saveUser(stranger);
    try {
      for (TestRestTemplate outsider : List.of(as(AUDITOR), http.withBasicAuth("stranger", STRANGERS_PASSWORD))) {
        ResponseEntity<String> response = outsider.getForEntity("/engine-rest/task/" + agree
            + "/form-variables?variableNames=" + FormContext.COMPLAINT_CONTEXT, String.class);
        assertThat(response.getStatusCode()).as(response.getBody())
            .isIn(HttpStatus.UNAUTHORIZED, HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
        assertThat(response.getBody()).doesNotContain("Eva", "contact", "e-mail");
      }
    } finally {
      identityService.deleteUser("stranger");
    }
  }

  /** A process owner's misspelt name is refused at deployment, not met by an agent opening the form. */
  @Test
  void aModelShowingSomethingRootfixCannotShowIsRefusedNamingWhatItCanShow() {
    String model = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Shows" targetNamespace="http://rootfix.io/test">
          <bpmn:process id="shows-test" isExecutable="true" camunda:historyTimeToLive="1">
            <bpmn:startEvent id="Start"/>
            <bpmn:userTask id="Task_Look" name="Look"><bpmn:extensionElements><camunda:properties>
              <camunda:property name="shows" value="customerHistory, customerHistroy"/>
            </camunda:properties></bpmn:extensionElements></bpmn:userTask>
            <bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="Task_Look"/>
          </bpmn:process>
        </bpmn:definitions>""";

    ResponseEntity<Map> response = deployFromModeler("owen", "shows-test", "shows-test.bpmn", model);

    assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) response.getBody().get("message"))
        .contains("Task_Look", "customerHistroy", "it can show", "closeReasons");
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("shows-test").count()).isZero();
  }
}
