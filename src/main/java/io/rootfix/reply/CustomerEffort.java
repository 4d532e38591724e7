package io.rootfix.reply;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;

/** How much effort it took the customer to get their complaint solved (1 very little … 7 a great deal), once. */
@Entity
public class CustomerEffort {

  @Id
  private Long complaintId;

  @Column(nullable = false, length = 20)
  private String trackingNumber;

  @Column(nullable = false)
  private int score;

  @Column(length = 2000)
  private String comment;

  @Column(nullable = false)
  private Instant answeredAt;

  protected CustomerEffort() {}

  CustomerEffort(Long complaintId, String trackingNumber, int score, String comment, Instant answeredAt) {
    this.complaintId = complaintId;
    this.trackingNumber = trackingNumber;
    this.score = score;
    this.comment = comment;
    this.answeredAt = answeredAt;
  }

  public Long getComplaintId() {
    return complaintId;
  }

  public String getTrackingNumber() {
    return trackingNumber;
  }

  public int getScore() {
    return score;
  }

  public String getComment() {
    return comment;
  }

  public Instant getAnsweredAt() {
    return answeredAt;
  }
}
