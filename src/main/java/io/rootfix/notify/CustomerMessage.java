package io.rootfix.notify;

import io.rootfix.persistence.ComplaintReference;
import io.rootfix.persistence.SequencedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;

/**
 * A message to a customer in the outbox. It is written in the transaction of the step that causes it,
 * so a message exists exactly when its step happened; delivery is a separate concern: e-mails go out
 * through {@link OutboxSender}, everything else is for an agent to send.
 */
@Entity
public class CustomerMessage extends SequencedEntity {

  @Embedded
  private ComplaintReference complaint;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 32)
  private MessageKind kind;

  /** The channel code the customer chose (email, phone, chat, social, letter, web). */
  @Column(nullable = false, length = 16)
  private String channel;

  @Column(length = 320)
  private String recipient;

  @Column(nullable = false, length = 200)
  private String subject;

  @Column(nullable = false, length = 8000)
  private String body;

  @Column(nullable = false)
  private Instant createdAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private DeliveryState state;

  /** How often a sender tried to deliver it. */
  @Column(nullable = false)
  private int attempts;

  /** A pending e-mail is not tried again before this moment (back-off after a failure). */
  private Instant nextAttemptAt;

  /** When a sender claimed it for the attempt in progress. */
  private Instant claimedAt;

  private Instant sentAt;

  /** The agent who sent it by hand; null when the sender delivered it. */
  @Column(length = 64)
  private String sentBy;

  /** Why the last attempt failed, or why an agent must look at it. */
  @Column(length = 2000)
  private String failure;

  /** Our {@code Message-ID} on the e-mail, given when it is first claimed for sending; replies refer to it. */
  @Column(length = 998)
  private String messageId;

  protected CustomerMessage() {}

  CustomerMessage(Outbox.NewMessage message, Instant createdAt) {
    this.complaint = new ComplaintReference(message.complaintId(), message.trackingNumber());
    this.kind = message.kind();
    this.channel = message.channel();
    this.recipient = message.recipient();
    this.subject = message.subject();
    this.body = message.body();
    this.createdAt = createdAt;
    this.state = isEmail() ? DeliveryState.PENDING : DeliveryState.FOR_AGENT;
  }

  /** The sender delivers e-mail only: the customer chose e-mail (or the web), and we have their address. */
  boolean isEmail() {
    return ("email".equals(channel) || "web".equals(channel)) && recipient != null && recipient.contains("@");
  }

  /** An agent sent it by hand (a call, a letter, a chat message) and says so. */
  void sentByAgent(String agent, Instant now) {
    this.state = DeliveryState.SENT;
    this.sentBy = agent;
    this.sentAt = now;
  }

  /** A sent e-mail came back undelivered: for an agent now. False when it was not (or no longer) sent. */
  boolean bounced(String why) {
    if (state != DeliveryState.SENT) {
      return false;
    }
    this.state = DeliveryState.FOR_AGENT;
    this.failure = why.length() <= 2000 ? why : why.substring(0, 1999) + "…";
    return true;
  }

  public Long getComplaintId() {
    return ComplaintReference.idOf(complaint);
  }

  public String getTrackingNumber() {
    return ComplaintReference.trackingNumberOf(complaint);
  }

  public MessageKind getKind() {
    return kind;
  }

  public String getChannel() {
    return channel;
  }

  public String getRecipient() {
    return recipient;
  }

  public String getSubject() {
    return subject;
  }

  public String getBody() {
    return body;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public DeliveryState getState() {
    return state;
  }

  public int getAttempts() {
    return attempts;
  }

  public Instant getNextAttemptAt() {
    return nextAttemptAt;
  }

  public Instant getClaimedAt() {
    return claimedAt;
  }

  public Instant getSentAt() {
    return sentAt;
  }

  public String getSentBy() {
    return sentBy;
  }

  public String getFailure() {
    return failure;
  }

  public String getMessageId() {
    return messageId;
  }
}
