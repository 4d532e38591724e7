package io.rootfix.formcontext;

import io.rootfix.support.BusinessDay;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rootfix.complaint.ComplaintProcess.Element;
import io.rootfix.complaint.ComplaintProcess.Var;
import io.rootfix.rootcause.RootCauseProcess;
import io.rootfix.remedy.RemedyProcess;
import io.rootfix.support.RootfixIntegrationTest;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Every complaint form shows how to reach the customer, the order, the claim, the remedy and where it stands, and
 * the question asked of the customer with their answer, read from Rootfix's tables as the task opens; the context
 * lives on the task only, and a caller cannot submit it.
 */
class FormContextTest extends RootfixIntegrationTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private String receiveWithOrder() {
    ResponseEntity<Map> response = postComplaint("""
        {"customerName": "Eva de Wit", "customerEmail": "%s", "customerPhone": "%s", "channel": "web",
         "category": "delivery", "description": "The parcel arrived broken.", "desiredOutcome": "refund",
         "amount": 40, "orderReference": "ORD-4711"}""".formatted(newEmail(), newPhone()));
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return (String) response.getBody().get("trackingNumber");
  }

  /** The context as the form reads it: through the engine REST API, like Tasklist. */
  private JsonNode context(String user, String businessKey, String taskKey, String variable) throws Exception {
    String taskId = taskId(businessKey, taskKey);
    Map<String, Map<String, Object>> variables = as(user)
        .getForObject("/engine-rest/task/" + taskId + "/form-variables?deserializeValues=false", Map.class);
    assertThat(variables).as("form variables of " + taskKey).containsKey(variable);
    Object value = variables.get(variable).get("value");
    return value instanceof String text ? JSON.readTree(text) : JSON.valueToTree(value);
  }

  @Test
  void everyComplaintFormShowsTheContactTheOrderTheClaimTheRemedyAndTheQuestionWithItsAnswer() throws Exception {
    String trackingNumber = receiveWithOrder();

    JsonNode onAgree = context(AGENT, trackingNumber, Element.AGREE_EXPECTATION, FormContext.COMPLAINT_CONTEXT);
    assertThat(onAgree.get("contact").asText()).contains("phone +31").contains("e-mail eva.");
    assertThat(onAgree.get("order").asText()).isEqualTo("ORD-4711");
    assertThat(onAgree.get("claim").asText()).isEqualTo("EUR 40,00");

    agreeExpectation(trackingNumber, PROMISED);
    executeDueJobs();
    JsonNode onPatch = context(AGENT, trackingNumber, Element.PATCH_SYMPTOM, FormContext.COMPLAINT_CONTEXT);
    assertThat(onPatch.get("preferredChannel").asText()).isEqualTo("E-mail");
    assertThat(onPatch.get("remedy").asText()).as("the remedy in words, with its state")
        .startsWith("Replacement: shipped on ").doesNotContain("REPLACEMENT").doesNotContain("SHIPPED");
    submit(trackingNumber, Element.PATCH_SYMPTOM, Map.of(Var.PATCH_DESCRIPTION, "Apologised"));

    submit(trackingNumber, Element.FIND_ROOT_CAUSE, Map.of(Var.NEED_CUSTOMER_INFORMATION, true,
        Var.INFORMATION_REQUEST, "Which order number was on the broken parcel?"));
    executeDueJobs();
    assertThat(as(AGENT).postForEntity("/api/complaints/" + trackingNumber + "/information",
        json("{\"information\": \"Order 4711, the blue one\"}"), Void.class).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    executeDueJobs();

    JsonNode again = context(AGENT, trackingNumber, Element.FIND_ROOT_CAUSE, FormContext.COMPLAINT_CONTEXT);
    assertThat(again.get("question").asText()).isEqualTo("Which order number was on the broken parcel?");
    assertThat(again.get("answer").asText()).isEqualTo("Order 4711, the blue one");
    String processInstanceId = taskService.createTaskQuery().taskId(taskId(trackingNumber, Element.FIND_ROOT_CAUSE))
        .singleResult().getProcessInstanceId();
    assertThat(runtimeService.getVariable(processInstanceId, FormContext.COMPLAINT_CONTEXT))
        .as("the context lives on the task, not in the process").isNull();
  }

  /** Approve the remedy lives in the remedy's own process, yet shows the complaint as every complaint form does. */
  @Test
  void approveTheRemedyShowsTheComplaintTheCustomersWordsAndTheRefusalReasons() throws Exception {
    ResponseEntity<Map> response = postComplaint("""
        {"customerName": "Eva de Wit", "customerEmail": "%s", "channel": "web", "category": "product",
         "description": "The vase arrived broken.", "desiredOutcome": "refund", "amount": 750,
         "orderReference": "ORD-4711"}""".formatted(newEmail()));
    String trackingNumber = (String) response.getBody().get("trackingNumber");
    submit(trackingNumber, Element.AGREE_EXPECTATION, Map.of(Var.DESIRED_OUTCOME, "refund",
        Var.AGREED_ANSWER_DATE, PROMISED, Var.CONTACT_PREFERENCE, "email"));
    executeDueJobs();

    JsonNode onApprove = context(LEAD, trackingNumber, RemedyProcess.Element.APPROVE_REMEDY, FormContext.COMPLAINT_CONTEXT);
    assertThat(onApprove.get("contact").asText()).contains("e-mail eva.");
    assertThat(onApprove.get("order").asText()).isEqualTo("ORD-4711");
    assertThat(onApprove.get("remedy").asText()).startsWith("Refund of EUR 750");
    Map<String, Map<String, Object>> shown = as(LEAD).getForObject("/engine-rest/task/"
        + taskId(trackingNumber, RemedyProcess.Element.APPROVE_REMEDY) + "/form-variables?deserializeValues=false", Map.class);
    assertThat(shown.get(RemedyProcess.Var.CUSTOMER_NAME)).containsEntry("value", "Eva de Wit");
    assertThat(shown.get(RemedyProcess.Var.DESCRIPTION)).containsEntry("value", "The vase arrived broken.");
    assertThat(shown.get(RemedyProcess.Var.REFUSAL_REASONS).get("value")).asString().contains("ALREADY_COMPENSATED");
  }

  @Test
  void reviewAndReturnedDraftShowWordsNamesAndDutchDatesNotCodes() throws Exception {
    ResponseEntity<Map> received = postComplaint(intake().replace("\"desiredOutcome\"",
        "\"severity\": \"critical\", \"desiredOutcome\""));
    String trackingNumber = (String) received.getBody().get("trackingNumber");
    agreeExpectation(trackingNumber, PROMISED);
    submit(trackingNumber, Element.PATCH_SYMPTOM, Map.of(Var.PATCH_DESCRIPTION, "Sent a replacement"));
    findCauseAndReportWithoutReview(trackingNumber);

    JsonNode onReview = context(LEAD, trackingNumber, Element.REVIEW_ANSWER, FormContext.COMPLAINT_CONTEXT);
    assertThat(onReview.get("severity").asText()).isEqualTo("Critical");
    assertThat(onReview.get("draftedBy").asText()).isEqualTo("Sam Jansen (sam)");
    // What the policy decided for this critical complaint, in words (the review form showed "NONE" or "REFUND 650 EUR").
    assertThat(onReview.get("decidedRemedy").asText()).matches("Refund of EUR [0-9.,]+|Replacement|Repair|No remedy");
    // 12-10 is the twelfth of October: day, month, year, as everywhere in Rootfix.
    assertThat(onReview.get("answerBy").asText())
        .isEqualTo(LocalDate.parse(PROMISED).format(java.time.format.DateTimeFormatter.ofPattern("dd-MM-yyyy")));

    submit(SECOND_LEAD, trackingNumber, Element.REVIEW_ANSWER, Map.of(Var.ANSWER_APPROVED, "false",
        Var.RETURN_REASON, "TONE", Var.RETURN_NOTE, "Less formal, please"));

    JsonNode onReturned = context(AGENT, trackingNumber, Element.REPORT_BACK, FormContext.COMPLAINT_CONTEXT);
    assertThat(onReturned.get("returnedBy").asText()).contains("(ivo)").doesNotStartWith("ivo");
    assertThat(onReturned.get("returnReason").asText()).isEqualTo("Tone or wording");
  }

  /** The answer drafted; a critical complaint's answer waits for a team lead's review. */
  private void findCauseAndReportWithoutReview(String trackingNumber) {
    submit(trackingNumber, Element.FIND_ROOT_CAUSE,
        Map.of(Var.ROOT_CAUSE_DESCRIPTION, "Weak packaging", Var.ONE_OFF, false));
    fixRootCause(rootCauseOf(trackingNumber), "Stronger boxes");
    submit(trackingNumber, Element.REPORT_BACK, Map.of(Var.ANSWER_TEXT, "We changed our boxes."));
    executeDueJobs();
  }

  @Test
  void theContextCannotBeSubmittedBack() throws Exception {
    String trackingNumber = receiveWithOrder();
    String taskId = claim(trackingNumber, Element.AGREE_EXPECTATION);

    ResponseEntity<Map> refused = submitForm(taskId, Map.of(Var.DESIRED_OUTCOME, "refund",
        Var.AGREED_ANSWER_DATE, PROMISED, Var.CONTACT_PREFERENCE, "email",
        FormContext.COMPLAINT_CONTEXT, "ORD-1"));

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().toString()).as(String.valueOf(refused.getBody())).contains(FormContext.COMPLAINT_CONTEXT);
    assertThat(context(AGENT, trackingNumber, Element.AGREE_EXPECTATION, FormContext.COMPLAINT_CONTEXT)
        .get("order").asText()).isEqualTo("ORD-4711");
  }

  @Test
  void verifyTheFixSaysWhoFixedItAndInvestigateListsTheLinkedComplaints() throws Exception {
    String trackingNumber = receiveAndPatch();
    submit(trackingNumber, Element.FIND_ROOT_CAUSE,
        Map.of(Var.ROOT_CAUSE_DESCRIPTION, "Weak packaging", Var.ONE_OFF, false));
    String key = "RC-" + rootCauseOf(trackingNumber);

    claim(LEAD, key, RootCauseProcess.Element.INVESTIGATE);
    JsonNode investigate = context(LEAD, key, RootCauseProcess.Element.INVESTIGATE, FormContext.ROOT_CAUSE_CONTEXT);
    assertThat(investigate.get("complaintCount").asInt()).isOne();
    assertThat(investigate.get("complaints").asText()).startsWith(trackingNumber + " (Eva de Wit");

    submit(LEAD, key, RootCauseProcess.Element.INVESTIGATE, Map.of(RootCauseProcess.Var.WILL_FIX, true,
        RootCauseProcess.Var.FIX_DEADLINE, BusinessDay.today().plusDays(14).toString()));
    submit(LEAD, key, RootCauseProcess.Element.FIX, Map.of(RootCauseProcess.Var.FIX_DESCRIPTION, "Stronger boxes"));

    JsonNode verify = context(SECOND_LEAD, key, RootCauseProcess.Element.VERIFY, FormContext.ROOT_CAUSE_CONTEXT);
    assertThat(verify.get("fixedBy").asText()).isEqualTo("Lea de Vries (lea)");
  }

  @Test
  void aOneOffIsExplainedByItsReasonAndNoteWithoutADescribedCause() {
    String trackingNumber = receiveAndPatch();
    String taskId = claim(trackingNumber, Element.FIND_ROOT_CAUSE);
    ResponseEntity<Map> noReason = submitForm(taskId, Map.of(Var.ONE_OFF, true));
    assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(noReason.getBody().toString()).contains(Var.ONE_OFF_REASON).doesNotContain(Var.ROOT_CAUSE_DESCRIPTION);

    submit(trackingNumber, Element.FIND_ROOT_CAUSE, Map.of(Var.ONE_OFF, true, Var.ONE_OFF_REASON, "PARTNER_SLIP",
        Var.ONE_OFF_NOTE, "The courier dropped it once"));

    assertThat(jdbc.queryForObject("select root_cause_description from complaint where tracking_number = ?",
        String.class, trackingNumber)).isEqualTo("The courier dropped it once");
    assertThat(openTaskKeys(trackingNumber)).contains(Element.REPORT_BACK);
  }
}
