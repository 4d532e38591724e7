package io.rootfix.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rootfix.support.RootfixIntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The complaint's published read side ({@link Complaints}): what other features may know of a complaint. */
class ComplaintsTest extends RootfixIntegrationTest {

  @Autowired
  Complaints complaints;

  @Autowired
  PlatformTransactionManager transactionManager;

  @Test
  void bothNumbersOfAMergedComplaintLeadToTheSurvivorWhileAuditorsSeeEachAsItIs() {
    String email = newEmail();
    String survivor = created(postComplaint(intake(email, null)));
    agreeExpectation(survivor, PROMISED);
    String merged = created(postComplaint(intake(email, null).replace("\"delivery\"", "\"product\"")));
    agreeExpectation(merged, PROMISED);
    assertThat(as(AGENT).postForEntity("/api/complaints/" + survivor + "/merge",
        json("{\"trackingNumber\": \"" + merged + "\", \"note\": \"One matter\"}"), Map.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);

    assertThat(complaints.findFollowingMerges(merged)).map(ComplaintSummary::trackingNumber).contains(survivor);
    assertThat(complaints.summary(merged).isOpen()).isTrue();
    assertThat(complaints.record(merged).trackingNumber()).isEqualTo(survivor);
    assertThat(complaints.recordExactly(merged)).hasValueSatisfying(record -> {
      assertThat(record.trackingNumber()).isEqualTo(merged);
      assertThat(record.state()).isEqualTo(ComplaintState.MERGED);
      assertThat(record.mergedInto()).isEqualTo(survivor);
    });
    assertThat(complaints.summary(complaintId(merged))).map(ComplaintSummary::isOpen).contains(false);
  }

  /**
   * The mailbox and the status page ask for numbers a stranger typed, inside a transaction of their own: an unknown
   * number is nothing, and the caller's transaction still commits (an exception through a transactional service would
   * have marked it for rollback). Only the lookup meant for a 404 throws.
   */
  @Test
  void anUnknownNumberIsNothingAndLeavesTheCallersTransactionAbleToCommit() {
    boolean[] rollbackOnly = {true};
    new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
      assertThat(complaints.findFollowingMerges("RF-1999-999999")).isEmpty();
      assertThat(complaints.recordExactly("RF-1999-999999")).isEmpty();
      assertThat(complaints.summary(Long.MAX_VALUE)).isEmpty();
      rollbackOnly[0] = status.isRollbackOnly();
    });
    assertThat(rollbackOnly[0]).isFalse();
    assertThatThrownBy(() -> complaints.summary("RF-1999-999999")).isInstanceOf(ComplaintNotFoundException.class);
    assertThatThrownBy(() -> complaints.record("RF-1999-999999")).isInstanceOf(ComplaintNotFoundException.class);
  }

  /**
   * A customer proves a complaint is theirs with the contact they gave or the one on file: the summary carries both,
   * also for a complaint given without a phone number by a customer we know by theirs.
   */
  @Test
  void theSummaryCarriesTheContactGivenAndTheOneOnFile() {
    String email = newEmail();
    String phone = newPhone();
    String first = created(postComplaint(intake(email, phone)));
    String second = created(postComplaint(intake(email, null).replace("\"delivery\"", "\"billing\"")));

    ComplaintSummary summary = complaints.summary(second);

    assertThat(summary.trackingNumber()).isEqualTo(second);
    assertThat(summary.customerId()).isEqualTo(customerId(first));
    assertThat(summary.contactEmail()).isEqualTo(email);
    assertThat(summary.contactPhone()).as("not given with this complaint").isNull();
    assertThat(summary.customerEmail()).isEqualTo(email);
    assertThat(summary.customerPhone()).as("on file from the first").isNotNull();
    assertThat(summary.state()).isEqualTo(ComplaintState.RECEIVED);
    assertThat(complaints.record(second).customer().phone()).isEqualTo(summary.customerPhone());
  }

  @Test
  void listsComeInTheOrderAskedWithoutTheIdsNobodyHas() {
    String a = created(postComplaint(intake()));
    String b = created(postComplaint(intake()));
    List<Long> asked = List.of(complaintId(b), Long.MAX_VALUE, complaintId(a));

    assertThat(complaints.summaries(asked)).extracting(ComplaintSummary::trackingNumber).containsExactly(b, a);
    assertThat(complaints.records(asked)).extracting(ComplaintRecord::trackingNumber).containsExactly(b, a);
    assertThat(complaints.summaries(List.of())).isEmpty();
  }

  private static String created(ResponseEntity<Map> response) {
    assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.CREATED);
    return (String) response.getBody().get("trackingNumber");
  }
}
