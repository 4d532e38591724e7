package io.rootfix.notify;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import io.rootfix.web.ConflictException;
import io.rootfix.web.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Queues messages to customers in the caller's transaction; agents send what is not e-mail. */
@Service
public class Outbox {

  private final CustomerMessageRepository messages;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  public Outbox(CustomerMessageRepository messages, ApplicationEventPublisher events, Clock clock) {
    this.messages = messages;
    this.events = events;
    this.clock = clock;
  }

  /**
   * @param channel the channel code the customer chose (email, phone, chat, social, letter, web)
   * @param recipient their address on that channel
   */
  public record NewMessage(Long complaintId, String trackingNumber, MessageKind kind, String channel,
      String recipient, String subject, String body) {}

  /** Must run inside the transaction of the step that causes the message. */
  @Transactional(propagation = Propagation.MANDATORY)
  public CustomerMessage queue(NewMessage message) {
    CustomerMessage queued = messages.save(new CustomerMessage(message, Instant.now(clock)));
    if (queued.getState() == DeliveryState.FOR_AGENT) {
      events.publishEvent(new MessageForAgentEvent(queued.getId()));
    }
    return queued;
  }

  /** A complaint merged into another: what we told the customer about it counts for the other now. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void moveTo(Long fromComplaintId, Long toComplaintId, String toTrackingNumber) {
    messages.moveToComplaint(fromComplaintId, toComplaintId, toTrackingNumber);
  }

  /** What agents are to send by hand, oldest first. */
  @Transactional(readOnly = true)
  public List<CustomerMessage> forAgents() {
    return messages.findByStateOrderByCreatedAtAscIdAsc(DeliveryState.FOR_AGENT);
  }

  /** An agent sent the message by hand (called, wrote, messaged the customer) and says so through the API. */
  @Transactional
  public CustomerMessage sentByAgent(Long messageId, String agent) {
    CustomerMessage message = recordSentByAgent(messageId, agent);
    events.publishEvent(new MessageSentByAgentEvent(messageId));
    return message;
  }

  /** An agent sent the message by hand, as confirmed in its Tasklist task. */
  @Transactional(propagation = Propagation.MANDATORY)
  CustomerMessage recordSentByAgent(Long messageId, String agent) {
    CustomerMessage message = messages.findById(messageId)
        .orElseThrow(() -> new NotFoundException("No message with id " + messageId));
    if (message.getState() != DeliveryState.FOR_AGENT) {
      throw new ConflictException("Message " + messageId + " is " + message.getState() + ", not for an agent to send");
    }
    message.sentByAgent(agent, Instant.now(clock));
    return message;
  }

  /** The tracking number of the complaint whose e-mail carried one of these Message-IDs (ours), if any. */
  @Transactional(readOnly = true)
  public Optional<String> complaintOfOurMail(Collection<String> messageIds) {
    if (messageIds.isEmpty()) {
      return Optional.empty();
    }
    return messages.findByMessageIdIn(messageIds).stream()
        .max(Comparator.comparing(CustomerMessage::getId))
        .map(CustomerMessage::getTrackingNumber);
  }

  /**
   * Our e-mail with one of these Message-IDs came back undelivered (a bounce): it goes to an agent, who reaches the
   * customer another way. Returns the tracking number of the one handed over.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Optional<String> bounced(Collection<String> messageIds, String reason) {
    if (messageIds.isEmpty()) {
      return Optional.empty();
    }
    for (CustomerMessage message : messages.findByMessageIdIn(messageIds)) {
      if (message.bounced("The e-mail came back undelivered: " + reason)) {
        events.publishEvent(new MessageForAgentEvent(message.getId()));
        return Optional.of(message.getTrackingNumber());
      }
    }
    return Optional.empty();
  }

  /** When the customer last got a message about this complaint, if ever. */
  @Transactional(readOnly = true)
  public Optional<Instant> lastMessageAt(Long complaintId) {
    return messages.findFirstByComplaint_IdOrderByCreatedAtDesc(complaintId).map(CustomerMessage::getCreatedAt);
  }

  @Transactional(readOnly = true)
  public List<CustomerMessage> messagesOf(Long complaintId) {
    return messages.findByComplaint_IdOrderByIdAsc(complaintId);
  }

  /** Whether this complaint's customer has (or is about to get) a message of this kind. */
  @Transactional(readOnly = true)
  public boolean hasMessage(Long complaintId, MessageKind kind) {
    return messages.existsForComplaint(complaintId, kind);
  }
}
