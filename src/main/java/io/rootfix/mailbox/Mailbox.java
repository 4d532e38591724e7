package io.rootfix.mailbox;

import io.rootfix.attachment.AttachmentIntake;
import io.rootfix.attachment.Attachments;
import io.rootfix.complaint.Category;
import io.rootfix.complaint.ComplaintApi;
import io.rootfix.complaint.ComplaintSettings;
import io.rootfix.complaint.ComplaintSummary;
import io.rootfix.complaint.Complaints;
import io.rootfix.complaint.CustomerInformation;
import io.rootfix.complaint.CustomerReply;
import io.rootfix.complaint.IntakeForm;
import io.rootfix.notify.NotifySettings;
import io.rootfix.notify.Outbox;
import io.rootfix.web.InvalidInputException;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.validation.Validator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Files what arrives in the support mailbox, one e-mail per transaction and once per Message-ID: a new complaint
 * (through the one intake, as {@code POST /api/complaints} with channel email), the customer's reply to our mail
 * (their answer to our question, their word on our report, or a repeat contact), an automatic mail recorded and
 * left alone, and anything else for an agent to read. Nothing that arrives is lost: what is not filed is kept with
 * its raw text and, unless it is automatic, becomes an agent's task.
 */
@Component
@EnableConfigurationProperties(MailboxSettings.class)
public class Mailbox {

  private static final Logger LOG = LoggerFactory.getLogger(Mailbox.class);

  /** The source of a file that came by e-mail, as the attachment list shows it. */
  static final String SOURCE = "email";
  private static final int DESCRIPTION_LIMIT = 4000;
  private static final int COMMENT_LIMIT = 2000;

  private final ComplaintApi intake;
  private final Complaints complaints;
  private final AttachmentIntake attachmentIntake;
  private final Attachments attachments;
  private final Outbox outbox;
  private final InboundMailRepository mails;
  private final ReadMailTask agents;
  private final MailboxSettings settings;
  private final NotifySettings notify;
  private final Validator validator;
  private final Clock clock;
  private final TransactionTemplate transaction;
  private final Pattern trackingNumber;

  Mailbox(ComplaintApi intake, Complaints complaints, AttachmentIntake attachmentIntake, Attachments attachments,
      Outbox outbox, InboundMailRepository mails, ReadMailTask agents, MailboxSettings settings, NotifySettings notify,
      Validator validator, Clock clock, PlatformTransactionManager transactionManager,
      ComplaintSettings complaintSettings) {
    this.intake = intake;
    this.complaints = complaints;
    this.attachmentIntake = attachmentIntake;
    this.attachments = attachments;
    this.outbox = outbox;
    this.mails = mails;
    this.agents = agents;
    this.settings = settings;
    this.notify = notify;
    this.validator = validator;
    this.clock = clock;
    this.transaction = new TransactionTemplate(transactionManager);
    // The format TrackingNumbers hands out: RF-2026-000123 (more digits once a year passes a million).
    this.trackingNumber = Pattern.compile("\\b" + Pattern.quote(complaintSettings.trackingPrefix()) + "-\\d{4}-\\d{6,}\\b",
        Pattern.CASE_INSENSITIVE);
  }

  /** What became of one e-mail; {@code again} when its Message-ID was received before and nothing was done now. */
  public record Received(InboundMailOutcome outcome, String trackingNumber, boolean again) {}

  /**
   * Files one e-mail in a transaction of its own. When filing fails (the intake refuses it, the complaint moved on
   * meanwhile), that transaction rolls back and the mail goes to an agent in another, so it is never lost.
   */
  public Received receive(MimeMessage mime) {
    byte[] raw = rawOf(mime);
    String messageId = MailReader.idOf(mime, raw);
    Optional<InboundMail> before = mails.findByMessageId(messageId);
    if (before.isPresent()) {
      LOG.info("E-mail {} was received before ({}); nothing to do", messageId, before.get().getOutcome());
      return new Received(before.get().getOutcome(), before.get().getTrackingNumber(), true);
    }
    try {
      return transaction.execute(status -> file(mime, raw, messageId));
    } catch (DataIntegrityViolationException e) {
      Optional<InboundMail> meanwhile = mails.findByMessageId(messageId);
      if (meanwhile.isPresent()) {
        // Another node or round filed the same mail at the same moment: its transaction won.
        return new Received(meanwhile.get().getOutcome(), meanwhile.get().getTrackingNumber(), true);
      }
      return afterFailure(mime, raw, messageId, e);
    } catch (RuntimeException e) {
      return afterFailure(mime, raw, messageId, e);
    }
  }

  private Received afterFailure(MimeMessage mime, byte[] raw, String messageId, RuntimeException e) {
    LOG.warn("E-mail {} could not be filed; an agent reads it: {}", messageId, e.toString());
    String reason = e instanceof InvalidInputException invalid
        ? "Rootfix could not file it: " + invalid.getFieldErrors()
        : "Rootfix could not file it: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    return transaction.execute(status -> {
      ReceivedMail mail = readQuietly(mime, raw);
      return toAgent(messageId, mail, raw, reason, mail == null ? null : referredTrackingNumber(mail));
    });
  }

  private Received file(MimeMessage mime, byte[] raw, String messageId) {
    ReceivedMail mail;
    try {
      mail = MailReader.read(mime, raw);
    } catch (MessagingException | IOException | RuntimeException e) {
      return toAgent(messageId, null, raw, "Rootfix could not read it: " + e, null);
    }
    if (raw.length > settings.maxSize().toBytes()) {
      return toAgent(messageId, mail, raw, "it is larger than " + settings.maxSize().toMegabytes() + " MB", null);
    }
    Optional<AutomaticMail.Verdict> automatic = AutomaticMail.recognise(mail, ownAddresses(), notify.ownDomain());
    if (automatic.isPresent()) {
      return ignore(mail, raw, automatic.get());
    }
    if (mail.fromAddress() == null) {
      return toAgent(messageId, mail, raw, "it has no sender address Rootfix can read", null);
    }
    Optional<ComplaintSummary> about = complaintItRefersTo(mail);
    if (about.isPresent()) {
      return reply(mail, raw, about.get());
    }
    return intake(mail, raw, null, Category.OTHER.code(), mail.text());
  }

  /** The customer's reply: applied only when it comes from the complaint's own customer. */
  private Received reply(ReceivedMail mail, byte[] raw, ComplaintSummary complaint) {
    String number = complaint.trackingNumber();
    String customerEmail = complaint.customerEmail();
    if (customerEmail == null || !customerEmail.equalsIgnoreCase(mail.fromAddress())) {
      // Someone else's mail must not answer, close or reopen a customer's complaint.
      return toAgent(mail.messageId(), mail, raw, "it refers to complaint " + number + " but comes from "
          + mail.fromAddress() + ", who is not that complaint's customer: nothing was applied", number);
    }
    String own = ReplyText.own(mail.text());
    switch (complaint.state()) {
      case WAITING_FOR_CUSTOMER -> {
        if (own.isBlank()) {
          return toAgent(mail.messageId(), mail, raw, "a reply to our question about complaint " + number
              + " without an answer Rootfix can read", number);
        }
        intake.customerInformed(number, valid(new CustomerInformation(cut(own, DESCRIPTION_LIMIT))));
        keepFiles(number, mail);
        return record(mail, InboundMailOutcome.INFORMATION, "the customer's answer to our question", number);
      }
      case REPORTED -> {
        ReplyText.Verdict verdict = ReplyText.verdict(own);
        if (verdict == ReplyText.Verdict.UNCLEAR) {
          keepFiles(number, mail);
          return toAgent(mail.messageId(), mail, raw, "the customer's reply to our report on complaint " + number
              + " does not say clearly whether it is resolved: ask them, then record their word on the complaint's "
              + "\"Record the customer's confirmation\" task", number);
        }
        boolean resolved = verdict == ReplyText.Verdict.RESOLVED;
        intake.customerReplied(number, valid(new CustomerReply(resolved, cut(own, COMMENT_LIMIT))));
        keepFiles(number, mail);
        return record(mail, InboundMailOutcome.CONFIRMATION, resolved ? "resolved" : "not resolved", number);
      }
      default -> {
        return intake(mail, raw, number, complaint.category().code(), own.isBlank() ? mail.text() : own);
      }
    }
  }

  /**
   * Through the one intake, as {@code POST /api/complaints} with channel email: a new complaint, acknowledged at
   * once, or a repeat contact on the customer's open complaint about the same matter (the one it names, if theirs).
   * Files that break the attachment rules are noted for the agent, and do not cost the customer their complaint.
   */
  private Received intake(ReceivedMail mail, byte[] raw, String mentioned, String category, String text) {
    IntakeForm form = new IntakeForm(cut(mail.fromName(), 200), mail.fromAddress(), null, null, null, "email",
        category, description(mail.subject(), text), "answer", null, mentioned, null, null, null,
        mail.language().code());
    Map<String, String> errors = attachmentIntake.fieldErrors(form);
    if (!errors.isEmpty()) {
      return toAgent(mail.messageId(), mail, raw, "the intake refused it: " + errors, mentioned);
    }
    ComplaintApi.Received received = attachmentIntake.receiveKeepingRefusals(form, mail.files(), SOURCE);
    return record(mail, received.repeatContact() ? InboundMailOutcome.REPEAT_CONTACT : InboundMailOutcome.COMPLAINT,
        mail.files().isEmpty() ? null : mail.files().size() + " file(s)", received.trackingNumber());
  }

  /** Automatic mail is recorded, never answered; a bounce hands our undelivered e-mail to an agent. */
  private Received ignore(ReceivedMail mail, byte[] raw, AutomaticMail.Verdict verdict) {
    String reason = verdict.reason();
    String number = null;
    if (verdict.kind() == AutomaticMail.Kind.BOUNCE) {
      List<String> ours = Stream.concat(mail.refersTo().stream(), MailReader.quotedMessageIds(raw).stream())
          .filter(id -> id.toLowerCase(Locale.ROOT).endsWith("@" + notify.ownDomain() + ">"))
          .distinct().toList();
      number = outbox.bounced(ours, cut(mail.subject(), 200)).orElse(null);
      reason += number == null ? "; no e-mail of ours found in it"
          : "; our e-mail about complaint " + number + " went to an agent to send another way";
    }
    LOG.info("E-mail {} from {} ignored: {}", mail.messageId(), mail.fromAddress(), reason);
    InboundMail ignored = new InboundMail(mail.messageId(), clock.instant(), mail.fromAddress(), mail.subject(),
        InboundMailOutcome.IGNORED, reason, number);
    mails.saveAndFlush(ignored.keepRaw(raw, settings.keepRawUpTo().toBytes()));
    return new Received(InboundMailOutcome.IGNORED, number, false);
  }

  /** Kept whole (up to the size limit) and put before an agent in Tasklist. */
  private Received toAgent(String messageId, ReceivedMail mail, byte[] raw, String reason, String number) {
    LOG.info("E-mail {} goes to an agent: {}", messageId, reason);
    InboundMail kept = new InboundMail(messageId, clock.instant(), mail == null ? null : mail.fromAddress(),
        mail == null ? null : mail.subject(), InboundMailOutcome.FOR_AGENT, reason, number);
    mails.saveAndFlush(kept.keepRaw(raw, settings.maxSize().toBytes()));
    agents.start(kept, mail == null ? headersOf(raw) : mail.headerText(),
        mail == null ? new String(raw, java.nio.charset.StandardCharsets.UTF_8) : mail.text());
    return new Received(InboundMailOutcome.FOR_AGENT, number, false);
  }

  private Received record(ReceivedMail mail, InboundMailOutcome outcome, String reason, String number) {
    LOG.info("E-mail {} from {}: {} {}", mail.messageId(), mail.fromAddress(), outcome, number);
    mails.saveAndFlush(new InboundMail(mail.messageId(), clock.instant(), mail.fromAddress(), mail.subject(), outcome,
        reason, number));
    return new Received(outcome, number, false);
  }

  /** A reply to our mail (In-Reply-To, References) or a tracking number in the subject. */
  private Optional<ComplaintSummary> complaintItRefersTo(ReceivedMail mail) {
    return Optional.ofNullable(referredTrackingNumber(mail)).flatMap(this::complaint);
  }

  private String referredTrackingNumber(ReceivedMail mail) {
    Optional<String> ours = outbox.complaintOfOurMail(mail.refersTo());
    if (ours.isPresent()) {
      return ours.get();
    }
    Matcher named = trackingNumber.matcher(mail.subject());
    while (named.find()) {
      String number = named.group().toUpperCase(Locale.ROOT);
      if (complaint(number).isPresent()) {
        return number;
      }
    }
    return null;
  }

  /**
   * A merged complaint's number leads to the one it was merged into. No exception for a number that does not
   * exist: thrown through a transactional service it would doom the mail's whole transaction.
   */
  private Optional<ComplaintSummary> complaint(String number) {
    return complaints.findFollowingMerges(number);
  }

  private void keepFiles(String number, ReceivedMail mail) {
    if (!mail.files().isEmpty()) {
      attachments.keep(number, mail.files(), SOURCE);
    }
  }

  private Set<String> ownAddresses() {
    Set<String> own = new HashSet<>();
    own.add(notify.fromAddress());
    if (settings.username().contains("@")) {
      own.add(settings.username().strip().toLowerCase(Locale.ROOT));
    }
    settings.ownAddresses().stream().filter(a -> !a.isBlank()).map(a -> a.strip().toLowerCase(Locale.ROOT))
        .forEach(own::add);
    return own;
  }

  private <T> T valid(T value) {
    return InvalidInputException.requireValid(validator, value);
  }

  /** The subject is the complaint's summary, the text its story; cut to what the intake takes, and said so. */
  private static String description(String subject, String text) {
    String description = subject.isBlank() ? text : text.isBlank() ? subject : subject + "\n\n" + text;
    String note = "\n\n(Cut here: the whole e-mail came to the support mailbox.)";
    return description.length() <= DESCRIPTION_LIMIT ? description
        : description.substring(0, DESCRIPTION_LIMIT - note.length()) + note;
  }

  private static String cut(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }

  private static byte[] rawOf(MimeMessage mime) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      mime.writeTo(out);
      return out.toByteArray();
    } catch (IOException | MessagingException e) {
      // Only the headers could be read; they are what is kept.
      return headerBytes(mime);
    }
  }

  private static byte[] headerBytes(MimeMessage mime) {
    StringBuilder headers = new StringBuilder();
    try {
      mime.getAllHeaderLines().asIterator().forEachRemaining(line -> headers.append(line).append("\r\n"));
    } catch (MessagingException e) {
      headers.append("(no headers could be read: ").append(e.getMessage()).append(")");
    }
    return headers.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  private static ReceivedMail readQuietly(MimeMessage mime, byte[] raw) {
    try {
      return MailReader.read(mime, raw);
    } catch (MessagingException | IOException | RuntimeException e) {
      return null;
    }
  }

  private static String headersOf(byte[] raw) {
    String text = new String(raw, java.nio.charset.StandardCharsets.UTF_8);
    int end = text.indexOf("\r\n\r\n") >= 0 ? text.indexOf("\r\n\r\n") : text.indexOf("\n\n");
    return end < 0 ? text : text.substring(0, end);
  }
}
