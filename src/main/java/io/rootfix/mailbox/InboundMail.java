package io.rootfix.mailbox;

import io.rootfix.persistence.SequencedEntity;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import java.time.Instant;
import java.util.Arrays;

/**
 * One e-mail the mailbox read, once per Message-ID, and what became of it. A mail that was not filed into a
 * complaint keeps its raw text (cut at a limit), so nothing a customer sent is lost.
 */
@Entity
public class InboundMail extends SequencedEntity {

  @Column(nullable = false, length = 998)
  private String messageId;

  @Column(nullable = false)
  private Instant receivedAt;

  @Column(length = 320)
  private String sender;

  @Column(length = 200)
  private String subject;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private InboundMailOutcome outcome;

  @Column(length = 2000)
  private String reason;

  @Column(length = 20)
  private String trackingNumber;

  @Basic(fetch = FetchType.LAZY)
  private byte[] rawContent;

  /** The whole mail's size; more than the kept raw content when that was cut. */
  @Column(nullable = false)
  private long rawSize;

  @Column(length = 64)
  private String handledBy;

  private Instant handledAt;

  protected InboundMail() {}

  InboundMail(String messageId, Instant receivedAt, String sender, String subject, InboundMailOutcome outcome,
      String reason, String trackingNumber) {
    this.messageId = messageId;
    this.receivedAt = receivedAt;
    this.sender = cut(sender, 320);
    this.subject = cut(subject, 200);
    this.outcome = outcome;
    this.reason = cut(reason, 2000);
    this.trackingNumber = trackingNumber;
  }

  /** Keeps the raw mail, at most {@code limit} bytes of it. */
  InboundMail keepRaw(byte[] raw, long limit) {
    this.rawSize = raw.length;
    this.rawContent = raw.length <= limit ? raw : Arrays.copyOf(raw, (int) limit);
    return this;
  }

  void handled(String by, Instant at) {
    this.handledBy = by;
    this.handledAt = at;
  }

  private static String cut(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  public String getMessageId() {
    return messageId;
  }

  public Instant getReceivedAt() {
    return receivedAt;
  }

  public String getSender() {
    return sender;
  }

  public String getSubject() {
    return subject;
  }

  public InboundMailOutcome getOutcome() {
    return outcome;
  }

  public String getReason() {
    return reason;
  }

  public String getTrackingNumber() {
    return trackingNumber;
  }

  public byte[] getRawContent() {
    return rawContent;
  }

  public long getRawSize() {
    return rawSize;
  }

  public String getHandledBy() {
    return handledBy;
  }

  public Instant getHandledAt() {
    return handledAt;
  }
}
