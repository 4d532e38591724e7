package io.rootfix.rootcause;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import java.time.Instant;

/** A complaint hit by a root cause; told when the root cause is settled. */
@Entity
public class RootCauseLink {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "root_cause_link_seq")
  @SequenceGenerator(name = "root_cause_link_seq", sequenceName = "root_cause_link_seq", allocationSize = 50)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "root_cause_id")
  private RootCause rootCause;

  @Column(nullable = false)
  private Long complaintId;

  @Column(nullable = false, length = 20)
  private String trackingNumber;

  @Column(nullable = false)
  private Instant linkedAt;

  @Column(length = 64)
  private String linkedBy;

  /** When the complaint was told the root cause is settled; null while it waits. */
  private Instant toldAt;

  protected RootCauseLink() {}

  RootCauseLink(RootCause rootCause, Long complaintId, String trackingNumber, String linkedBy, Instant now) {
    this.rootCause = rootCause;
    this.complaintId = complaintId;
    this.trackingNumber = trackingNumber;
    this.linkedBy = linkedBy;
    this.linkedAt = now;
  }

  void told(Instant now) {
    this.toldAt = now;
  }

  public Long getId() {
    return id;
  }

  public RootCause getRootCause() {
    return rootCause;
  }

  public Long getComplaintId() {
    return complaintId;
  }

  public String getTrackingNumber() {
    return trackingNumber;
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
