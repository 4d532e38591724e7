package io.rootfix.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rootfix.complaint.ComplaintProcess.Element;
import io.rootfix.complaint.ComplaintProcess.Var;
import io.rootfix.support.RootfixIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The customer looks up their complaint with its tracking number and their e-mail address or phone number. */
class CustomerStatusTest extends RootfixIntegrationTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theCustomerSeesTheStateTheAgreedDateTheOpenPromisesAndWhatWeSentThem() throws Exception {
    String email = newEmail();
    String phone = newPhone();
    String trackingNumber = postComplaintAsCustomer(email, phone);
    submit(trackingNumber, Element.AGREE_EXPECTATION, Map.of(Var.DESIRED_OUTCOME, "replacement",
        Var.AGREED_ANSWER_DATE, PROMISED, Var.CONTACT_PREFERENCE, "phone",
        Var.EXPECTATION_NOTE, "Internal: a difficult customer"));
    executeDueJobs();
    agentCallsTheCustomerWithTheAcknowledgement(trackingNumber);

    for (String contact : List.of(email.toUpperCase(), phone, phone.replace("+31 6 ", "06-"))) {
      ResponseEntity<String> response = lookUp(trackingNumber, contact);

      assertThat(response.getStatusCode()).as(contact).isEqualTo(HttpStatus.OK);
      JsonNode status = JSON.readTree(response.getBody());
      assertThat(status.path("trackingNumber").asText()).isEqualTo(trackingNumber);
      assertThat(status.path("state").asText()).isEqualTo("IN_PROGRESS");
      assertThat(status.path("stateText").asText()).isEqualTo("We are working on your complaint.");
      assertThat(status.path("agreedAnswerDate").asText()).isEqualTo(PROMISED);
      assertThat(status.path("openPromises")).singleElement().satisfies(promise -> {
        assertThat(promise.path("type").asText()).isEqualTo("ANSWER");
        assertThat(promise.path("text").asText()).as("in the customer's language (Dutch)").startsWith("Ons antwoord op uw klacht uiterlijk ");
        assertThat(promise.path("due").asText()).startsWith(PROMISED);
      });
      // Acknowledged by e-mail at intake (still in the outbox here: no mail server): on its way, not "nothing";
      // then the agreed date by phone, which the agent marked sent.
      assertThat(status.path("messages")).hasSize(2);
      assertThat(status.path("messages").get(0).path("subject").asText()).contains("ontvangen: " + trackingNumber);
      assertThat(status.path("messages").get(0).path("sentAt").isMissingNode()).as("not sent yet").isTrue();
      assertThat(status.path("messages").get(0).path("queuedAt").isTextual()).isTrue();
      assertThat(status.path("messages")).anySatisfy(message -> {
        assertThat(message.path("subject").asText()).startsWith("Uw klacht " + trackingNumber + ": ons antwoord komt uiterlijk");
        assertThat(message.path("sentAt").isTextual()).isTrue();
      });
    }
  }

  @Test
  void aClosedComplaintSaysWhenItClosedAndListsOurAnswer() throws Exception {
    String email = newEmail();
    String trackingNumber = postComplaintAsCustomer(email, newPhone());
    agreeExpectation(trackingNumber, PROMISED);
    submit(trackingNumber, Element.PATCH_SYMPTOM, Map.of(Var.PATCH_DESCRIPTION, "Sent a replacement"));
    findCauseAndReport(trackingNumber);
    assertThat(customerReplies(trackingNumber, true, null).getStatusCode().is2xxSuccessful()).isTrue();
    executeDueJobs();

    JsonNode status = JSON.readTree(lookUp(trackingNumber, email).getBody());

    assertThat(status.path("state").asText()).isEqualTo("CLOSED");
    assertThat(status.path("closedAt").isTextual()).isTrue();
    assertThat(status.path("messages")).extracting(message -> message.path("subject").asText())
        .as("the acknowledgement, our answer and the closing message").hasSizeGreaterThanOrEqualTo(3);
    String page = http.getForObject("/status.js", String.class);
    assertThat(page).as("no answer date once answered or closed").contains("status.state === 'CLOSED'",
        "show(byId('agreedAnswerDateLabel'), !answered)");
  }

  @Test
  void aLowerCaseTrackingNumberFindsTheComplaintAndTheFaviconIsServed() {
    String email = newEmail();
    String trackingNumber = postComplaintAsCustomer(email, newPhone());

    ResponseEntity<String> response = lookUp(trackingNumber.toLowerCase(java.util.Locale.ROOT), email);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getBody()).contains("\"trackingNumber\":\"" + trackingNumber + "\"");
    assertThat(http.getForEntity("/favicon.ico", byte[].class).getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void nothingInternalIsShown() throws Exception {
    String email = newEmail();
    String trackingNumber = postComplaintAsCustomer(email, newPhone());
    submit(trackingNumber, Element.AGREE_EXPECTATION, Map.of(Var.DESIRED_OUTCOME, "replacement",
        Var.AGREED_ANSWER_DATE, PROMISED, Var.CONTACT_PREFERENCE, "phone",
        Var.EXPECTATION_NOTE, "Internal: a difficult customer"));
    executeDueJobs();
    agentCallsTheCustomerWithTheAcknowledgement(trackingNumber);

    ResponseEntity<String> response = lookUp(trackingNumber, email);

    assertThat(fieldNames(JSON.readTree(response.getBody()))).containsExactlyInAnyOrder("trackingNumber", "state",
        "stateText", "receivedAt", "receivedAtText", "agreedAnswerDate", "agreedAnswerDateText", "openPromises",
        "openPromises[].type", "openPromises[].text", "openPromises[].due", "openPromises[].dueText", "messages",
        "messages[].subject", "messages[].sentAt", "messages[].sentAtText", "messages[].queuedAt");
    // Every moment also as text in Rootfix's convention and zone: the page shows these, not the browser's zone.
    JsonNode status = JSON.readTree(response.getBody());
    java.time.Instant due = java.time.Instant.parse(status.at("/openPromises/0/due").asText());
    assertThat(status.at("/openPromises/0/dueText").asText()).isEqualTo(java.time.format.DateTimeFormatter
        .ofPattern("dd-MM-yyyy HH:mm").withZone(java.time.ZoneId.of("Europe/Amsterdam")).format(due));
    assertThat(status.at("/agreedAnswerDateText").asText())
        .isEqualTo(java.time.LocalDate.parse(PROMISED).format(java.time.format.DateTimeFormatter.ofPattern("dd-MM-yyyy")));
    assertThat(response.getBody()).doesNotContain(AGENT, "Internal", "difficult", "owner", "note", "\"id\"",
        email, "Eva", "The parcel arrived broken");
  }

  @Test
  void aWrongContactGetsTheSame404AsAnUnknownTrackingNumber() {
    String email = newEmail();
    String trackingNumber = postComplaintAsCustomer(email, newPhone());

    ResponseEntity<String> wrongContact = lookUp(trackingNumber, newEmail());
    ResponseEntity<String> wrongPhone = lookUp(trackingNumber, "+31 6 12340000");
    ResponseEntity<String> unknownNumber = lookUp("RF-1999-999999", email);
    ResponseEntity<String> noContact = lookUp(trackingNumber, "");

    for (ResponseEntity<String> miss : List.of(wrongContact, wrongPhone, unknownNumber, noContact)) {
      assertThat(miss.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
      assertThat(miss.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
      assertThat(miss.getBody()).isEqualTo(unknownNumber.getBody());
    }
    assertThat(unknownNumber.getBody()).doesNotContain(trackingNumber, "RF-1999-999999", email);
  }

  @Test
  void theStatusPageShowsWhatTheApiSaysAsTextOnly() {
    ResponseEntity<String> page = http.getForEntity("/status", String.class);
    ResponseEntity<String> script = http.getForEntity("/status.js", String.class);

    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getBody()).contains("<script src=\"/status.js\" defer></script>", "id=\"lookup\"",
        "<img src=\"/camunda/assets/rootfix/rootfix-logo.svg\" alt=\"Rootfix\"");
    assertThat(http.getForEntity("/camunda/assets/rootfix/rootfix-logo.svg", String.class).getStatusCode())
        .as("the logo is public").isEqualTo(HttpStatus.OK);
    assertThat(page.getBody()).doesNotContain("style=", "<style");
    assertThat(page.getHeaders().getFirst("Content-Security-Policy")).contains("default-src 'self'");
    assertThat(script.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(script.getBody()).contains("textContent", "/api/status/").doesNotContain("innerHTML", "insertAdjacentHTML",
        "document.write", "eval(");
  }

  private String postComplaintAsCustomer(String email, String phone) {
    ResponseEntity<Map> response = postComplaint(intake(email, phone));
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return (String) response.getBody().get("trackingNumber");
  }

  /** The acknowledgement goes by phone: an agent calls and marks it sent. */
  private void agentCallsTheCustomerWithTheAcknowledgement(String trackingNumber) {
    List<Map<String, Object>> toSend = as(AGENT).getForObject("/api/messages", List.class);
    Map<String, Object> acknowledgement = toSend.stream()
        .filter(m -> trackingNumber.equals(m.get("trackingNumber"))).findFirst().orElseThrow();
    assertThat(as(AGENT).postForEntity("/api/messages/" + acknowledgement.get("id") + "/sent", null, Map.class)
        .getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  /** Anonymous, as the customer's browser asks. */
  private ResponseEntity<String> lookUp(String trackingNumber, String contact) {
    HttpHeaders headers = new HttpHeaders();
    headers.setAccept(List.of(MediaType.APPLICATION_JSON));
    return http.exchange("/api/status/{trackingNumber}?contact={contact}", org.springframework.http.HttpMethod.GET,
        new org.springframework.http.HttpEntity<>(headers), String.class, trackingNumber, contact);
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    collect(node, "", names);
    return names;
  }

  private static void collect(JsonNode node, String prefix, List<String> names) {
    if (node.isArray()) {
      node.forEach(element -> collect(element, prefix + "[]", names));
    } else if (node.isObject()) {
      node.fieldNames().forEachRemaining(name -> {
        String path = prefix.isEmpty() ? name : prefix + "." + name;
        if (!names.contains(path)) {
          names.add(path);
        }
        collect(node.get(name), path, names);
      });
    }
  }
}
