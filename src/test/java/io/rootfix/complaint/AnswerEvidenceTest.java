package io.rootfix.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import io.rootfix.complaint.ComplaintProcess.Element;
import io.rootfix.complaint.ComplaintProcess.Var;
import io.rootfix.support.RootfixIntegrationTest;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A complaint cannot reach "Complaint closed" without the evidence of its answer: one moved past "Send the answer"
 * by hand (a process instance modification in Cockpit) stays open at the closing step, with an incident saying why,
 * whether the customer confirms or nobody replies.
 */
class AnswerEvidenceTest extends RootfixIntegrationTest {

  @Autowired
  HistoryService historyService;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aComplaintWithoutARecordedAnswerIsNotClosedWhenTheCustomerConfirms() {
    String trackingNumber = answerSkipped();

    runtimeService.createMessageCorrelation(ComplaintProcess.MESSAGE_CUSTOMER_CONFIRMED)
        .processInstanceBusinessKey(trackingNumber).setVariable(Var.RESOLVED, true).correlate();
    String failure = runFailingJob(trackingNumber, Element.CLOSE);

    assertThat(failure).contains(trackingNumber + " has no recorded answer to the customer", "cannot close");
    assertNotClosed(trackingNumber);
  }

  @Test
  void aComplaintWithoutARecordedAnswerIsNotClosedWhenNobodyReplies() {
    String trackingNumber = answerSkipped();

    ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + Duration.ofDays(15).toMillis()));
    managementService.executeJob(managementService.createJobQuery().processInstanceId(processInstanceOf(trackingNumber))
        .activityId(Element.NO_REPLY).singleResult().getId());
    String failure = runFailingJob(trackingNumber, Element.CLOSE_WITHOUT_REPLY);

    assertThat(failure).contains("has no recorded answer to the customer");
    assertNotClosed(trackingNumber);
    assertThat(count("recorded_reason where tracking_number = '" + trackingNumber + "' and step = 'CLOSE_WITHOUT_CONFIRMATION'")).as("no closing reason recorded").isZero();
  }

  @Test
  void aReopenedComplaintNeedsANewAnswerBeforeItCloses() {
    String trackingNumber = receiveAndPatch();
    findCauseAndReport(trackingNumber);
    submit(trackingNumber, Element.RECORD_CUSTOMER_CONFIRMATION, Map.of(Var.RESOLVED, "false",
        Var.REOPEN_REASON, "PROBLEM_PERSISTS", Var.REOPEN_NOTE, "Broke again"));
    submit(trackingNumber, Element.FIND_ROOT_CAUSE, Map.of(Var.ROOT_CAUSE_DESCRIPTION, "Dropped", Var.ONE_OFF, true,
        Var.ONE_OFF_REASON, "PARTNER_SLIP", Var.ONE_OFF_NOTE, "The courier admitted it"));
    skipSending(trackingNumber);

    runtimeService.createMessageCorrelation(ComplaintProcess.MESSAGE_CUSTOMER_CONFIRMED)
        .processInstanceBusinessKey(trackingNumber).setVariable(Var.RESOLVED, true).correlate();

    assertThat(runFailingJob(trackingNumber, Element.CLOSE)).contains("since it was reopened");
    assertNotClosed(trackingNumber);
  }

  /** A complaint at "Record the customer's confirmation" whose answer was never sent. */
  private String answerSkipped() {
    String trackingNumber = receiveAndPatch();
    submit(trackingNumber, Element.FIND_ROOT_CAUSE, Map.of(Var.ROOT_CAUSE_DESCRIPTION, "Dropped", Var.ONE_OFF, true,
        Var.ONE_OFF_REASON, "PARTNER_SLIP", Var.ONE_OFF_NOTE, "The courier admitted it"));
    skipSending(trackingNumber);
    return trackingNumber;
  }

  private void skipSending(String trackingNumber) {
    String instance = processInstanceOf(trackingNumber);
    runtimeService.createProcessInstanceModification(instance)
        .cancelAllForActivity(Element.REPORT_BACK)
        .startBeforeActivity(Element.RECORD_CUSTOMER_CONFIRMATION)
        .execute();
    assertThat(openTaskKeys(trackingNumber)).containsExactly(Element.RECORD_CUSTOMER_CONFIRMATION);
  }

  /** Runs the closing step's job, which fails; returns its exception message. */
  private String runFailingJob(String trackingNumber, String activityId) {
    Job job = managementService.createJobQuery().processInstanceId(processInstanceOf(trackingNumber))
        .activityId(activityId).singleResult();
    assertThat(job).as("closing job at " + activityId).isNotNull();
    try {
      managementService.executeJob(job.getId());
    } catch (RuntimeException expected) {
      // The engine records the failure on the job (a retry, then an incident).
    }
    String failure = managementService.createJobQuery().jobId(job.getId()).singleResult().getExceptionMessage();
    // As after its last retry: an incident for an operator, and no job left for the next test to run.
    managementService.setJobRetries(job.getId(), 0);
    return failure;
  }

  private void assertNotClosed(String trackingNumber) {
    assertThat(jdbc.queryForObject("select state from complaint where tracking_number = ?", String.class,
        trackingNumber)).isNotEqualTo(ComplaintState.CLOSED.name());
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(processInstanceOf(trackingNumber))
        .activityId(Element.END_CLOSED).count()).as("never reached Complaint closed").isZero();
    assertThat(count("customer_message where tracking_number = '" + trackingNumber + "' and kind = 'CLOSING'")).isZero();
  }

  private String processInstanceOf(String trackingNumber) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(ComplaintProcess.KEY).processInstanceBusinessKey(trackingNumber).singleResult().getId();
  }
}
