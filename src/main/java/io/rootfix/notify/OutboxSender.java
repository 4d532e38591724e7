package io.rootfix.notify;

import java.time.Clock;
import java.time.Instant;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import jakarta.mail.internet.MimeUtility;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.mail.javamail.MimeMessagePreparator;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the outbox's e-mails, each at most once. A message is claimed in a transaction of its own
 * before it goes to the mail server and marked sent in another after the server took it, so no other
 * sender (another node, the next round) can send it meanwhile, and a failure leaves it claimed by nobody:
 * pending again after a back-off, or for an agent once the sender gives up. Runs on a schedule only when
 * {@code rootfix.notify.email.enabled} (see {@link OutboxSchedule}).
 */
@Component
@EnableConfigurationProperties(NotifySettings.class)
public class OutboxSender {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);

  private final CustomerMessageRepository messages;
  private final JavaMailSender mail;
  private final TransactionTemplate ownTransaction;
  private final Clock clock;
  private final NotifySettings settings;
  private final ApplicationEventPublisher events;
  private final Optional<CustomerMailThread> threads;

  public OutboxSender(CustomerMessageRepository messages, JavaMailSender mail,
      PlatformTransactionManager transactionManager, Clock clock, NotifySettings settings,
      ApplicationEventPublisher events, Optional<CustomerMailThread> threads) {
    this.messages = messages;
    this.threads = threads;
    this.events = events;
    this.mail = mail;
    this.ownTransaction = new TransactionTemplate(transactionManager);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
    this.settings = settings;
  }

  /** What one round did. */
  public record Round(int sent, int failed) {}

  /** One round: hands stale claims to agents, then tries every e-mail that is due, up to a batch. */
  public Round sendDue() {
    Instant now = clock.instant();
    int stale = ownTransaction.execute(status -> handStaleClaimsToAgents(now.minus(settings.claimTimeout())));
    if (stale > 0) {
      LOG.warn("{} e-mail(s) whose sending was interrupted handed to agents", stale);
    }
    List<Long> due = ownTransaction.execute(status -> messages.findDueIds(now, PageRequest.of(0, settings.batchSize())));
    int sent = 0;
    int failed = 0;
    for (Long id : due) {
      CustomerMessage message = claim(id);
      if (message == null) {
        continue;
      }
      if (send(message)) {
        sent++;
      } else {
        failed++;
      }
    }
    return new Round(sent, failed);
  }

  private int handStaleClaimsToAgents(Instant claimedBefore) {
    int handed = 0;
    for (Long id : messages.findStaleClaimIds(claimedBefore)) {
      if (messages.handStaleClaimToAgents(id, claimedBefore,
          "The sender stopped while sending this e-mail; it may or may not have reached the customer. "
              + "Check with them before sending it again.") == 1) {
        events.publishEvent(new MessageForAgentEvent(id));
        handed++;
      }
    }
    return handed;
  }

  /**
   * The message, now ours to send, with its Message-ID; null when another sender claimed it first or it is no
   * longer due.
   */
  CustomerMessage claim(Long id) {
    return ownTransaction.execute(status -> {
      if (messages.claim(id, clock.instant()) != 1) {
        return null;
      }
      messages.assignMessageId(id, "<" + UUID.randomUUID() + "@" + settings.ownDomain() + ">");
      return messages.findById(id).orElseThrow();
    });
  }

  private boolean send(CustomerMessage message) {
    try {
      mail.send(toMail(message));
    } catch (MailException e) {
      recordFailure(message, e);
      return false;
    }
    ownTransaction.executeWithoutResult(status -> messages.markSent(message.getId(), clock.instant()));
    return true;
  }

  private void recordFailure(CustomerMessage message, MailException e) {
    String reason = e.getMostSpecificCause().getMessage() == null
        ? e.getClass().getSimpleName()
        : e.getMostSpecificCause().getMessage();
    boolean givingUp = message.getAttempts() >= settings.maxAttempts();
    String failure = shorten(givingUp
        ? "Gave up after " + message.getAttempts() + " attempts; send it another way. Last error: " + reason
        : "Attempt " + message.getAttempts() + " failed: " + reason);
    Instant nextAttemptAt = givingUp ? null : clock.instant().plus(settings.retryAfter(message.getAttempts()));
    ownTransaction.executeWithoutResult(status -> {
      int marked = messages.markFailed(message.getId(), givingUp ? DeliveryState.FOR_AGENT : DeliveryState.PENDING,
          failure, nextAttemptAt);
      if (givingUp && marked == 1) {
        events.publishEvent(new MessageForAgentEvent(message.getId()));
      }
    });
    LOG.warn("E-mail {} to complaint {}: {}", message.getId(), message.getComplaintId(), failure);
  }

  /**
   * The e-mail with our Message-ID, and, when the customer wrote to us by e-mail about this complaint, In-Reply-To
   * and References naming their messages, so their mail program threads our answer under their mail. The subject
   * carries the tracking number (every template's subject names it).
   */
  private MimeMessagePreparator toMail(CustomerMessage message) {
    List<String> theirs = threads.map(thread -> thread.customerMessageIds(message.getTrackingNumber()))
        .orElse(List.of());
    return mime -> {
      MimeMessageHelper mail = new MimeMessageHelper(mime, StandardCharsets.UTF_8.name());
      mail.setFrom(settings.from());
      mail.setTo(message.getRecipient());
      mail.setSubject(message.getSubject());
      mail.setText(message.getBody());
      mail.setSentDate(java.util.Date.from(clock.instant()));
      // JavaMailSenderImpl keeps a Message-ID set here instead of making up its own.
      mime.setHeader("Message-ID", message.getMessageId());
      if (!theirs.isEmpty()) {
        mime.setHeader("In-Reply-To", theirs.get(theirs.size() - 1));
        mime.setHeader("References", MimeUtility.fold(12, String.join(" ", theirs)));
      }
    };
  }

  private static String shorten(String text) {
    return text.length() <= 2000 ? text : text.substring(0, 1999) + "…";
  }
}
