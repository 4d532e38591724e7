package io.rootfix.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import io.rootfix.complaint.ComplaintProcess.Element;
import io.rootfix.complaint.ComplaintProcess.Var;
import io.rootfix.support.RootfixIntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Values one step hands to the next in the same transaction are not stored: the recognised customer (for Register
 * complaint), whether the linked root cause is already
 * settled (for the gateway after Find the root cause), the drafter's groups (for the review policy after Report back)
 * and the policy's time to answer (read by Propose the answer date). A complaint started before, which carries them
 * stored, goes on the same way and keeps storing them (the engine refuses a transient value where a stored one of the
 * same name is visible).
 */
class HandedOnNotStoredTest extends RootfixIntegrationTest {

  @Test
  void aNewComplaintStoresNoneOfThem() {
    String trackingNumber = receiveAndPatch();
    String instance = instanceOf(trackingNumber);
    assertThat(runtimeService.getVariables(instance)).as("after the intake")
        .doesNotContainKeys(Var.ANSWER_WITHIN, Var.CUSTOMER_ID).containsKey(Var.AGREED_ANSWER_DATE);
    assertThat(customerId(trackingNumber)).as("the customer, on the complaint row").isPositive();

    findCauseAndReport(trackingNumber);

    assertThat(runtimeService.getVariables(instance)).as("after the root cause and the answer")
        .doesNotContainKeys(Var.ROOT_CAUSE_SETTLED, Var.DRAFTED_BY_GROUPS, Var.ANSWER_WITHIN, Var.ROOT_CAUSE_ID,
            Var.ANSWER_DRAFTED_BY)
        .containsKeys(Var.AGREED_ANSWER_DATE);
  }

  @Test
  void aComplaintThatStoredThemBeforeGoesOnTheSameWay() {
    String trackingNumber = receiveAndPatch();
    String instance = instanceOf(trackingNumber);
    // As an instance of the earlier model version left them.
    runtimeService.setVariable(instance, Var.ROOT_CAUSE_SETTLED, true);
    runtimeService.setVariable(instance, Var.DRAFTED_BY_GROUPS, "team-leads");

    submit(trackingNumber, Element.FIND_ROOT_CAUSE,
        Map.of(Var.ROOT_CAUSE_DESCRIPTION, "Weak packaging", Var.ONE_OFF, false));
    // A new root cause is not settled: the stored "true" must not send the complaint past the wait for its fix.
    assertThat(openTaskKeys(trackingNumber)).contains(Element.WAIT_FOR_FIX);
    fixRootCause(rootCauseOf(trackingNumber), "Stronger boxes");
    reportBack(trackingNumber, "We changed our boxes.");

    assertThat(runtimeService.getVariables(instance)).as("stored as before, with this round's values")
        .containsEntry(Var.ROOT_CAUSE_SETTLED, false).containsEntry(Var.DRAFTED_BY_GROUPS, ComplaintProcess.AGENTS);
    assertThat(state(trackingNumber)).isEqualTo(ComplaintState.REPORTED.name());
  }

  private String instanceOf(String trackingNumber) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(ComplaintProcess.KEY)
        .processInstanceBusinessKey(trackingNumber).singleResult().getId();
  }
}
