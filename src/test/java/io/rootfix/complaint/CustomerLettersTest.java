package io.rootfix.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import io.rootfix.complaint.ComplaintProcess.Element;
import io.rootfix.complaint.ComplaintProcess.Var;
import io.rootfix.notify.CustomerMessage;
import io.rootfix.notify.DeliveryState;
import io.rootfix.notify.Language;
import io.rootfix.notify.MessageKind;
import io.rootfix.notify.MessageTemplates;
import io.rootfix.notify.Outbox;
import io.rootfix.support.RootfixIntegrationTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Issue 21 and issue 20 (5, 6): messages in the customer's language from the process owners' templates, an
 * immediate acknowledgement, letters with one greeting and one signature with the agent's full name.
 */
class CustomerLettersTest extends RootfixIntegrationTest {

  private static final String OWNER = "owen";

  @Autowired
  private ComplaintRepository complaints;

  @Autowired
  private Outbox outbox;

  @Autowired
  private MessageTemplates templates;

  @Test
  void aComplaintFromTheWebIsAcknowledgedAtOnceInTheCustomersLanguageAndOnlyOnce() {
    String english = received(intake().replace("\"channel\": \"web\"", "\"channel\": \"web\", \"language\": \"en\""));
    String dutch = receive();

    // No job ran, nobody agreed anything: the acknowledgement is in the outbox with the intake's commit.
    List<CustomerMessage> toEnglish = messages(english);
    assertThat(toEnglish).singleElement().satisfies(message -> {
      assertThat(message.getKind()).isEqualTo(MessageKind.ACKNOWLEDGEMENT);
      assertThat(message.getState()).isEqualTo(DeliveryState.PENDING);
      assertThat(message.getSubject()).isEqualTo("We received your complaint " + english);
      assertThat(message.getBody()).startsWith("Dear Eva de Wit,").contains(english, "What happens next")
          .endsWith("Kind regards,\n\nCustomer Service\n");
    });
    assertThat(messages(dutch)).singleElement().satisfies(message -> {
      assertThat(message.getSubject()).isEqualTo("We hebben uw klacht ontvangen: " + dutch);
      assertThat(message.getBody()).startsWith("Beste Eva de Wit,").contains("Wat er nu gebeurt");
    });
    assertThat(complaint(english).getLanguage()).isEqualTo(Language.EN);
    assertThat(complaint(dutch).getLanguage()).as("the default").isEqualTo(Language.NL);

    agreeExpectation(english, PROMISED);

    assertThat(messages(english)).extracting(CustomerMessage::getKind)
        .as("acknowledged once; the agreed date follows in writing")
        .containsExactly(MessageKind.ACKNOWLEDGEMENT, MessageKind.ANSWER_DATE_AGREED);
    assertThat(messages(english).get(1).getBody()).contains("Sam Jansen").doesNotContain("\nsam\n", "sam,");

    // The answer promise is quoted to the customer (letters, status page): in their language, not in Java's.
    agreeExpectation(dutch, PROMISED);
    String answerPromise = "select text from promise where tracking_number = ? and type = 'ANSWER'";
    assertThat(jdbc.queryForObject(answerPromise, String.class, english)).startsWith("An answer to your complaint by ");
    assertThat(jdbc.queryForObject(answerPromise, String.class, dutch)).startsWith("Ons antwoord op uw klacht uiterlijk ")
        .doesNotContainPattern("Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday");
  }

  @Test
  void aLanguageWeDoNotSpeakIsRefusedNamingTheFieldAndNothingIsStored() {
    long complaintsBefore = count("complaint");
    long messagesBefore = count("customer_message");

    ResponseEntity<Map> refused = postComplaint(intake().replace("\"channel\": \"web\"", "\"channel\": \"web\", \"language\": \"de\""));

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().toString()).contains("language", "nl|en");
    assertThat(count("complaint")).isEqualTo(complaintsBefore);
    assertThat(count("customer_message")).isEqualTo(messagesBefore);
  }

  @Test
  void thePhoneIntakeFormTakesTheCustomersLanguage() {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put(Var.CUSTOMER_NAME, "John Carver");
    variables.put(Var.CUSTOMER_PHONE, newPhone());
    variables.put(Var.CATEGORY, "billing");
    variables.put(Var.DESCRIPTION, "Charged twice");
    variables.put(Var.DESIRED_OUTCOME, "refund");
    variables.put(Var.LANGUAGE, "en");
    ResponseEntity<Map> started = as(AGENT).postForEntity(
        "/engine-rest/process-definition/key/complaint/submit-form", json(formBody(variables)), Map.class);
    assertThat(started.getStatusCode()).as(String.valueOf(started.getBody())).isEqualTo(HttpStatus.OK);
    String trackingNumber = (String) started.getBody().get("businessKey");
    assertThat(complaint(trackingNumber).getLanguage()).isEqualTo(Language.EN);
    assertThat(messages(trackingNumber)).as("a call is acknowledged once the expectation is agreed").isEmpty();

    variables.put(Var.LANGUAGE, "fr");
    long before = count("complaint");
    ResponseEntity<Map> refused = as(AGENT).postForEntity(
        "/engine-rest/process-definition/key/complaint/submit-form", json(formBody(variables)), Map.class);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(String.valueOf(refused.getBody())).contains("language");
    assertThat(count("complaint")).isEqualTo(before);
  }

  @Test
  void theReportHasOneGreetingAndOneSignatureWithTheAgentsFullNameAndTheFormPreviewsIt() {
    String trackingNumber = receiveAndPatch();
    submit(trackingNumber, Element.FIND_ROOT_CAUSE,
        Map.of(Var.ROOT_CAUSE_DESCRIPTION, "Weak packaging", Var.ONE_OFF, false));
    fixRootCause(rootCauseOf(trackingNumber), "Stronger boxes");

    String taskId = claim(trackingNumber, Element.REPORT_BACK);
    Map<String, Map<String, Object>> form = as(AGENT).getForObject("/engine-rest/task/" + taskId + "/form-variables",
        Map.class);
    String opening = (String) form.get(Var.PREVIEW_OPENING).get("value");
    String closing = (String) form.get(Var.PREVIEW_CLOSING).get("value");
    assertThat(opening).startsWith("Ons antwoord op uw klacht " + trackingNumber).contains("Beste Eva de Wit,");
    assertThat(closing).contains("Stronger boxes", "Met vriendelijke groet,", "Sam Jansen");

    reportBack(trackingNumber, "Uw vaas brak door onze verpakking; die is nu verbeterd.");

    CustomerMessage report = messages(trackingNumber).stream().filter(m -> m.getKind() == MessageKind.REPORT)
        .findFirst().orElseThrow();
    String body = report.getBody();
    assertThat(body.split("Beste ", -1)).as("one greeting").hasSize(2);
    assertThat(body.split("Met vriendelijke groet", -1)).as("one signature").hasSize(2);
    assertThat(body).contains("Sam Jansen").doesNotContain("\nsam", "sam,");
    // Exactly what the form showed, with the real link where the preview had a sample.
    String sent = report.getSubject() + "\n\n" + body;
    assertThat(sent).startsWith(opening + "Uw vaas brak door onze verpakking; die is nu verbeterd.");
    assertThat(sent.replaceAll("/reply/\\S+", "/reply/…")).endsWith(closing);
  }

  @Test
  void aTemplateWithAnUnknownPlaceholderIsRefusedAtDeploymentAndNothingIsStored() {
    long deployments = count("ACT_RE_DEPLOYMENT");

    ResponseEntity<Map> refused = deployFromModeler(OWNER, "templates", "report.en.txt",
        "Subject: Our answer {trackingNumber}\n\nDear {customerName},\n\n{answr}\n");

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) refused.getBody().get("message")).contains("report.en.txt", "line 5", "{answr}");
    assertThat(count("ACT_RE_DEPLOYMENT")).isEqualTo(deployments);

    ResponseEntity<Map> noSuchKind = deployFromModeler(OWNER, "templates", "thank-you.en.txt", "Subject: x\n\nThanks\n");
    assertThat(noSuchKind.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) noSuchKind.getBody().get("message")).contains("thank-you.en.txt", "no message kind");
    assertThat(count("ACT_RE_DEPLOYMENT")).isEqualTo(deployments);
  }

  @Test
  void aProcessOwnerChangesTheWordingByDeployingATemplateWithoutACodeChange() throws Exception {
    String original = java.nio.file.Files.readString(java.nio.file.Path.of("templates/status-update.en.txt"));
    Map<String, String> values = Map.of("customerName", "Eva", "trackingNumber", "RF-1", "update", "Moving on.");
    try {
      assertThat(deployFromModeler(AGENT, "templates", "status-update.en.txt", "Subject: x\n\nHi\n").getStatusCode())
          .as("agents do not deploy").isEqualTo(HttpStatus.FORBIDDEN);

      ResponseEntity<Map> deployed = deployFromModeler(OWNER, "templates", "status-update.en.txt",
          "Subject: News about {trackingNumber}\n\nHello {customerName},\n\n{update}\n\nBest wishes,\n{agentName}\n");

      assertThat(deployed.getStatusCode()).as(String.valueOf(deployed.getBody())).isEqualTo(HttpStatus.OK);
      assertThat(templates.render(MessageKind.STATUS_UPDATE, Language.EN, values).body())
          .isEqualTo("Hello Eva,\n\nMoving on.\n\nBest wishes,\n");
      assertThat(templates.render(MessageKind.STATUS_UPDATE, Language.NL, values).subject()).as("Dutch unchanged")
          .isEqualTo("Uw klacht RF-1: hoe het ervoor staat");
    } finally {
      deployFromModeler(OWNER, "templates", "status-update.en.txt", original);
    }
    assertThat(templates.render(MessageKind.STATUS_UPDATE, Language.EN, values).subject())
        .isEqualTo("Your complaint RF-1: where it stands");
  }

  private String received(String body) {
    ResponseEntity<Map> response = postComplaint(body);
    assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.CREATED);
    return (String) response.getBody().get("trackingNumber");
  }

  private Complaint complaint(String trackingNumber) {
    return complaints.findByTrackingNumber(trackingNumber).orElseThrow();
  }

  private List<CustomerMessage> messages(String trackingNumber) {
    return outbox.messagesOf(complaint(trackingNumber).getId());
  }
}
