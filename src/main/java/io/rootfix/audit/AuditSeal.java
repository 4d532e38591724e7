package io.rootfix.audit;

import io.rootfix.persistence.ComplaintReference;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import java.time.Instant;

/**
 * The seal of a closed complaint: the SHA-256 digest of its canonical record, chained to the seal
 * before it, so any later change to a sealed complaint or to the seals shows up in verification.
 */
@Entity
public class AuditSeal {

  static final String GENESIS = "0".repeat(64);

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_seal_seq")
  @SequenceGenerator(name = "audit_seal_seq", sequenceName = "audit_seal_seq", allocationSize = 1)
  private Long id;

  /** Position in the chain, from 1; unique, so two nodes cannot fork the chain. */
  @Column(nullable = false, unique = true)
  private long position;

  @Embedded
  private ComplaintReference complaint;

  @Column(nullable = false, length = 64)
  private String previousDigest;

  @Column(nullable = false, length = 64)
  private String digest;

  @Column(nullable = false)
  private Instant sealedAt;

  protected AuditSeal() {}

  AuditSeal(long position, Long complaintId, String trackingNumber, String previousDigest, String digest,
      Instant sealedAt) {
    this.position = position;
    this.complaint = new ComplaintReference(complaintId, trackingNumber);
    this.previousDigest = previousDigest;
    this.digest = digest;
    this.sealedAt = sealedAt;
  }

  public long getPosition() {
    return position;
  }

  public Long getComplaintId() {
    return ComplaintReference.idOf(complaint);
  }

  public String getTrackingNumber() {
    return ComplaintReference.trackingNumberOf(complaint);
  }

  public String getPreviousDigest() {
    return previousDigest;
  }

  public String getDigest() {
    return digest;
  }

  public Instant getSealedAt() {
    return sealedAt;
  }
}
