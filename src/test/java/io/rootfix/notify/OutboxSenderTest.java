package io.rootfix.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.rootfix.complaint.ComplaintProcess.Element;
import io.rootfix.complaint.ComplaintProcess.Var;
import io.rootfix.support.RootfixIntegrationTest;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The outbox sender against a real SMTP server (GreenMail) on a port of its own, called directly as the
 * schedule would call it; time is the engine clock.
 */
class OutboxSenderTest extends RootfixIntegrationTest {

  @Autowired
  private CustomerMessageRepository messages;

  @Autowired
  private PlatformTransactionManager transactionManager;

  @Autowired
  private Clock clock;

  @Autowired
  private ApplicationEventPublisher events;

  private GreenMail smtp;
  private JavaMailSenderImpl mailServer;

  @BeforeEach
  void mailServerThatIsDownForNow() throws IOException {
    int port = freePort();
    smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    mailServer = new JavaMailSenderImpl();
    mailServer.setHost("127.0.0.1");
    mailServer.setPort(port);
    // The suite shares one outbox: what other tests queued goes out now, so each test sees only its own.
    smtp.start();
    sender(8).sendDue();
    smtp.stop();
    smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
  }

  @AfterEach
  void tearDown() {
    smtp.stop();
    ClockUtil.reset();
  }

  @Test
  void aFailingMailServerIsTriedAgainAfterABackOffAndTheEmailGoesOutExactlyOnce() throws Exception {
    OutboxSender sender = sender(8);
    CustomerMessage acknowledgement = acknowledgementOf(receiveAndAgree("email"));

    sender.sendDue();
    CustomerMessage failed = reload(acknowledgement);
    assertThat(failed.getState()).isEqualTo(DeliveryState.PENDING);
    assertThat(failed.getAttempts()).isEqualTo(1);
    assertThat(failed.getFailure()).startsWith("Attempt 1 failed");
    assertThat(failed.getNextAttemptAt()).isAfter(clock.instant()).isBeforeOrEqualTo(clock.instant().plusSeconds(60));

    sender.sendDue();
    assertThat(reload(acknowledgement).getAttempts()).as("not due again yet").isEqualTo(1);

    smtp.start();
    moveClock(Duration.ofSeconds(61));
    sender.sendDue();
    sender.sendDue();

    CustomerMessage sent = reload(acknowledgement);
    assertThat(sent.getState()).isEqualTo(DeliveryState.SENT);
    assertThat(sent.getSentAt()).isNotNull();
    assertThat(sent.getFailure()).isNull();
    assertThat(sent.getAttempts()).isEqualTo(2);
    assertThat(subjectsTo(acknowledgement.getRecipient()))
        .containsExactly("We received your complaint " + acknowledgement.getTrackingNumber());
  }

  @Test
  void anEmailTheServerNeverTakesGoesToAnAgentAfterTheLastAttempt() {
    OutboxSender sender = sender(2);
    CustomerMessage acknowledgement = acknowledgementOf(receiveAndAgree("email"));

    sender.sendDue();
    moveClock(Duration.ofSeconds(61));
    sender.sendDue();
    moveClock(Duration.ofHours(2));
    sender.sendDue();

    CustomerMessage givenUp = reload(acknowledgement);
    assertThat(givenUp.getState()).isEqualTo(DeliveryState.FOR_AGENT);
    assertThat(givenUp.getAttempts()).isEqualTo(2);
    assertThat(givenUp.getFailure()).startsWith("Gave up after 2 attempts");
    assertAgentSendsItByHand(givenUp);
  }

  @Test
  void aClaimedEmailIsNotSentByAnotherSenderNorAgainAfterItsSenderStopped() throws Exception {
    CustomerMessage acknowledgement = acknowledgementOf(receiveAndAgree("email"));
    OutboxSender stopsMidway = sender(8);
    OutboxSender another = sender(8);
    smtp.start();

    assertThat(stopsMidway.claim(acknowledgement.getId())).isNotNull();
    assertThat(another.claim(acknowledgement.getId())).as("claimed already").isNull();
    another.sendDue();
    assertThat(reload(acknowledgement).getState()).isEqualTo(DeliveryState.SENDING);

    moveClock(Duration.ofMinutes(11));
    another.sendDue();

    CustomerMessage uncertain = reload(acknowledgement);
    assertThat(uncertain.getState()).isEqualTo(DeliveryState.FOR_AGENT);
    assertThat(uncertain.getFailure()).contains("may or may not have reached the customer");
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(
            acknowledgement.getTrackingNumber() + "/message-" + acknowledgement.getId())
        .taskDefinitionKey(SendByHandProcess.Element.SEND_BY_HAND).count()).as("in Tasklist").isOne();
    assertThat(subjectsTo(acknowledgement.getRecipient())).isEmpty();
  }

  @Test
  void everyMessageOfAComplaintsLifeReachesTheCustomerOnce() throws Exception {
    String trackingNumber = receiveAndPatch();
    findCauseAndReport(trackingNumber);
    customerReplies(trackingNumber, true, "Thanks");
    executeDueJobs();
    String recipient = messages.findAll().stream().filter(m -> m.getTrackingNumber().equals(trackingNumber))
        .findFirst().orElseThrow().getRecipient();
    smtp.start();

    sender(8).sendDue();
    sender(8).sendDue();

    assertThat(subjectsTo(recipient)).containsExactly(
        "We hebben uw klacht ontvangen: " + trackingNumber,
        "Uw klacht " + trackingNumber + ": ons antwoord komt uiterlijk "
            + DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.forLanguageTag("nl-NL")).format(LocalDate.parse(PROMISED)),
        "Ons antwoord op uw klacht " + trackingNumber,
        "Uw klacht " + trackingNumber + " is gesloten");
    assertThat(messages.findAll()).filteredOn(m -> m.getTrackingNumber().equals(trackingNumber))
        .extracting(CustomerMessage::getState).containsOnly(DeliveryState.SENT);
  }

  @Test
  void aCallOrALetterIsForAnAgentToSend() throws Exception {
    CustomerMessage acknowledgement = acknowledgementOf(receiveAndAgree("phone"));
    smtp.start();

    sender(8).sendDue();

    assertThat(acknowledgement.getState()).isEqualTo(DeliveryState.FOR_AGENT);
    assertThat(acknowledgement.getRecipient()).startsWith("+316");
    assertThat(reload(acknowledgement).getAttempts()).isZero();
    assertThat(smtp.getReceivedMessages()).isEmpty();

    // The agents find it in Tasklist, with what to say and to whom.
    String businessKey = acknowledgement.getTrackingNumber() + "/message-" + acknowledgement.getId();
    String taskId = claim(AGENT, businessKey, SendByHandProcess.Element.SEND_BY_HAND);
    Map<String, Map<String, Object>> form = as(AGENT).getForObject("/engine-rest/task/" + taskId + "/form-variables",
        Map.class);
    assertThat(form.get(SendByHandProcess.Var.RECIPIENT)).containsEntry("value", acknowledgement.getRecipient());
    assertThat(form.get(SendByHandProcess.Var.CHANNEL)).containsEntry("value", "phone");
    assertThat((String) form.get(SendByHandProcess.Var.BODY).get("value")).contains(acknowledgement.getTrackingNumber());
    assertThat(submitForm(AGENT, taskId, Map.of()).getBody().toString()).as("not confirmed")
        .contains(SendByHandProcess.Var.SENT);
    assertThat(reload(acknowledgement).getState()).isEqualTo(DeliveryState.FOR_AGENT);

    submit(AGENT, businessKey, SendByHandProcess.Element.SEND_BY_HAND, Map.of(SendByHandProcess.Var.SENT, true));

    CustomerMessage sent = reload(acknowledgement);
    assertThat(sent.getState()).isEqualTo(DeliveryState.SENT);
    assertThat(sent.getSentBy()).isEqualTo(AGENT);
  }

  private void assertAgentSendsItByHand(CustomerMessage message) {
    List<Map<String, Object>> toSend = as(AGENT).getForObject("/api/messages?state=FOR_AGENT", List.class);
    assertThat(toSend).anySatisfy(m -> assertThat(m).containsEntry("id", message.getId().intValue())
        .containsEntry("trackingNumber", message.getTrackingNumber()).containsEntry("state", "FOR_AGENT"));

    assertThat(as(AGENT).postForEntity("/api/messages/" + message.getId() + "/sent", null, Map.class).getBody())
        .containsEntry("state", "SENT").containsEntry("sentBy", AGENT);
    assertThat(as(AGENT).postForEntity("/api/messages/" + message.getId() + "/sent", null, Map.class)
        .getStatusCode()).as("sent once").isEqualTo(HttpStatus.CONFLICT);
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(SendByHandProcess.KEY)
        .processInstanceBusinessKey(message.getTrackingNumber() + "/message-" + message.getId()).count())
        .as("its Tasklist task ended with it").isZero();
    assertThat(jdbc.queryForObject("select count(*) from act_hi_procinst where business_key_ = ? and end_act_id_ = ?",
        Long.class, message.getTrackingNumber() + "/message-" + message.getId(),
        SendByHandProcess.Element.END_SENT_ANOTHER_WAY)).isOne();
    assertThat(as(AUDITOR).getForEntity("/api/messages", Map.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  /** A call in English: acknowledged once the expectation is agreed, on the channel agreed. */
  private String receiveAndAgree(String contactPreference) {
    ResponseEntity<Map> received = postComplaint(intake().replace("\"channel\": \"web\"", "\"channel\": \"phone\", \"language\": \"en\""));
    assertThat(received.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String trackingNumber = (String) received.getBody().get("trackingNumber");
    submit(trackingNumber, Element.AGREE_EXPECTATION, Map.of(Var.DESIRED_OUTCOME, "replacement",
        Var.AGREED_ANSWER_DATE, PROMISED, Var.CONTACT_PREFERENCE, contactPreference));
    executeDueJobs();
    return trackingNumber;
  }

  private CustomerMessage acknowledgementOf(String trackingNumber) {
    return messages.findAll().stream()
        .filter(m -> m.getTrackingNumber().equals(trackingNumber) && m.getKind() == MessageKind.ACKNOWLEDGEMENT)
        .findFirst().orElseThrow();
  }

  private CustomerMessage reload(CustomerMessage message) {
    return messages.findById(message.getId()).orElseThrow();
  }

  private List<String> subjectsTo(String recipient) throws MessagingException {
    return Arrays.stream(smtp.getReceivedMessages())
        .filter(m -> isTo(m, recipient))
        .map(OutboxSenderTest::subject)
        .toList();
  }

  private static boolean isTo(MimeMessage message, String recipient) {
    try {
      return Arrays.stream(message.getRecipients(RecipientType.TO)).anyMatch(a -> a.toString().equals(recipient));
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private OutboxSender sender(int maxAttempts) {
    NotifySettings settings = new NotifySettings(true, "Customer Service <service@rootfix.example>",
        Duration.ofSeconds(30), 500, maxAttempts, Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofMinutes(10), "");
    return new OutboxSender(messages, mailServer, transactionManager, clock, settings, events, java.util.Optional.empty());
  }

  private void moveClock(Duration by) {
    ClockUtil.setCurrentTime(Date.from(clock.instant().plus(by)));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
