package io.rootfix.complaint;

import io.rootfix.support.BusinessDay;
import static org.assertj.core.api.Assertions.assertThat;

import io.rootfix.complaint.ComplaintProcess.Element;
import io.rootfix.complaint.ComplaintProcess.Var;
import io.rootfix.support.RootfixIntegrationTest;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The agent agreeing an expectation sees what the customer went through with us before, remedies included. */
class CustomerHistoryTest extends RootfixIntegrationTest {

  @Test
  void agreeExpectationShowsEarlierComplaintsOpenPromisesAndRemedies() {
    String email = newEmail();
    String first = post(intake(email, null).replace("\"desiredOutcome\": \"replacement\"",
        "\"desiredOutcome\": \"refund\", \"amount\": 35"));
    assertThat(historyOn(first)).isEqualTo("No earlier complaints from this customer.");
    submit(first, Element.AGREE_EXPECTATION, Map.of(Var.DESIRED_OUTCOME, "refund",
        Var.AGREED_ANSWER_DATE, PROMISED, Var.CONTACT_PREFERENCE, "email"));
    executeDueJobs();
    executeDueJobs(); // the refund is paid
    submit(first, Element.PATCH_SYMPTOM, Map.of(
        Var.PATCH_DESCRIPTION, "Asked the carrier to collect the parcel",
        Var.MAKE_PROMISE, true,
        Var.PROMISE_TYPE, "callback",
        Var.PROMISE_TEXT, "We call you back about the collection",
        Var.PROMISE_DUE, BusinessDay.today().plusDays(2) + "T16:00"));

    // Another matter (billing, not the open delivery complaint): a new complaint, not a repeat contact.
    String second = post(intake(email.toUpperCase(), null).replace("\"delivery\"", "\"billing\""));

    String history = historyOn(second);
    assertThat(history).startsWith("1 earlier complaint, 1 still open:")
        .contains(first + ", ").contains("Delivery: open (in progress), answer due")
        .contains("Promises we still owe this customer:")
        .contains(first + ": \"We call you back about the collection\" by")
        .contains(first + ": \"Ons antwoord op uw klacht uiterlijk ");
    assertThat(history).contains("Remedies:\n- " + first + ": refund EUR 35.00, paid (");
    assertThat(history).doesNotContain(second);
  }

  private String post(String body) {
    return (String) postComplaint(body).getBody().get("trackingNumber");
  }

  /** As Tasklist loads it for the form. */
  private String historyOn(String trackingNumber) {
    String taskId = claim(trackingNumber, Element.AGREE_EXPECTATION);
    Map<String, Map<String, Object>> variables = as(AGENT).getForObject(
        "/engine-rest/task/" + taskId + "/form-variables", Map.class);
    return (String) variables.get(Var.CUSTOMER_HISTORY).get("value");
  }
}
