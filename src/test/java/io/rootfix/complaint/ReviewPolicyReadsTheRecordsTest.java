package io.rootfix.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import io.rootfix.complaint.ComplaintProcess.Element;
import io.rootfix.complaint.ComplaintProcess.Var;
import io.rootfix.support.RootfixIntegrationTest;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The answer review policy weighs the complaint's severity and its remedy's amount as the complaint row and the remedy
 * ledger say when the answer is drafted: handed to the decision, which records them as inputs, and kept nowhere else
 * in the process. A copy set by hand on the instance (what Cockpit or REST allow with rights on it) decides nothing.
 */
class ReviewPolicyReadsTheRecordsTest extends RootfixIntegrationTest {

  @Autowired
  HistoryService historyService;

  @Test
  void aLargeRemedyInTheLedgerIsReviewedAndNoCopyIsKept() {
    String trackingNumber = receiveAndPatch();
    String instance = instanceOf(trackingNumber);
    // The ledger is where a remedy's amount lives; a larger one than this intake's policy grants.
    jdbc.update("update remedy set amount = 400 where tracking_number = ?", trackingNumber);
    oneOff(trackingNumber);

    submit(trackingNumber, Element.REPORT_BACK, Map.of(Var.ANSWER_TEXT, "Our courier dropped it."));

    assertThat(openTaskKeys(trackingNumber)).containsExactly(Element.REVIEW_ANSWER);
    assertThat(reviewPolicy(trackingNumber)).isEqualTo("Remedy above 250 EUR");
    assertThat(reviewInputs(instance)).containsEntry(Var.REMEDY_AMOUNT, 400.0).containsEntry(Var.SEVERITY, "normal");
    assertThat(runtimeService.getVariables(instance)).doesNotContainKeys(Var.REMEDY_AMOUNT, Var.REMEDY_TYPE,
        Var.SEVERITY);
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance).includeDeleted()
        .variableNameIn(Var.REMEDY_AMOUNT, Var.SEVERITY).count()).as("nor in the variables' history").isZero();
  }

  @Test
  void copiesSetByHandOnTheInstanceDecideNothing() {
    String trackingNumber = receiveAndPatch();
    String instance = instanceOf(trackingNumber);
    jdbc.update("update complaint set severity = 'CRITICAL' where tracking_number = ?", trackingNumber);
    runtimeService.setVariable(instance, Var.SEVERITY, "low");
    runtimeService.setVariable(instance, Var.REMEDY_AMOUNT, 0.0);
    oneOff(trackingNumber);

    submit(trackingNumber, Element.REPORT_BACK, Map.of(Var.ANSWER_TEXT, "Our courier dropped it."));

    assertThat(reviewPolicy(trackingNumber)).isEqualTo("Critical severity: always checked");
    assertThat(reviewInputs(instance)).containsEntry(Var.SEVERITY, "critical");
    // A stored copy stays stored (the engine takes no transient value in its place), holding the row's value now.
    assertThat(runtimeService.getVariables(instance)).containsEntry(Var.SEVERITY, "critical");
  }

  private void oneOff(String trackingNumber) {
    submit(trackingNumber, Element.FIND_ROOT_CAUSE, Map.of(Var.ROOT_CAUSE_DESCRIPTION, "Dropped", Var.ONE_OFF, true,
        Var.ONE_OFF_REASON, "PARTNER_SLIP", Var.ONE_OFF_NOTE, "The courier admitted it"));
  }

  /** The answer review's inputs as its decision instance recorded them, by the variable each expression reads. */
  private Map<String, Object> reviewInputs(String instance) {
    HistoricDecisionInstance review = historyService.createHistoricDecisionInstanceQuery().processInstanceId(instance)
        .decisionDefinitionKey("answer-review").includeInputs().singleResult();
    Map<String, String> variableOf = Map.of("Severity", Var.SEVERITY, "Remedy amount (EUR)", Var.REMEDY_AMOUNT);
    return review.getInputs().stream().filter(input -> variableOf.containsKey(input.getClauseName()))
        .collect(Collectors.toMap(input -> variableOf.get(input.getClauseName()), HistoricDecisionInputInstance::getValue));
  }

  /** Why the policy asks for a review, as Review the answer shows it. */
  private Object reviewPolicy(String trackingNumber) {
    return shown(taskId(trackingNumber, Element.REVIEW_ANSWER), Var.REVIEW_POLICY);
  }

  private String instanceOf(String trackingNumber) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(ComplaintProcess.KEY)
        .processInstanceBusinessKey(trackingNumber).singleResult().getId();
  }
}
