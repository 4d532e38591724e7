package io.rootfix.rootcause;

import io.rootfix.persistence.ComplaintReference;
import io.rootfix.persistence.SequencedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.time.Instant;

/** A complaint hit by a root cause; told when the root cause is settled. */
@Entity
public class RootCauseLink extends SequencedEntity {

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "root_cause_id")
  private RootCause rootCause;

  @Embedded
  private ComplaintReference complaint;

  @Column(nullable = false)
  private Instant linkedAt;

  @Column(length = 64)
  private String linkedBy;

  /** When the complaint was told the root cause is settled; null while it waits. */
  private Instant toldAt;

  protected RootCauseLink() {}

  RootCauseLink(RootCause rootCause, Long complaintId, String trackingNumber, String linkedBy, Instant now) {
    this.rootCause = rootCause;
    this.complaint = new ComplaintReference(complaintId, trackingNumber);
    this.linkedBy = linkedBy;
    this.linkedAt = now;
  }

  void told(Instant now) {
    this.toldAt = now;
  }

  public RootCause getRootCause() {
    return rootCause;
  }

  public Long getComplaintId() {
    return ComplaintReference.idOf(complaint);
  }

  public String getTrackingNumber() {
    return ComplaintReference.trackingNumberOf(complaint);
  }

  public Instant getLinkedAt() {
    return linkedAt;
  }

  public String getLinkedBy() {
    return linkedBy;
  }

  public Instant getToldAt() {
    return toldAt;
  }
}
