package io.rootfix.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.rootfix.complaint.ComplaintProcess.Element;
import io.rootfix.complaint.ComplaintProcess.Var;
import io.rootfix.formcontext.FormContext;
import io.rootfix.support.RootfixIntegrationTest;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What only feeds a form's display never reaches the engine's history, while every value that decides or records
 * something still does: the filter must neither let the context through nor swallow a neighbour.
 */
class DisplayDataOutOfHistoryTest extends RootfixIntegrationTest {

  @Autowired
  HistoryService historyService;

  @Test
  void theFormsDisplayDataIsOnTheTaskButNotInHistoryAndEverythingElseIs() {
    String trackingNumber = receive();
    agreeExpectation(trackingNumber, PROMISED);
    executeDueJobs();
    String patchTask = taskId(trackingNumber, Element.PATCH_SYMPTOM);
    assertThat(taskService.getVariableLocal(patchTask, FormContext.COMPLAINT_CONTEXT))
        .as("the agent still sees the context").isNotNull();
    submit(trackingNumber, Element.PATCH_SYMPTOM, Map.of(Var.PATCH_DESCRIPTION, "Apologised and sent a new vase"));
    executeDueJobs();

    String instance = historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(trackingNumber)
        .singleResult().getId();
    for (String displayOnly : DisplayDataOutOfHistory.DISPLAY_ONLY) {
      assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance)
          .variableName(displayOnly).count()).as(displayOnly + " in the variable history").isZero();
    }
    assertThat(historyService.createHistoricDetailQuery().processInstanceId(instance).variableUpdates().list())
        .as("no value-set entry of display data")
        .map(detail -> ((HistoricVariableUpdate) detail).getVariableName())
        .doesNotContainAnyElementsOf(DisplayDataOutOfHistory.DISPLAY_ONLY)
        .contains(Var.TRACKING_NUMBER, Var.AGREED_ANSWER_DATE, Var.PATCH_DESCRIPTION);
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance)
        .variableName(Var.PATCH_DESCRIPTION).singleResult().getValue())
        .as("a form's value keeps its history").isEqualTo("Apologised and sent a new vase");
  }
}
