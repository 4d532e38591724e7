package io.rootfix.rootcause;

import static org.assertj.core.api.Assertions.assertThat;

import io.rootfix.complaint.ComplaintProcess;
import io.rootfix.complaint.ComplaintProcess.Element;
import io.rootfix.support.RootfixIntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** One root cause, many complaints: none goes on before the fix, all are told when it is verified. */
class RootCauseLifecycleTest extends RootfixIntegrationTest {

  @Test
  void threeComplaintsWaitForOneFixAndAFourthLinkedAfterwardsGoesStraightOn() {
    String first = receiveAndPatch();
    submit(first, Element.FIND_ROOT_CAUSE, Map.of(
        ComplaintProcess.Var.ROOT_CAUSE_TITLE, "Vases packed without corner protection",
        ComplaintProcess.Var.ROOT_CAUSE_DESCRIPTION, "The packing line skips the corner foam for tall boxes"));
    long rootCauseId = rootCauseOf(first);

    String second = receiveAndPatch();
    String third = receiveAndPatch();
    assertThat(knownRootCauseChoices(second)).contains("\"value\":\"" + rootCauseId + "\"");
    for (String complaint : List.of(second, third)) {
      submit(complaint, Element.FIND_ROOT_CAUSE, Map.of(ComplaintProcess.Var.ROOT_CAUSE_ID, String.valueOf(rootCauseId)));
    }
    for (String complaint : List.of(first, second, third)) {
      assertThat(waitingAt(complaint)).as(complaint + " waits for the fix").contains(Element.WAIT_FOR_FIX);
      assertThat(openTaskKeys(complaint)).doesNotContain(Element.REPORT_BACK);
    }
    assertThat(as(AGENT).getForObject("/api/root-causes/" + rootCauseId, Map.class))
        .containsEntry("state", "INVESTIGATING").containsEntry("complaints", 3);

    fixRootCause(rootCauseId, "Every tall box now gets corner foam; the line stops without it");

    for (String complaint : List.of(first, second, third)) {
      assertThat(openTaskKeys(complaint)).as(complaint).contains(Element.REPORT_BACK);
      assertThat(shown(taskId(complaint, Element.REPORT_BACK), ComplaintProcess.Var.FIX_DESCRIPTION))
          .as("the fix, on the report back's form").isEqualTo("Every tall box now gets corner foam; the line stops without it");
    }

    String fourth = receiveAndPatch();
    submit(fourth, Element.FIND_ROOT_CAUSE, Map.of(ComplaintProcess.Var.ROOT_CAUSE_ID, String.valueOf(rootCauseId)));
    assertThat(openTaskKeys(fourth)).as("linked after the fix").contains(Element.REPORT_BACK);

    Map<String, Object> view = as(AGENT).getForObject("/api/root-causes/" + rootCauseId, Map.class);
    assertThat(view).containsEntry("state", "FIXED").containsEntry("fixedBy", LEAD).containsEntry("verifiedBy", SECOND_LEAD);
    assertThat((List<Map<String, Object>>) view.get("linkedComplaints")).extracting(l -> l.get("trackingNumber"))
        .containsExactly(first, second, third, fourth);

    List<Map<String, Object>> fixed = as(AGENT).getForObject("/api/root-causes?state=FIXED&category=delivery", List.class);
    assertThat(fixed).extracting(r -> ((Number) r.get("id")).longValue()).contains(rootCauseId);
    Map<String, Object> pareto = as(AGENT).getForObject("/api/insights/root-causes", Map.class);
    Map<String, Object> top = ((List<Map<String, Object>>) pareto.get("rootCauses")).get(0);
    assertThat(((Number) top.get("id")).longValue()).isEqualTo(rootCauseId);
    assertThat(((Number) top.get("complaints")).intValue()).isEqualTo(4);
  }

  @Test
  void aOneOffWithoutAReasonIsRefusedWithAClearMessage() {
    String complaint = receiveAndPatch();
    String taskId = claim(complaint, Element.FIND_ROOT_CAUSE);

    ResponseEntity<Map> response = submitForm(taskId, Map.of(
        ComplaintProcess.Var.ROOT_CAUSE_DESCRIPTION, "The courier dropped it", ComplaintProcess.Var.ONE_OFF, true));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) response.getBody().get("message"))
        .contains("oneOffReason: is required: choose a reason from the list", "oneOffNote: is required");
    assertThat(openTaskKeys(complaint)).contains(Element.FIND_ROOT_CAUSE);
  }

  @Test
  void linkingAnUnknownRootCauseNamesTheField() {
    String complaint = receiveAndPatch();
    ResponseEntity<Map> response = submitForm(claim(complaint, Element.FIND_ROOT_CAUSE),
        Map.of(ComplaintProcess.Var.ROOT_CAUSE_ID, "999999"));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) response.getBody().get("message")).contains("rootCauseId");
  }

  private List<String> waitingAt(String trackingNumber) {
    String instanceId = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(trackingNumber)
        .processDefinitionKey(ComplaintProcess.KEY).singleResult().getId();
    return runtimeService.getActiveActivityIds(instanceId);
  }

  private Object variable(String trackingNumber, String name) {
    String instanceId = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(trackingNumber)
        .processDefinitionKey(ComplaintProcess.KEY).singleResult().getId();
    return runtimeService.getVariable(instanceId, name);
  }

  private String knownRootCauseChoices(String trackingNumber) {
    String taskId = taskId(trackingNumber, Element.FIND_ROOT_CAUSE);
    return String.valueOf(shown(taskId, ComplaintProcess.Var.KNOWN_ROOT_CAUSES));
  }
}
