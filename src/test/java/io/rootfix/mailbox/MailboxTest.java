package io.rootfix.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.rootfix.complaint.ComplaintProcess.Element;
import io.rootfix.complaint.ComplaintProcess.Var;
import io.rootfix.notify.CustomerMessageRepository;
import io.rootfix.notify.NotifySettings;
import io.rootfix.notify.OutboxSender;
import io.rootfix.support.RootfixIntegrationTest;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
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
 * The support mailbox, each e-mail handed to {@link Mailbox#receive} as the IMAP adapter hands it over
 * ({@link MailboxAdapterTest} goes through the adapter itself); what we send back goes to a real SMTP server
 * (GreenMail) through the outbox sender.
 */
class MailboxTest extends RootfixIntegrationTest {

  private static final AtomicInteger IDS = new AtomicInteger();

  @Autowired
  private Mailbox mailbox;

  @Autowired
  private InboundMailThread thread;

  @Autowired
  private CustomerMessageRepository messages;

  @Autowired
  private NotifySettings notifySettings;

  @Autowired
  private PlatformTransactionManager transactionManager;

  @Autowired
  private ApplicationEventPublisher events;

  @Autowired
  private Clock clock;

  private GreenMail smtp;
  private OutboxSender sender;

  @BeforeEach
  void mailServer() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    JavaMailSenderImpl server = new JavaMailSenderImpl();
    server.setHost("127.0.0.1");
    server.setPort(port);
    sender = new OutboxSender(messages, server, transactionManager, clock, notifySettings, events, Optional.of(thread));
  }

  @AfterEach
  void stop() {
    smtp.stop();
    ClockUtil.reset();
  }

  @Test
  void aNewEmailBecomesAComplaintAcknowledgedAtOnceInItsThread() throws Exception {
    String customer = newEmail();
    String theirId = messageId();

    Mailbox.Received received = mailbox.receive(mail(theirId, "Eva de Wit <" + customer + ">", "Kapot pakket", "",
        "Mijn pakket is voor de tweede keer kapot aangekomen. Ik wil graag een nieuwe."));

    assertThat(received.outcome()).isEqualTo(InboundMailOutcome.COMPLAINT);
    String trackingNumber = received.trackingNumber();
    Map<String, Object> complaint = jdbc.queryForMap(
        "select channel, contact_email, contact_name, language, description from complaint where tracking_number = ?",
        trackingNumber);
    assertThat(complaint).containsEntry("CHANNEL", "EMAIL").containsEntry("CONTACT_EMAIL", customer)
        .containsEntry("CONTACT_NAME", "Eva de Wit").containsEntry("LANGUAGE", "nl");
    assertThat((String) complaint.get("DESCRIPTION")).startsWith("Kapot pakket\n\nMijn pakket is");

    sendEverythingDue();

    MimeMessage acknowledgement = onlyMailTo(customer);
    assertThat(acknowledgement.getSubject()).contains(trackingNumber);
    assertThat(acknowledgement.getHeader("In-Reply-To", null)).isEqualTo(theirId);
    assertThat(acknowledgement.getHeader("References", null)).contains(theirId);
    String ours = acknowledgement.getMessageID();
    assertThat(ours).matches("<[0-9a-f-]{36}@rootfix\\.example>");
    assertThat(jdbc.queryForObject("select message_id from customer_message where tracking_number = ? and kind = ?",
        String.class, trackingNumber, "ACKNOWLEDGEMENT")).isEqualTo(ours);
  }

  @Test
  void theSameEmailDeliveredTwiceIsOneComplaint() {
    String customer = newEmail();
    String id = messageId();
    String text = mailText(id, customer, "Late delivery", "", "My order did not arrive; it is a week late.");

    Mailbox.Received first = mailbox.receive(parse(text));
    Mailbox.Received second = mailbox.receive(parse(text));

    assertThat(first.again()).isFalse();
    assertThat(second.again()).isTrue();
    assertThat(second.trackingNumber()).isEqualTo(first.trackingNumber());
    assertThat(jdbc.queryForObject("select count(*) from complaint where contact_email = ?", Long.class, customer))
        .isOne();
    assertThat(jdbc.queryForObject("select count(*) from inbound_mail where message_id = ?", Long.class, id)).isOne();
    assertThat(jdbc.queryForObject("select language from complaint where tracking_number = ?", String.class,
        first.trackingNumber())).as("guessed from the text").isEqualTo("en");
  }

  @Test
  void aTrackingNumberThatDoesNotExistIsNoReplyAndTheMailIsANewComplaint() {
    String customer = newEmail();

    Mailbox.Received received = mailbox.receive(mail(messageId(), customer, "About RF-2026-999999", "",
        "I never got an answer about this."));

    assertThat(received.outcome()).isEqualTo(InboundMailOutcome.COMPLAINT);
    assertThat(jdbc.queryForObject("select description from complaint where contact_email = ?", String.class,
        customer)).startsWith("About RF-2026-999999");
  }

  @Test
  void autoRepliesMailingListsAndOurOwnMailNeverBecomeComplaints() {
    long complaints = count("complaint");
    String outOfOffice = messageId();
    String list = messageId();
    String ours = messageId();
    String precedence = messageId();
    String loop = "<" + IDS.incrementAndGet() + "-loop@rootfix.example>";

    mailbox.receive(mail(outOfOffice, newEmail(), "Afwezig: uw klacht", "Auto-Submitted: auto-replied\n",
        "Ik ben tot maandag afwezig."));
    mailbox.receive(mail(list, newEmail(), "[shop-news] Deals", "List-Id: <news.shop.example>\n", "Deals!"));
    mailbox.receive(mail(ours, "Customer Service <service@rootfix.example>", "We received your complaint", "",
        "Dear customer"));
    mailbox.receive(mail(precedence, newEmail(), "Newsletter", "Precedence: bulk\n", "News"));
    mailbox.receive(mail(loop, newEmail(), "Fwd: anything", "", "Our own mail come back"));

    assertThat(count("complaint")).isEqualTo(complaints);
    assertThat(outcomeAndReason(outOfOffice)).containsEntry("OUTCOME", "IGNORED")
        .containsEntry("REASON", "Auto-Submitted: auto-replied");
    assertThat(outcomeAndReason(list)).containsEntry("OUTCOME", "IGNORED")
        .containsEntry("REASON", "from a mailing list (List-Id)");
    assertThat(outcomeAndReason(ours)).containsEntry("OUTCOME", "IGNORED")
        .containsEntry("REASON", "sent from our own address service@rootfix.example");
    assertThat(outcomeAndReason(precedence)).containsEntry("REASON", "Precedence: bulk");
    assertThat((String) outcomeAndReason(loop).get("REASON")).startsWith("carries our own Message-ID");
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(ReadMailProcess.KEY)
        .processInstanceBusinessKeyLike("mail/%").list()).as("no agent reads an auto-reply")
        .noneMatch(p -> List.of(outOfOffice, list, ours).contains(p.getBusinessKey()));
  }

  @Test
  void aBounceOfOurAcknowledgementIsRecordedAndTheMessageGoesToAnAgent() throws Exception {
    String customer = newEmail();
    String trackingNumber = mailbox.receive(mail(messageId(), customer, "Wrong bill", "",
        "I was charged twice for order 4711.")).trackingNumber();
    sendEverythingDue();
    String ourId = onlyMailTo(customer).getMessageID();
    long complaints = count("complaint");
    // Made by our own mail server: our domain in its Message-ID, yet a bounce, not a loop.
    String bounceId = "<bounce-" + IDS.incrementAndGet() + "@rootfix.example>";

    Mailbox.Received bounce = mailbox.receive(parse("""
        Message-ID: %s
        From: Mail Delivery System <MAILER-DAEMON@mx.example>
        To: service@rootfix.example
        Subject: Undelivered Mail Returned to Sender
        Return-Path: <>
        MIME-Version: 1.0
        Content-Type: multipart/report; report-type=delivery-status; boundary="b1"

        --b1
        Content-Type: text/plain

        Your message could not be delivered to %s.
        --b1
        Content-Type: message/delivery-status

        Reporting-MTA: dns; mx.example

        Final-Recipient: rfc822; %s
        Action: failed
        Status: 5.1.1
        --b1
        Content-Type: text/rfc822-headers

        Message-ID: %s
        Subject: We received your complaint %s
        --b1--
        """.formatted(bounceId, customer, customer, ourId, trackingNumber)));

    assertThat(bounce.outcome()).isEqualTo(InboundMailOutcome.IGNORED);
    assertThat(count("complaint")).isEqualTo(complaints);
    assertThat((String) outcomeAndReason(bounceId).get("REASON")).contains("bounce")
        .contains("our e-mail about complaint " + trackingNumber + " went to an agent");
    Map<String, Object> acknowledgement = jdbc.queryForMap(
        "select state, failure from customer_message where message_id = ?", ourId);
    assertThat(acknowledgement.get("STATE")).isEqualTo("FOR_AGENT");
    assertThat((String) acknowledgement.get("FAILURE")).startsWith("The e-mail came back undelivered");
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("send-by-hand")
        .processInstanceBusinessKeyLike(trackingNumber + "/%").count()).as("an agent sends it another way").isOne();
  }

  @Test
  void theCustomersReplyWithTheTrackingNumberAnswersOurQuestion() {
    String customer = newEmail();
    String trackingNumber = waitingForInformation(customer);

    Mailbox.Received reply = mailbox.receive(mail(messageId(), customer, "RE: Question about " + trackingNumber, "",
        "Het ordernummer is 4711.\n\nOp 3 dec. 2026 schreef Klantenservice <service@rootfix.example>:\n"
            + "> Which order number was on the broken parcel?"));

    assertThat(reply.outcome()).isEqualTo(InboundMailOutcome.INFORMATION);
    executeDueJobs();
    assertThat(openTaskKeys(trackingNumber)).doesNotContain(Element.AWAIT_CUSTOMER_INFORMATION);
    assertThat(state(trackingNumber)).isNotEqualTo("WAITING_FOR_CUSTOMER");
    assertThat(jdbc.queryForObject("select customer_information from complaint where tracking_number = ?",
        String.class, trackingNumber)).isEqualTo("Het ordernummer is 4711.");
  }

  @Test
  void aReplyFromSomeoneElseChangesNothingAndAnAgentReadsIt() {
    String customer = newEmail();
    String trackingNumber = waitingForInformation(customer);
    String stranger = newEmail();

    Mailbox.Received reply = mailbox.receive(mail(messageId(), stranger, "Re: " + trackingNumber, "",
        "Het is opgelost, sluit de klacht maar."));

    assertThat(reply.outcome()).isEqualTo(InboundMailOutcome.FOR_AGENT);
    assertThat(state(trackingNumber)).isEqualTo("WAITING_FOR_CUSTOMER");
    assertThat(openTaskKeys(trackingNumber)).contains(Element.AWAIT_CUSTOMER_INFORMATION);
    assertThat(jdbc.queryForObject("select customer_information from complaint where tracking_number = ?",
        String.class, trackingNumber)).isNull();
    Map<String, Object> kept = jdbc.queryForMap(
        "select id, reason, raw_content from inbound_mail where sender = ?", stranger);
    assertThat((String) kept.get("REASON")).contains("not that complaint's customer");
    assertThat(new String((byte[]) kept.get("RAW_CONTENT"), StandardCharsets.UTF_8)).contains("sluit de klacht");

    String businessKey = trackingNumber + "/mail-" + kept.get("ID");
    String taskId = claim(AGENT, businessKey, ReadMailProcess.Element.READ_MAIL);
    assertThat(taskService.getVariable(taskId, ReadMailProcess.Var.SENDER)).isEqualTo(stranger);
    assertThat(submitForm(taskId, Map.of()).getStatusCode()).as("must confirm").isEqualTo(HttpStatus.BAD_REQUEST);
    submit(AGENT, businessKey, ReadMailProcess.Element.READ_MAIL, Map.of(ReadMailProcess.Var.HANDLED, true));
    assertThat(jdbc.queryForObject("select handled_by from inbound_mail where sender = ?", String.class, stranger))
        .isEqualTo(AGENT);
  }

  @Test
  void aMailThatCannotBeReadGoesToAnAgentAndIsKept() {
    long complaints = count("complaint");
    String customer = newEmail();
    String id = messageId();

    Mailbox.Received garbled = mailbox.receive(parse("""
        Message-ID: %s
        From: %s
        Subject: Help
        MIME-Version: 1.0
        Content-Type: multipart/mixed; boundary="nowhere"

        This body never starts the boundary it announces: klacht over bestelling 4711.
        """.formatted(id, customer)));

    assertThat(garbled.outcome()).isEqualTo(InboundMailOutcome.FOR_AGENT);
    assertThat(count("complaint")).isEqualTo(complaints);
    Map<String, Object> kept = jdbc.queryForMap("select id, reason, raw_content from inbound_mail where message_id = ?",
        id);
    assertThat((String) kept.get("REASON")).startsWith("Rootfix could not read it");
    assertThat(new String((byte[]) kept.get("RAW_CONTENT"), StandardCharsets.UTF_8)).contains("bestelling 4711");
    String taskId = taskId("mail/" + kept.get("ID"), ReadMailProcess.Element.READ_MAIL);
    assertThat((String) taskService.getVariable(taskId, ReadMailProcess.Var.TEXT)).contains("bestelling 4711");
  }

  @Test
  void aPhotoIsKeptAndAProgramOrSvgIsRefusedByNameWithoutLosingTheComplaint() {
    String customer = newEmail();
    byte[] jpeg = concat(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}, "photo".getBytes());
    byte[] exe = concat("MZ".getBytes(), new byte[64]);
    byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".getBytes();

    Mailbox.Received received = mailbox.receive(parse("""
        Message-ID: %s
        From: %s
        Subject: Broken lamp
        MIME-Version: 1.0
        Content-Type: multipart/mixed; boundary="parts"

        --parts
        Content-Type: text/plain; charset=UTF-8

        The lamp arrived broken, see the photo.
        --parts
        Content-Type: image/jpeg; name="lamp.jpg"
        Content-Disposition: attachment; filename="lamp.jpg"
        Content-Transfer-Encoding: base64

        %s
        --parts
        Content-Type: application/octet-stream; name="invoice.exe"
        Content-Disposition: attachment; filename="invoice.exe"
        Content-Transfer-Encoding: base64

        %s
        --parts
        Content-Type: image/svg+xml; name="drawing.svg"
        Content-Disposition: attachment; filename="drawing.svg"
        Content-Transfer-Encoding: base64

        %s
        --parts--
        """.formatted(messageId(), customer, base64(jpeg), base64(exe), base64(svg))));

    assertThat(received.outcome()).isEqualTo(InboundMailOutcome.COMPLAINT);
    List<Map<String, Object>> files = jdbc.queryForList(
        "select file_name, media_type, refusal, source, content from attachment where tracking_number = ? order by id",
        received.trackingNumber());
    assertThat(files).extracting(f -> f.get("FILE_NAME")).containsExactly("lamp.jpg", "invoice.exe", "drawing.svg");
    assertThat(files.get(0)).containsEntry("MEDIA_TYPE", "image/jpeg").containsEntry("REFUSAL", null)
        .containsEntry("SOURCE", "email");
    assertThat((byte[]) files.get(0).get("CONTENT")).isEqualTo(jpeg);
    assertThat(files.subList(1, 3)).allSatisfy(refused -> {
      assertThat((String) refused.get("REFUSAL")).isNotBlank();
      assertThat(refused.get("CONTENT")).isNull();
    });
  }

  @Test
  void aClearNotResolvedReopensAndAnUnclearReplyGoesToAnAgent() {
    String customer = newEmail();
    String unclear = reported(customer);

    Mailbox.Received maybe = mailbox.receive(mail(messageId(), customer, "Re: " + unclear, "",
        "Bedankt voor uw bericht. Ik kijk er morgen naar."));

    assertThat(maybe.outcome()).isEqualTo(InboundMailOutcome.FOR_AGENT);
    assertThat(state(unclear)).as("nothing decided for the customer").isEqualTo("REPORTED");

    Mailbox.Received notResolved = mailbox.receive(mail(messageId(), customer, "Re: " + unclear, "",
        "Het is niet opgelost: de doos was weer kapot."));

    assertThat(notResolved.outcome()).isEqualTo(InboundMailOutcome.CONFIRMATION);
    executeDueJobs();
    assertThat(state(unclear)).isEqualTo("REOPENED");
  }

  // --- helpers ------------------------------------------------------------------------------------------

  private String waitingForInformation(String customer) {
    String trackingNumber = filedAndPatched(customer);
    submit(trackingNumber, Element.FIND_ROOT_CAUSE, Map.of(Var.NEED_CUSTOMER_INFORMATION, true,
        Var.INFORMATION_REQUEST, "Which order number was on the broken parcel?"));
    executeDueJobs();
    assertThat(state(trackingNumber)).isEqualTo("WAITING_FOR_CUSTOMER");
    return trackingNumber;
  }

  private String reported(String customer) {
    String trackingNumber = filedAndPatched(customer);
    findCauseAndReport(trackingNumber);
    assertThat(state(trackingNumber)).isEqualTo("REPORTED");
    return trackingNumber;
  }

  private String filedAndPatched(String customer) {
    ResponseEntity<Map> filed = postComplaint(intake(customer, newPhone()));
    assertThat(filed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String trackingNumber = (String) filed.getBody().get("trackingNumber");
    agreeExpectation(trackingNumber, PROMISED);
    submit(trackingNumber, Element.PATCH_SYMPTOM, Map.of(Var.PATCH_DESCRIPTION, "Sent a replacement"));
    return trackingNumber;
  }

  private Map<String, Object> outcomeAndReason(String messageId) {
    return jdbc.queryForMap("select outcome, reason from inbound_mail where message_id = ?", messageId);
  }

  /** Every e-mail due, whatever other tests left in the shared outbox: one round takes a batch, oldest first. */
  private void sendEverythingDue() {
    for (int round = 0; round < 100; round++) {
      OutboxSender.Round sent = sender.sendDue();
      if (sent.sent() + sent.failed() == 0) {
        return;
      }
    }
  }

  private MimeMessage onlyMailTo(String address) throws Exception {
    MimeMessage[] received = smtp.getReceivedMessagesForDomain(address);
    assertThat(received).hasSize(1);
    return received[0];
  }

  private static String messageId() {
    return "<" + IDS.incrementAndGet() + "." + System.nanoTime() + "@customer.example>";
  }

  private static MimeMessage mail(String messageId, String from, String subject, String headers, String body) {
    return parse(mailText(messageId, from, subject, headers, body));
  }

  static String mailText(String messageId, String from, String subject, String headers, String body) {
    return """
        Message-ID: %s
        From: %s
        To: support@rootfix.example
        Subject: %s
        Date: Thu, 3 Dec 2026 10:00:00 +0100
        MIME-Version: 1.0
        %sContent-Type: text/plain; charset=UTF-8

        %s
        """.formatted(messageId, from, subject, headers, body);
  }

  /** As an IMAP server hands a mail over: parsed from its text, lines ending in CRLF. */
  static MimeMessage parse(String text) {
    try {
      return new MimeMessage(Session.getInstance(new Properties()),
          new ByteArrayInputStream(text.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String base64(byte[] bytes) {
    return Base64.getMimeEncoder().encodeToString(bytes);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }
}
