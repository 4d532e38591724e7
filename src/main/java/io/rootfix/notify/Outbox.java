package io.rootfix.notify;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Queues messages to customers in the caller's transaction. */
@Service
public class Outbox {

  private final CustomerMessageRepository messages;
  private final Clock clock;

  public Outbox(CustomerMessageRepository messages, Clock clock) {
    this.messages = messages;
    this.clock = clock;
  }

  /** Must run inside the transaction of the step that causes the message. */
  @Transactional(propagation = Propagation.MANDATORY)
  public CustomerMessage queue(Long complaintId, MessageKind kind, String channel, String recipient,
      String subject, String body) {
    return messages.save(
        new CustomerMessage(complaintId, kind, channel, recipient, subject, body, Instant.now(clock)));
  }

  /** When the customer last got a message about this complaint, if ever. */
  @Transactional(readOnly = true)
  public Optional<Instant> lastMessageAt(Long complaintId) {
    return messages.findFirstByComplaintIdOrderByCreatedAtDesc(complaintId).map(CustomerMessage::getCreatedAt);
  }

  @Transactional(readOnly = true)
  public List<CustomerMessage> messagesOf(Long complaintId) {
    return messages.findByComplaintIdOrderByIdAsc(complaintId);
  }
}
