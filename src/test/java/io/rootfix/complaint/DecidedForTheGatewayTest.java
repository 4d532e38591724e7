package io.rootfix.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import io.rootfix.complaint.ComplaintProcess.Element;
import io.rootfix.complaint.ComplaintProcess.Var;
import io.rootfix.support.RootfixIntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The flags a form decides and the gateway right after its task reads — whether the customer must be asked first,
 * whether the cause is a one-off, whether the answer is approved, whether the customer says it is resolved, whether
 * to close without their confirmation — are stored for the command that sets them and removed before it commits
 * ({@code ProcessVariable.readInTheCommandThatSetsIt}): the path follows each, its history row says what was decided,
 * and no runtime row is left, so a later round's form starts without it.
 */
class DecidedForTheGatewayTest extends RootfixIntegrationTest {

  @Test
  void askingTheCustomerFirstTakesThePathAndLeavesOnlyItsHistoryRow() {
    String trackingNumber = receiveAndPatch();
    String instance = instanceOf(trackingNumber);

    submit(trackingNumber, Element.FIND_ROOT_CAUSE, Map.of(Var.NEED_CUSTOMER_INFORMATION, true,
        Var.INFORMATION_REQUEST, "Which order number was on the broken parcel?"));
    executeDueJobs();

    assertThat(openTaskKeys(trackingNumber)).containsExactly(Element.AWAIT_CUSTOMER_INFORMATION);
    assertThat(runtimeService.getVariables(instance)).doesNotContainKey(Var.NEED_CUSTOMER_INFORMATION);
    assertThat(decided(instance, Var.NEED_CUSTOMER_INFORMATION)).containsExactly(1L);

    submit(trackingNumber, Element.AWAIT_CUSTOMER_INFORMATION, Map.of(Var.CUSTOMER_INFORMATION, "Order 4711"));
    executeDueJobs();
    assertThat(openTaskKeys(trackingNumber)).containsExactly(Element.FIND_ROOT_CAUSE);
    assertThat(formService.getTaskFormVariables(taskId(trackingNumber, Element.FIND_ROOT_CAUSE)))
        .as("the next round's form starts with an empty choice").doesNotContainKey(Var.NEED_CUSTOMER_INFORMATION);

    submit(trackingNumber, Element.FIND_ROOT_CAUSE,
        Map.of(Var.ROOT_CAUSE_DESCRIPTION, "Weak packaging", Var.ONE_OFF, false));
    assertThat(openTaskKeys(trackingNumber)).contains(Element.WAIT_FOR_FIX);
    assertThat(decided(instance, Var.NEED_CUSTOMER_INFORMATION)).as("each round's decision in history")
        .containsExactly(1L, 0L);
    assertThat(runtimeService.getVariables(instance)).doesNotContainKeys(Var.NEED_CUSTOMER_INFORMATION, Var.ONE_OFF);
    assertThat(decided(instance, Var.ONE_OFF)).containsExactly(0L);
  }

  /**
   * A one-off takes the path without a fix and leaves only its history row; the next forms show its note, which only a
   * one-off has: a note sent along with a cause that needs a fix is not kept to be shown as a one-off's.
   */
  @Test
  void aOneOffGoesStraightToTheAnswerAndItsNoteIsShownNotTheFlagKept() {
    String trackingNumber = receiveAndPatch();
    String instance = instanceOf(trackingNumber);

    submit(trackingNumber, Element.FIND_ROOT_CAUSE, Map.of(Var.ONE_OFF, true, Var.ONE_OFF_REASON, "PARTNER_SLIP",
        Var.ONE_OFF_NOTE, "The courier admitted it"));

    assertThat(openTaskKeys(trackingNumber)).containsExactly(Element.REPORT_BACK);
    assertThat(runtimeService.getVariables(instance)).doesNotContainKey(Var.ONE_OFF)
        .containsEntry(Var.ONE_OFF_NOTE, "The courier admitted it");
    assertThat(decided(instance, Var.ONE_OFF)).containsExactly(1L);
    assertThat(shown(taskId(trackingNumber, Element.REPORT_BACK), Var.ONE_OFF_NOTE)).isEqualTo("The courier admitted it");

    String other = receiveAndPatch();
    submit(other, Element.FIND_ROOT_CAUSE, Map.of(Var.ONE_OFF, false, Var.ROOT_CAUSE_DESCRIPTION, "Weak packaging",
        Var.ONE_OFF_REASON, "PARTNER_SLIP", Var.ONE_OFF_NOTE, "Not a one-off at all"));
    assertThat(openTaskKeys(other)).contains(Element.WAIT_FOR_FIX);
    assertThat(runtimeService.getVariables(instanceOf(other))).doesNotContainKeys(Var.ONE_OFF, Var.ONE_OFF_REASON,
        Var.ONE_OFF_NOTE);
  }

  @Test
  void notResolvedReopensAndResolvedClosesWithNoFlagLeft() {
    String trackingNumber = receiveAndPatch();
    String instance = instanceOf(trackingNumber);
    findCauseAndReport(trackingNumber);

    submit(trackingNumber, Element.RECORD_CUSTOMER_CONFIRMATION, Map.of(Var.RESOLVED, "false",
        Var.REOPEN_REASON, "REMEDY_NOT_RECEIVED", Var.REOPEN_NOTE, "The replacement never came"));

    assertThat(state(trackingNumber)).isEqualTo(ComplaintState.REOPENED.name());
    assertThat(openTaskKeys(trackingNumber)).containsExactly(Element.FIND_ROOT_CAUSE);
    assertThat(runtimeService.getVariables(instance)).doesNotContainKeys(Var.RESOLVED, Var.CLOSE_WITHOUT_CONFIRMATION);
    assertThat(decided(instance, Var.RESOLVED)).containsExactly(0L);
    assertThat(decided(instance, Var.CLOSE_WITHOUT_CONFIRMATION)).containsExactly(0L);

    findCauseAndReport(trackingNumber);
    submit(trackingNumber, Element.RECORD_CUSTOMER_CONFIRMATION, Map.of(Var.RESOLVED, "true"));
    executeDueJobs();

    assertThat(state(trackingNumber)).isEqualTo(ComplaintState.CLOSED.name());
    assertThat(decided(instance, Var.RESOLVED)).containsExactly(0L, 1L);
  }

  @Test
  void closingWithoutTheCustomersConfirmationTakesItsPath() {
    String trackingNumber = receiveAndPatch();
    String instance = instanceOf(trackingNumber);
    findCauseAndReport(trackingNumber);

    submit(trackingNumber, Element.RECORD_CUSTOMER_CONFIRMATION, Map.of(Var.CLOSE_WITHOUT_CONFIRMATION, true,
        Var.CLOSE_REASON, "CUSTOMER_UNREACHABLE", Var.CLOSE_NOTE, "Called three times, mailed twice"));

    assertThat(runtimeService.getVariables(instance)).doesNotContainKeys(Var.CLOSE_WITHOUT_CONFIRMATION, Var.RESOLVED);
    executeDueJobs();
    assertThat(state(trackingNumber)).isEqualTo(ComplaintState.CLOSED.name());
    assertThat(decided(instance, Var.CLOSE_WITHOUT_CONFIRMATION)).containsExactly(1L);
  }

  @Test
  void aReturnedAnswerGoesBackToItsAuthorAndTheNextReviewStartsEmpty() {
    String trackingNumber = receiveAndPatch();
    String instance = instanceOf(trackingNumber);
    submit(trackingNumber, Element.FIND_ROOT_CAUSE, Map.of(Var.ROOT_CAUSE_DESCRIPTION, "Dropped", Var.ONE_OFF, true,
        Var.ONE_OFF_REASON, "PARTNER_SLIP", Var.ONE_OFF_NOTE, "The courier admitted it"));
    // A critical complaint's answer is reviewed (answer-review.dmn).
    jdbc.update("update complaint set severity = 'CRITICAL' where tracking_number = ?", trackingNumber);
    runtimeService.setVariable(instance, Var.SEVERITY, "critical");
    submit(trackingNumber, Element.REPORT_BACK, Map.of(Var.ANSWER_TEXT, "Our courier dropped it."));

    submit(SECOND_LEAD, trackingNumber, Element.REVIEW_ANSWER, Map.of(Var.ANSWER_APPROVED, "false",
        Var.RETURN_REASON, "MISSING_FIX", Var.RETURN_NOTE, "Say what we changed so it does not happen again"));

    assertThat(openTaskKeys(trackingNumber)).containsExactly(Element.REPORT_BACK);
    assertThat(runtimeService.getVariables(instance)).doesNotContainKey(Var.ANSWER_APPROVED);
    submit(trackingNumber, Element.REPORT_BACK, Map.of(Var.ANSWER_TEXT, "Our courier dropped it; we changed courier."));
    assertThat(formService.getTaskFormVariables(taskId(trackingNumber, Element.REVIEW_ANSWER)))
        .doesNotContainKey(Var.ANSWER_APPROVED);
    submit(SECOND_LEAD, trackingNumber, Element.REVIEW_ANSWER, Map.of(Var.ANSWER_APPROVED, "true"));
    executeDueJobs();

    assertThat(openTaskKeys(trackingNumber)).containsExactly(Element.RECORD_CUSTOMER_CONFIRMATION);
    assertThat(decided(instance, Var.ANSWER_APPROVED)).containsExactly(0L, 1L);
  }

  /** An instance that stored a flag before (or had one set by hand) loses it at its next decision, not later. */
  @Test
  void aFlagStoredBeforeGoesWithTheNextDecision() {
    String trackingNumber = receiveAndPatch();
    String instance = instanceOf(trackingNumber);
    findCauseAndReport(trackingNumber);
    runtimeService.setVariable(instance, Var.RESOLVED, true);

    submit(trackingNumber, Element.RECORD_CUSTOMER_CONFIRMATION, Map.of(Var.RESOLVED, "false",
        Var.REOPEN_REASON, "REMEDY_NOT_RECEIVED", Var.REOPEN_NOTE, "The replacement never came"));

    assertThat(state(trackingNumber)).as("this decision, not the stored one").isEqualTo(ComplaintState.REOPENED.name());
    assertThat(runtimeService.getVariables(instance)).doesNotContainKey(Var.RESOLVED);
  }

  /** The values the flag had in the history, oldest first (1 true, 0 false). */
  private List<Long> decided(String instance, String name) {
    return jdbc.queryForList("select LONG_ from ACT_HI_VARINST where PROC_INST_ID_ = ? and NAME_ = ?"
        + " order by CREATE_TIME_, ID_", Long.class, instance, name);
  }

  private String instanceOf(String trackingNumber) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(ComplaintProcess.KEY)
        .processInstanceBusinessKey(trackingNumber).singleResult().getId();
  }
}
