package io.rootfix.notify;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import java.time.Instant;

/**
 * A message to a customer in the outbox. It is written in the transaction of the step that causes it,
 * so a message exists exactly when its step happened; delivery is a separate concern.
 */
@Entity
public class CustomerMessage {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "customer_message_seq")
  @SequenceGenerator(name = "customer_message_seq", sequenceName = "customer_message_seq", allocationSize = 50)
  private Long id;

  @Column(nullable = false)
  private Long complaintId;

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

  private Instant sentAt;

  @Column(length = 2000)
  private String failure;

  protected CustomerMessage() {}

  CustomerMessage(Long complaintId, MessageKind kind, String channel, String recipient, String subject,
      String body, Instant createdAt) {
    this.complaintId = complaintId;
    this.kind = kind;
    this.channel = channel;
    this.recipient = recipient;
    this.subject = subject;
    this.body = body;
    this.createdAt = createdAt;
  }

  public Long getId() {
    return id;
  }

  public Long getComplaintId() {
    return complaintId;
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

  public Instant getSentAt() {
    return sentAt;
  }

  public String getFailure() {
    return failure;
  }
}
