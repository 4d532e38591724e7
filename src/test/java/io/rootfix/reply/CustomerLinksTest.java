package io.rootfix.reply;

import static org.assertj.core.api.Assertions.assertThat;

import io.rootfix.complaint.ComplaintProcess.Element;
import io.rootfix.complaint.ComplaintProcess.Var;
import io.rootfix.notify.CustomerLinks;
import io.rootfix.notify.MessageKind;
import io.rootfix.support.RootfixIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The customer answers without phoning, through the personal link in our message, as the customer; a link that is
 * expired, tampered with, made for another complaint or used again after closing changes nothing.
 */
class CustomerLinksTest extends RootfixIntegrationTest {

  private static final Pattern LINK = Pattern.compile("https?://[^/\\s]+(/reply/\\S+)");

  @Autowired
  private CustomerLinks links;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void theCustomerAnswersOurQuestionThroughTheLinkOnceAndTheProcessGoesOn() {
    String trackingNumber = waitingForInformation();
    String link = linkIn(trackingNumber, MessageKind.INFORMATION_REQUEST);

    ResponseEntity<String> page = http.getForEntity(link, String.class);
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getBody()).contains("Which order number was on the broken parcel?", "<label for=\"information\">",
        "lang=\"nl\"");
    assertThat(page.getHeaders().getFirst("Content-Security-Policy")).contains("default-src 'none'");
    assertThat(http.getForEntity(link + "?lang=en", String.class).getBody()).contains("Your answer", "lang=\"en\"");

    ResponseEntity<String> answered = postForm(link, Map.of("information", "Order 4711 <script>"));

    assertThat(answered.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(answered.getBody()).contains("We hebben uw antwoord ontvangen");
    executeDueJobs();
    assertThat(state(trackingNumber)).isNotEqualTo("WAITING_FOR_CUSTOMER");
    assertThat(openTaskKeys(trackingNumber)).doesNotContain(Element.AWAIT_CUSTOMER_INFORMATION);
    assertThat(jdbc.queryForObject("select customer_information from complaint where tracking_number = ?", String.class,
        trackingNumber)).isEqualTo("Order 4711 <script>");

    ResponseEntity<String> again = postForm(link, Map.of("information", "Something else"));
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(again.getBody()).contains("Er is niets veranderd");
    assertThat(jdbc.queryForObject("select customer_information from complaint where tracking_number = ?", String.class,
        trackingNumber)).isEqualTo("Order 4711 <script>");
  }

  @Test
  void aTamperedLinkOrOneForAnotherComplaintChangesNothing() {
    String trackingNumber = waitingForInformation();
    String other = waitingForInformation();
    String link = linkIn(trackingNumber, MessageKind.INFORMATION_REQUEST);
    String token = link.substring("/reply/".length());
    // complaint-customer-purpose-expiry-signature; the signature (43 characters) may contain '-' itself.
    String signature = token.substring(token.length() - 43);
    String[] parts = token.substring(0, token.length() - 44).split("-");
    long otherId = complaintId(other);

    String otherComplaint = "/reply/" + otherId + token.substring(token.indexOf('-'));
    char last = token.charAt(token.length() - 1);
    String badSignature = link.substring(0, link.length() - 1) + (last == 'A' ? 'B' : 'A');
    String longerLife = "/reply/" + parts[0] + "-" + parts[1] + "-" + parts[2] + "-" + (Long.parseLong(parts[3]) + 86400)
        + "-" + signature;
    // Properly signed, but for this complaint with the other complaint's customer.
    String otherCustomer = "/reply/" + links.link(complaintId(trackingNumber), customerId(other), CustomerLinks.Purpose.ANSWER)
        .split("/reply/")[1];

    for (String attack : new String[] {otherComplaint, badSignature, longerLife, otherCustomer, "/reply/nonsense"}) {
      assertThat(http.getForEntity(attack, String.class).getStatusCode()).as(attack).isEqualTo(HttpStatus.BAD_REQUEST);
      ResponseEntity<String> posted = postForm(attack, Map.of("information", "Injected"));
      assertThat(posted.getStatusCode()).as(attack).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(posted.getBody()).contains("Deze link werkt niet").doesNotContain("Exception", "at io.");
    }

    for (String untouched : new String[] {trackingNumber, other}) {
      assertThat(state(untouched)).isEqualTo("WAITING_FOR_CUSTOMER");
      assertThat(openTaskKeys(untouched)).contains(Element.AWAIT_CUSTOMER_INFORMATION);
      assertThat(runtimeService.createVariableInstanceQuery().variableName(Var.CUSTOMER_INFORMATION)
          .processInstanceIdIn(processInstanceId(untouched)).count()).isZero();
    }
  }

  @Test
  void anExpiredLinkGetsAClearPageAndChangesNothing() {
    String trackingNumber = waitingForInformation();
    String link = linkIn(trackingNumber, MessageKind.INFORMATION_REQUEST);

    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(31))));
    ResponseEntity<String> shown = http.getForEntity(link, String.class);
    ResponseEntity<String> posted = postForm(link, Map.of("information", "Too late"));
    ClockUtil.reset();

    assertThat(shown.getStatusCode()).isEqualTo(HttpStatus.GONE);
    assertThat(shown.getBody()).contains("Deze link is verlopen");
    assertThat(posted.getStatusCode()).isEqualTo(HttpStatus.GONE);
    assertThat(state(trackingNumber)).isEqualTo("WAITING_FOR_CUSTOMER");
    assertThat(openTaskKeys(trackingNumber)).contains(Element.AWAIT_CUSTOMER_INFORMATION);
  }

  @Test
  void notResolvedThroughTheLinkReopensTheComplaintInTheCustomersWords() {
    String trackingNumber = reported();
    String link = linkIn(trackingNumber, MessageKind.REPORT);
    assertThat(http.getForEntity(link, String.class).getBody()).contains("We changed our boxes.", "name=\"resolved\"");

    ResponseEntity<String> bad = postForm(link, Map.of("comment", "no choice made"));
    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(bad.getBody()).contains("Kies of uw klacht is opgelost");
    assertThat(state(trackingNumber)).isEqualTo("REPORTED");

    ResponseEntity<String> notResolved = postForm(link, Map.of("resolved", "no", "comment", "Still broken"));

    assertThat(notResolved.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(state(trackingNumber)).isEqualTo("REOPENED");
    assertThat(jdbc.queryForObject("select recorded_by from recorded_reason where tracking_number = ? and step = 'REOPEN'",
        String.class, trackingNumber)).isEqualTo("customer");
  }

  @Test
  void afterClosingTheLinkChangesNothingAndTheEffortQuestionIsAnsweredOnce() {
    String trackingNumber = reported();
    String confirm = linkIn(trackingNumber, MessageKind.REPORT);
    assertThat(postForm(confirm, Map.of("resolved", "yes")).getStatusCode()).isEqualTo(HttpStatus.OK);
    executeDueJobs();
    assertThat(state(trackingNumber)).isEqualTo("CLOSED");
    long messages = count("customer_message");

    ResponseEntity<String> replay = postForm(confirm, Map.of("resolved", "no", "comment", "Replayed"));
    assertThat(replay.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(state(trackingNumber)).isEqualTo("CLOSED");
    assertThat(count("customer_message")).isEqualTo(messages);

    String effort = linkIn(trackingNumber, MessageKind.CLOSING);
    Map<String, Object> before = as(LEAD).getForObject("/api/insights/customer-effort", Map.class);
    assertThat(postForm(effort, Map.of("score", "9")).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(postForm(effort, Map.of("score", "2", "comment", "Quick")).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(postForm(effort, Map.of("score", "7")).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

    assertThat(jdbc.queryForList("select score from customer_effort where tracking_number = ?", Integer.class,
        trackingNumber)).containsExactly(2);
    Map<String, Object> after = as(LEAD).getForObject("/api/insights/customer-effort", Map.class);
    assertThat(((Number) after.get("answered")).longValue()).isEqualTo(((Number) before.get("answered")).longValue() + 1);
    assertThat(http.getForEntity("/api/insights/customer-effort", String.class).getStatusCode())
        .as("not public").isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  private String waitingForInformation() {
    String trackingNumber = receiveAndPatch();
    submit(trackingNumber, Element.FIND_ROOT_CAUSE, Map.of(Var.NEED_CUSTOMER_INFORMATION, true,
        Var.INFORMATION_REQUEST, "Which order number was on the broken parcel?"));
    executeDueJobs();
    assertThat(state(trackingNumber)).isEqualTo("WAITING_FOR_CUSTOMER");
    return trackingNumber;
  }

  private String reported() {
    String trackingNumber = receiveAndPatch();
    findCauseAndReport(trackingNumber);
    assertThat(state(trackingNumber)).isEqualTo("REPORTED");
    return trackingNumber;
  }

  /** The path of the personal link in the latest message of this kind, as the customer received it. */
  private String linkIn(String trackingNumber, MessageKind kind) {
    String body = jdbc.queryForObject("select body from customer_message where tracking_number = ? and kind = ?"
        + " order by id desc fetch first 1 rows only", String.class, trackingNumber, kind.name());
    Matcher link = LINK.matcher(body);
    assertThat(link.find()).as(body).isTrue();
    return link.group(1);
  }

  private String processInstanceId(String trackingNumber) {
    return jdbc.queryForObject("select process_instance_id from complaint where tracking_number = ?", String.class,
        trackingNumber);
  }
}
