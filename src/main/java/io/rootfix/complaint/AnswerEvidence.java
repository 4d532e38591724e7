package io.rootfix.complaint;

import io.rootfix.persistence.ComplaintReference;
import io.rootfix.process.TaskForm;
import io.rootfix.notify.CustomerMessage;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Evidence of one answer to the customer: the exact text sent, the channel and the time, with the outbox
 * message it went out as (whose id it shares). A complaint closes only with the evidence of its latest answer.
 */
@Entity
@Table(name = "answer_evidence")
public class AnswerEvidence {

  /** The id of the {@link CustomerMessage} the answer went out as. */
  @Id
  private Long customerMessageId;

  @Embedded
  private ComplaintReference complaint;

  @Column(nullable = false, length = 16)
  private String channel;

  @Column(length = 320)
  private String recipient;

  @Column(nullable = false, length = 200)
  private String subject;

  /** The message exactly as the customer gets it. */
  @Column(nullable = false, length = 8000)
  private String sentText;

  /** The agent's answer within it, as drafted (and approved). */
  @Column(length = 4000)
  private String answerText;

  @Column(nullable = false)
  private Instant sentAt;

  @Column(length = 64)
  private String draftedBy;

  /** Whether the answer-review policy asked for a review, and why (its rule). */
  @Column(nullable = false)
  private boolean reviewRequired;

  @Column(length = 200)
  private String reviewPolicy;

  /** The team lead who approved it; null when no review was needed. */
  @Column(length = 64)
  private String reviewedBy;

  protected AnswerEvidence() {}

  AnswerEvidence(CustomerMessage message, String answerText, String draftedBy, boolean reviewRequired,
      String reviewPolicy, String reviewedBy) {
    this.customerMessageId = message.getId();
    this.complaint = new ComplaintReference(message.getComplaintId(), message.getTrackingNumber());
    this.channel = message.getChannel();
    this.recipient = message.getRecipient();
    this.subject = message.getSubject();
    this.sentText = message.getBody();
    this.sentAt = message.getCreatedAt();
    this.answerText = answerText;
    this.draftedBy = draftedBy;
    this.reviewRequired = reviewRequired;
    this.reviewPolicy = reviewPolicy == null ? null : TaskForm.shorten(reviewPolicy, 200);
    this.reviewedBy = reviewedBy;
  }

  public Long getCustomerMessageId() {
    return customerMessageId;
  }

  public Long getComplaintId() {
    return ComplaintReference.idOf(complaint);
  }

  public String getTrackingNumber() {
    return ComplaintReference.trackingNumberOf(complaint);
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

  public String getSentText() {
    return sentText;
  }

  public String getAnswerText() {
    return answerText;
  }

  public Instant getSentAt() {
    return sentAt;
  }

  public String getDraftedBy() {
    return draftedBy;
  }

  public boolean isReviewRequired() {
    return reviewRequired;
  }

  public String getReviewPolicy() {
    return reviewPolicy;
  }

  public String getReviewedBy() {
    return reviewedBy;
  }

  public boolean isReviewed() {
    return reviewedBy != null;
  }
}
