package io.rootfix.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import io.rootfix.complaint.ComplaintProcess.Element;
import io.rootfix.complaint.ComplaintProcess.Var;
import io.rootfix.support.RootfixIntegrationTest;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * What the customer or an agent wrote once lives on the complaint row: later forms show it from there, the process
 * keeps no copy (WrittenOnceShownFromRecord, ComplaintTaskListeners.RECORDED_NOT_KEPT), and the history still says
 * who submitted what. A shown value sent back changed with another task's form is refused and changes nothing.
 */
class WrittenOnceShownFromRecordTest extends RootfixIntegrationTest {

  private static final String WORDS = "The parcel arrived broken, for the second time.";

  @Autowired
  private HistoryService historyService;

  @Test
  void laterFormsShowWhatWasWrittenFromTheComplaintAndTheProcessKeepsNoCopy() {
    String trackingNumber = receive();
    String instance = instanceOf(trackingNumber);
    assertThat(runtimeService.getVariables(instance)).as("after the intake")
        .doesNotContainKeys(Var.DESCRIPTION, Var.DESIRED_OUTCOME, Var.CHANNEL)
        .containsKeys(Var.TRACKING_NUMBER, Var.CUSTOMER_NAME, Var.CATEGORY, Var.AGREED_ANSWER_DATE);
    String agree = taskId(trackingNumber, Element.AGREE_EXPECTATION);
    assertThat(shown(agree, Var.DESCRIPTION)).isEqualTo(WORDS);
    assertThat(shown(agree, Var.DESIRED_OUTCOME)).as("the customer's wish, prefilled").isEqualTo("replacement");

    submit(trackingNumber, Element.AGREE_EXPECTATION, Map.of(Var.DESIRED_OUTCOME, "refund",
        Var.AGREED_ANSWER_DATE, PROMISED, Var.CONTACT_PREFERENCE, "phone", Var.EXPECTATION_NOTE, "Call after five"));
    executeDueJobs();
    assertThat(runtimeService.getVariables(instance)).as("after Agree expectation")
        .doesNotContainKeys(Var.DESIRED_OUTCOME, Var.CONTACT_PREFERENCE, Var.EXPECTATION_NOTE);
    assertThat(submitted(instance, Var.DESIRED_OUTCOME)).as("who submitted what, in the history").contains("refund");
    assertThat(submitted(instance, Var.CONTACT_PREFERENCE)).contains("phone");

    String patch = taskId(trackingNumber, Element.PATCH_SYMPTOM);
    assertThat(shown(patch, Var.EXPECTATION_NOTE)).isEqualTo("Call after five");
    assertThat(shown(patch, Var.PATCH_DESCRIPTION)).as("nothing patched yet").isNull();
    submit(trackingNumber, Element.PATCH_SYMPTOM, Map.of(Var.PATCH_DESCRIPTION, "Sent a replacement by express"));
    assertThat(runtimeService.getVariables(instance)).doesNotContainKey(Var.PATCH_DESCRIPTION);
    assertThat(shown(taskId(trackingNumber, Element.FIND_ROOT_CAUSE), Var.PATCH_DESCRIPTION))
        .isEqualTo("Sent a replacement by express");

    // What the form shows, sent back changed along with it: refused, naming the fields; nothing recorded or kept.
    ResponseEntity<Map> forged = submitForm(claim(trackingNumber, Element.FIND_ROOT_CAUSE), Map.of(
        Var.ROOT_CAUSE_DESCRIPTION, "Weak packaging", Var.ONE_OFF, false, Var.PATCH_DESCRIPTION, "Nothing was done",
        Var.ANSWER_TEXT, "Not our fault"));
    assertThat(forged.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(forged.getBody().toString()).contains(Var.PATCH_DESCRIPTION, Var.ANSWER_TEXT);
    assertThat(openTaskKeys(trackingNumber)).contains(Element.FIND_ROOT_CAUSE);
    submit(trackingNumber, Element.FIND_ROOT_CAUSE, Map.of(Var.ROOT_CAUSE_DESCRIPTION, "Weak packaging",
        Var.ONE_OFF, false));
    assertThat(patchOnRecord(trackingNumber)).isEqualTo("Sent a replacement by express");
    assertThat(runtimeService.getVariables(instance))
        .doesNotContainKeys(Var.PATCH_DESCRIPTION, Var.ANSWER_TEXT, Var.ROOT_CAUSE_ID, Var.FIX_DESCRIPTION);

    fixRootCause(rootCauseOf(trackingNumber), "Stronger boxes");
    String report = taskId(trackingNumber, Element.REPORT_BACK);
    assertThat(shown(report, Var.PATCH_DESCRIPTION)).isEqualTo("Sent a replacement by express");
    assertThat(shown(report, Var.FIX_DESCRIPTION)).isEqualTo("Stronger boxes");
    assertThat(shown(report, Var.ROOT_CAUSE_DESCRIPTION)).isEqualTo("Weak packaging");
    assertThat(shown(report, Var.CHANNEL)).as("Received via, in the heading").isEqualTo("web");
    assertThat(shown(report, Var.CONTACT_PREFERENCE)).as("Send the answer by").isEqualTo("phone");
    assertThat(shown(report, Var.ANSWER_TEXT)).as("no draft yet, nor the forged one").isNull();
    assertThat(runtimeService.getVariables(instance))
        .doesNotContainKeys(Var.FIX_DESCRIPTION, Var.ROOT_CAUSE_ID, Var.ROOT_CAUSE_DESCRIPTION);
    assertThat(submitted(instance, Var.ROOT_CAUSE_DESCRIPTION)).contains("Weak packaging");

    reportBack(trackingNumber, "We changed our boxes.");
    assertThat(runtimeService.getVariables(instance)).doesNotContainKey(Var.ANSWER_TEXT);
    assertThat(shown(taskId(trackingNumber, Element.RECORD_CUSTOMER_CONFIRMATION), Var.ANSWER_TEXT))
        .isEqualTo("We changed our boxes.");
  }

  @Test
  void aReturnedAnswerComesBackWithItsDraftAndTheReviewerReadsIt() {
    String trackingNumber = postedComplaint("critical");
    agreeExpectation(trackingNumber, PROMISED);
    submit(trackingNumber, Element.PATCH_SYMPTOM, Map.of(Var.PATCH_DESCRIPTION, "Sent a replacement"));
    submit(trackingNumber, Element.FIND_ROOT_CAUSE, Map.of(Var.ONE_OFF, true, Var.ONE_OFF_REASON, "PARTNER_SLIP",
        Var.ONE_OFF_NOTE, "The courier dropped it"));
    submit(trackingNumber, Element.REPORT_BACK, Map.of(Var.ANSWER_TEXT, "The courier dropped it."));

    String review = taskId(trackingNumber, Element.REVIEW_ANSWER);
    assertThat(shown(review, Var.ANSWER_TEXT)).isEqualTo("The courier dropped it.");
    assertThat(shown(review, Var.PATCH_DESCRIPTION)).isEqualTo("Sent a replacement");
    submit(SECOND_LEAD, trackingNumber, Element.REVIEW_ANSWER, Map.of(Var.ANSWER_APPROVED, "false",
        Var.RETURN_REASON, "MISSING_FIX", Var.RETURN_NOTE, "Say what we do about couriers"));

    assertThat(shown(taskId(trackingNumber, Element.REPORT_BACK), Var.ANSWER_TEXT)).as("the author's draft, to edit")
        .isEqualTo("The courier dropped it.");
  }

  @Test
  void aReopenedComplaintsNextRoundShowsItsOwnFixNotTheFirstRounds() {
    String trackingNumber = receiveAndPatch();
    findCauseAndReport(trackingNumber);
    assertThat(customerReplies(trackingNumber, false, "Still broken").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

    String find = taskId(trackingNumber, Element.FIND_ROOT_CAUSE);
    assertThat(shown(find, Var.ROOT_CAUSE_DESCRIPTION)).as("the field to fill in starts empty").isNull();
    assertThat(shown(find, Var.PREVIOUS_ROOT_CAUSE_DESCRIPTION)).isEqualTo("Weak packaging");
    submit(trackingNumber, Element.FIND_ROOT_CAUSE, Map.of(Var.ONE_OFF, true, Var.ONE_OFF_REASON, "PARTNER_SLIP",
        Var.ONE_OFF_NOTE, "The courier dropped it"));
    String report = taskId(trackingNumber, Element.REPORT_BACK);
    assertThat(shown(report, Var.FIX_DESCRIPTION)).as("a one-off has no fix; the first round's was for its cause")
        .isNull();
    assertThat(shown(report, Var.ROOT_CAUSE_DESCRIPTION)).as("no cause described: the note says it, once").isNull();
    assertThat(shown(report, Var.ONE_OFF_NOTE)).isEqualTo("The courier dropped it");
    assertThat(shown(report, Var.ANSWER_TEXT)).as("the first round's answer, to start from")
        .isEqualTo("We changed our boxes.");
  }

  @Test
  void aLinkedRootCauseIsShownFromTheComplaintWithItsFix() {
    String first = receiveAndPatch();
    findCauseAndReport(first);
    String trackingNumber = receiveAndPatch();

    submit(trackingNumber, Element.FIND_ROOT_CAUSE, Map.of(Var.ROOT_CAUSE_ID, String.valueOf(rootCauseOf(first))));
    String report = taskId(trackingNumber, Element.REPORT_BACK);
    assertThat((String) shown(report, Var.ROOT_CAUSE_DESCRIPTION)).as("the linked cause, as the complaint row has it")
        .isEqualTo(jdbc.queryForObject("select root_cause_description from complaint where tracking_number = ?",
            String.class, trackingNumber))
        .contains("Weak packaging");
    assertThat(shown(report, Var.FIX_DESCRIPTION)).isEqualTo("Stronger boxes");
    assertThat(runtimeService.getVariables(instanceOf(trackingNumber)))
        .doesNotContainKeys(Var.ROOT_CAUSE_ID, Var.ROOT_CAUSE_DESCRIPTION, Var.FIX_DESCRIPTION);
  }

  /** A complaint started before keeps its copies until its next step: its forms show the row, and the step drops them. */
  @Test
  void aComplaintThatKeptCopiesBeforeShowsTheRowAndDropsThemAtItsNextStep() {
    String trackingNumber = receiveAndPatch();
    String instance = instanceOf(trackingNumber);
    // As an instance of the earlier model version left them (and as someone with rights on it could set them).
    runtimeService.setVariable(instance, Var.PATCH_DESCRIPTION, "An older copy");
    runtimeService.setVariable(instance, Var.ANSWER_TEXT, "An older draft");

    String find = taskId(trackingNumber, Element.FIND_ROOT_CAUSE);
    assertThat(shown(find, Var.PATCH_DESCRIPTION)).as("the row, not the copy").isEqualTo("Sent a replacement");
    assertThat(shown(find, Var.ANSWER_TEXT)).as("no draft on the row").isNull();
    submit(trackingNumber, Element.FIND_ROOT_CAUSE, Map.of(Var.ONE_OFF, true, Var.ONE_OFF_REASON, "PARTNER_SLIP",
        Var.ONE_OFF_NOTE, "The courier dropped it"));

    assertThat(runtimeService.getVariables(instance)).doesNotContainKeys(Var.PATCH_DESCRIPTION, Var.ANSWER_TEXT);
    assertThat(patchOnRecord(trackingNumber)).isEqualTo("Sent a replacement");
  }

  private String postedComplaint(String severity) {
    String body = intake().replace("\"channel\": \"web\"", "\"channel\": \"web\", \"severity\": \"" + severity + "\"");
    return (String) postComplaint(body).getBody().get("trackingNumber");
  }

  private List<Object> submitted(String instance, String name) {
    return historyService.createHistoricVariableInstanceQuery().processInstanceId(instance).variableName(name)
        .includeDeleted().list().stream().map(HistoricVariableInstance::getValue).toList();
  }

  private String patchOnRecord(String trackingNumber) {
    return jdbc.queryForObject("select patch_description from complaint where tracking_number = ?", String.class,
        trackingNumber);
  }

  private String instanceOf(String trackingNumber) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(ComplaintProcess.KEY)
        .processInstanceBusinessKey(trackingNumber).singleResult().getId();
  }
}
