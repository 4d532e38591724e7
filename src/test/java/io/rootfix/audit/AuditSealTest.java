package io.rootfix.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.rootfix.complaint.ComplaintProcess;
import io.rootfix.complaint.ComplaintProcess.Element;
import io.rootfix.complaint.ComplaintProcess.Var;
import io.rootfix.support.RootfixIntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Closing seals the complaint; a later change to its row or its history breaks the chain, and shows. */
class AuditSealTest extends RootfixIntegrationTest {

  @Autowired
  private AuditSealRepository seals;

  private Runnable restore = () -> {};

  @AfterEach
  void undoTampering() {
    restore.run();
  }

  @Test
  void closingSealsTheComplaintAndChangingItsRowAfterwardsIsDetected() {
    String trackingNumber = closedComplaint();
    assertThat(seals.findByComplaint_TrackingNumber(trackingNumber)).as("sealed on close").isPresent();
    assertThat(verify()).containsEntry("intact", true);

    String original = jdbc.queryForObject("select description from complaint where tracking_number = ?", String.class,
        trackingNumber);
    jdbc.update("update complaint set description = ? where tracking_number = ?", "Nothing was wrong", trackingNumber);
    restore = () -> jdbc.update("update complaint set description = ? where tracking_number = ?", original,
        trackingNumber);

    assertThat(verify()).containsEntry("intact", false).containsEntry("firstBrokenTrackingNumber", trackingNumber)
        .containsEntry("reason", "the complaint's record changed after it was sealed");
  }

  @Test
  void changingAHistoryRowOfASealedComplaintIsDetected() {
    String trackingNumber = closedComplaint();
    String instance = historyInstance(trackingNumber);
    String detail = jdbc.queryForList("select id_ from act_hi_detail where proc_inst_id_ = ? and name_ = ?",
        String.class, instance, Var.AGREED_ANSWER_DATE).get(0);
    String original = jdbc.queryForObject("select text_ from act_hi_detail where id_ = ?", String.class, detail);
    jdbc.update("update act_hi_detail set text_ = ? where id_ = ?", "2099-01-01", detail);
    restore = () -> jdbc.update("update act_hi_detail set text_ = ? where id_ = ?", original, detail);

    assertThat(verify()).containsEntry("intact", false).containsEntry("firstBrokenTrackingNumber", trackingNumber);
  }

  private String closedComplaint() {
    String trackingNumber = receiveAndPatch();
    findCauseAndReport(trackingNumber);
    submit(trackingNumber, Element.RECORD_CUSTOMER_CONFIRMATION, Map.of(Var.RESOLVED, "true"));
    executeDueJobs();
    return trackingNumber;
  }

  private String historyInstance(String trackingNumber) {
    // The complaint's own instance: the remedy it called has the tracking number as business key too.
    return jdbc.queryForObject("select proc_inst_id_ from act_hi_procinst where business_key_ = ? and proc_def_key_ = ?",
        String.class, trackingNumber, ComplaintProcess.KEY);
  }

  private Map<String, Object> verify() {
    return as(AUDITOR).getForObject("/api/audit/verify", Map.class);
  }
}
