package io.rootfix.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import io.rootfix.complaint.ComplaintProcess.Element;
import io.rootfix.complaint.ComplaintProcess.Var;
import io.rootfix.support.RootfixIntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Closing because the customer could not be reached: the form hides "What did the customer say?" and the new
 * promise; a caller who sends them anyway gets a 400 naming the field, and the complaint stays as it was.
 */
class ClosingFormTest extends RootfixIntegrationTest {

  private static final Map<String, Object> UNREACHABLE = Map.of(Var.CLOSE_WITHOUT_CONFIRMATION, true,
      Var.CLOSE_REASON, "CUSTOMER_UNREACHABLE", Var.CLOSE_NOTE, "Called three times, mailed twice");

  @Test
  void whatTheUnreachableCustomerSaidIsRefusedAndNothingCloses() {
    String trackingNumber = receiveAndPatch();
    findCauseAndReport(trackingNumber);
    String taskId = claim(trackingNumber, Element.RECORD_CUSTOMER_CONFIRMATION);

    ResponseEntity<Map> said = submitForm(taskId, with(UNREACHABLE, Var.CUSTOMER_COMMENT, "All fine now"));
    ResponseEntity<Map> promised = submitForm(taskId, with(UNREACHABLE, Var.MAKE_PROMISE, true));

    assertThat(said.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) said.getBody().get("message")).contains(Var.CUSTOMER_COMMENT).contains("could not be reached");
    assertThat(promised.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) promised.getBody().get("message")).contains(Var.MAKE_PROMISE);
    assertThat(taskService.createTaskQuery().taskId(taskId).count()).isOne();
    assertThat(state(trackingNumber)).isEqualTo(ComplaintState.REPORTED.name());
    assertThat(jdbc.queryForObject("select count(*) from recorded_reason where tracking_number = ?", Long.class,
        trackingNumber)).isZero();

    // Without them it closes, as the form sends it.
    assertThat(submitForm(taskId, UNREACHABLE).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    executeDueJobs();
    assertThat(state(trackingNumber)).isEqualTo(ComplaintState.CLOSED.name());
  }

  @Test
  void anotherCloseReasonStillTakesWhatTheCustomerSaid() {
    String trackingNumber = receiveAndPatch();
    findCauseAndReport(trackingNumber);

    submit(trackingNumber, Element.RECORD_CUSTOMER_CONFIRMATION, Map.of(Var.CLOSE_WITHOUT_CONFIRMATION, true,
        Var.CLOSE_REASON, "CUSTOMER_WILL_NOT_CONFIRM", Var.CLOSE_NOTE, "Says it is fine but will not confirm",
        Var.CUSTOMER_COMMENT, "Leave me alone, it works"));
    executeDueJobs();

    assertThat(state(trackingNumber)).isEqualTo(ComplaintState.CLOSED.name());
  }

  private static Map<String, Object> with(Map<String, Object> values, String name, Object value) {
    Map<String, Object> more = new java.util.LinkedHashMap<>(values);
    more.put(name, value);
    return more;
  }
}
