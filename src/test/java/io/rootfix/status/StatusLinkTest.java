package io.rootfix.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.rootfix.complaint.ComplaintProcess.Element;
import io.rootfix.complaint.ComplaintProcess.Var;
import io.rootfix.notify.CustomerLinks;
import io.rootfix.notify.MessageKind;
import io.rootfix.support.RootfixIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The status page asks Rootfix to send the customer their personal link: knowing a tracking number and a contact
 * makes a message go to the contact on file, never more than one per complaint and purpose in 15 minutes, and never
 * anything else (no action taken, no address revealed, no message to anyone for a wrong guess).
 */
class StatusLinkTest extends RootfixIntegrationTest {

  private static final Pattern LINK = Pattern.compile("https?://[^/\\s]+/reply/(\\S+)");

  @Autowired
  private CustomerLinks links;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void theRightContactSendsOneLinkToTheContactOnFileThatAnswersOurQuestion() {
    String email = newEmail();
    String phone = newPhone();
    String trackingNumber = waitingForInformation(email, phone);
    assertThat(lookUp(trackingNumber, email).getBody()).contains("\"customerAction\":\"ANSWER\"");

    // The phone number, typed differently: proof enough to ask; the link still goes to the e-mail address on file.
    ResponseEntity<String> asked = askForLink(trackingNumber, phone.replace("+31 6 ", "06-"));

    assertThat(asked.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(asked.getBody()).contains("We have sent your personal link")
        .doesNotContain(email, phone, "eva.", "+31");
    List<Map<String, Object>> sent = yourLinks(trackingNumber);
    assertThat(sent).singleElement().satisfies(m -> assertThat(m.get("recipient")).isEqualTo(email));
    String token = tokenIn((String) sent.get(0).get("body"));
    CustomerLinks.Verified link = links.verify(token);
    assertThat(link.complaintId()).isEqualTo(complaintId(trackingNumber));
    assertThat(link.customerId()).isEqualTo(customerId(trackingNumber));
    assertThat(link.purpose()).isEqualTo(CustomerLinks.Purpose.ANSWER);

    // Asked again within 15 minutes: the same answer, nothing sent.
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofMinutes(14))));
    ResponseEntity<String> again = askForLink(trackingNumber, email);
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(again.getBody()).isEqualTo(asked.getBody());
    assertThat(yourLinks(trackingNumber)).hasSize(1);
    // After 15 minutes it may go once more.
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofMinutes(16))));
    assertThat(askForLink(trackingNumber, email).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(yourLinks(trackingNumber)).hasSize(2);
    ClockUtil.reset();

    ResponseEntity<String> answered = postForm("/reply/" + token, Map.of("information", "Order 4711"));
    assertThat(answered.getStatusCode()).isEqualTo(HttpStatus.OK);
    executeDueJobs();
    assertThat(state(trackingNumber)).isNotEqualTo("WAITING_FOR_CUSTOMER");
    assertThat(jdbc.queryForObject("select customer_information from complaint where tracking_number = ?", String.class,
        trackingNumber)).isEqualTo("Order 4711");
  }

  @Test
  void aWrongContactOrAnUnknownNumberGetsTheLookupsNotFoundAndSendsNothing() {
    String email = newEmail();
    String trackingNumber = waitingForInformation(email, newPhone());
    long messages = count("customer_message");
    ResponseEntity<String> lookupMiss = lookUp(trackingNumber, "someone@example.com");

    for (String[] attempt : new String[][] {{trackingNumber, "someone@example.com"}, {trackingNumber, "+31 6 99999999"},
        {"RF-2099-999999", email}, {trackingNumber, "eva"}}) {
      ResponseEntity<String> response = askForLink(attempt[0], attempt[1]);
      assertThat(response.getStatusCode()).as(String.join(" ", attempt)).isEqualTo(HttpStatus.NOT_FOUND);
      assertThat(response.getBody()).isEqualTo(lookupMiss.getBody());
    }
    ResponseEntity<String> noContact = http.exchange("/api/status/{t}/link", HttpMethod.POST, json("{}"), String.class,
        trackingNumber);
    assertThat(noContact.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(noContact.getBody()).contains("contact").doesNotContain("Exception");
    assertThat(count("customer_message")).isEqualTo(messages);
    assertThat(count("status_link_request where complaint_id = " + complaintId(trackingNumber))).isZero();
  }

  @Test
  void aComplaintThatWaitsForNothingFromTheCustomerGetsAConflictAndNoMessage() {
    String email = newEmail();
    ResponseEntity<Map> received = postComplaint(intake(email, newPhone()));
    String trackingNumber = (String) received.getBody().get("trackingNumber");
    agreeExpectation(trackingNumber, PROMISED);
    assertThat(lookUp(trackingNumber, email).getBody()).doesNotContain("customerAction");
    long messages = count("customer_message");

    ResponseEntity<String> response = askForLink(trackingNumber, email);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(response.getBody()).contains("waits for nothing from you").doesNotContain(email);
    assertThat(count("customer_message")).isEqualTo(messages);
  }

  @Test
  void reportedAsksToConfirmAndClosedAsksForTheEffortOnce() {
    String email = newEmail();
    ResponseEntity<Map> received = postComplaint(intake(email, newPhone()));
    String trackingNumber = (String) received.getBody().get("trackingNumber");
    agreeExpectation(trackingNumber, PROMISED);
    submit(trackingNumber, Element.PATCH_SYMPTOM, Map.of(Var.PATCH_DESCRIPTION, "Sent a replacement"));
    findCauseAndReport(trackingNumber);
    assertThat(state(trackingNumber)).isEqualTo("REPORTED");

    assertThat(askForLink(trackingNumber, email).getStatusCode()).isEqualTo(HttpStatus.OK);
    String confirm = tokenIn((String) yourLinks(trackingNumber).get(0).get("body"));
    assertThat(links.verify(confirm).purpose()).isEqualTo(CustomerLinks.Purpose.CONFIRM);
    assertThat(postForm("/reply/" + confirm, Map.of("resolved", "yes")).getStatusCode()).isEqualTo(HttpStatus.OK);
    executeDueJobs();
    assertThat(state(trackingNumber)).isEqualTo("CLOSED");

    // Another purpose: its own 15 minutes.
    assertThat(askForLink(trackingNumber, email).getStatusCode()).isEqualTo(HttpStatus.OK);
    List<Map<String, Object>> sent = yourLinks(trackingNumber);
    assertThat(sent).hasSize(2);
    String effort = tokenIn((String) sent.get(1).get("body"));
    assertThat(links.verify(effort).purpose()).isEqualTo(CustomerLinks.Purpose.EFFORT);
    assertThat(postForm("/reply/" + effort, Map.of("score", "3")).getStatusCode()).isEqualTo(HttpStatus.OK);

    ResponseEntity<String> rated = askForLink(trackingNumber, email);
    assertThat(rated.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(yourLinks(trackingNumber)).hasSize(2);
  }

  @Test
  void anotherSitesPageCannotMakeUsSendALink() {
    String email = newEmail();
    String trackingNumber = waitingForInformation(email, newPhone());
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.set(HttpHeaders.ORIGIN, "https://evil.example");
    headers.set("Sec-Fetch-Site", "cross-site");

    ResponseEntity<String> response = http.exchange("/api/status/{t}/link", HttpMethod.POST,
        new HttpEntity<>("{\"contact\": \"" + email + "\"}", headers), String.class, trackingNumber);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(yourLinks(trackingNumber)).isEmpty();
  }

  private String waitingForInformation(String email, String phone) {
    ResponseEntity<Map> received = postComplaint(intake(email, phone));
    String trackingNumber = (String) received.getBody().get("trackingNumber");
    agreeExpectation(trackingNumber, PROMISED);
    submit(trackingNumber, Element.PATCH_SYMPTOM, Map.of(Var.PATCH_DESCRIPTION, "Sent a replacement"));
    submit(trackingNumber, Element.FIND_ROOT_CAUSE, Map.of(Var.NEED_CUSTOMER_INFORMATION, true,
        Var.INFORMATION_REQUEST, "Which order number was on the broken parcel?"));
    executeDueJobs();
    assertThat(state(trackingNumber)).isEqualTo("WAITING_FOR_CUSTOMER");
    return trackingNumber;
  }

  private ResponseEntity<String> askForLink(String trackingNumber, String contact) {
    return http.exchange("/api/status/{t}/link", HttpMethod.POST,
        json("{\"contact\": \"" + contact + "\"}"), String.class, trackingNumber);
  }

  private ResponseEntity<String> lookUp(String trackingNumber, String contact) {
    return http.getForEntity("/api/status/{t}?contact={c}", String.class, trackingNumber, contact);
  }

  private List<Map<String, Object>> yourLinks(String trackingNumber) {
    return jdbc.queryForList("select recipient, body from customer_message where tracking_number = ? and kind = ?"
        + " order by id", trackingNumber, MessageKind.YOUR_LINK.name());
  }

  private static String tokenIn(String body) {
    Matcher link = LINK.matcher(body);
    assertThat(link.find()).as(body).isTrue();
    return link.group(1);
  }

}
