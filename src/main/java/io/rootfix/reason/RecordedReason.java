package io.rootfix.reason;

import io.rootfix.persistence.ComplaintReference;
import io.rootfix.persistence.SequencedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import java.time.Instant;

/** A decision that changed a complaint's course, with the controlled reason and the note of who took it. */
@Entity
public class RecordedReason extends SequencedEntity {

  @Embedded
  private ComplaintReference complaint;

  @Column(nullable = false, length = 40)
  private String step;

  @Column(nullable = false, length = 40)
  private String code;

  /** The label as the person saw it when they chose it (the list may be reworded later). */
  @Column(length = 200)
  private String label;

  @Column(nullable = false, length = 2000)
  private String note;

  /** The user who decided, or "system" / "customer" for what the process or the customer decided. */
  @Column(nullable = false, length = 64)
  private String recordedBy;

  @Column(nullable = false)
  private Instant recordedAt;

  protected RecordedReason() {}

  RecordedReason(Long complaintId, String trackingNumber, String step, Reason reason, String note, String recordedBy,
      Instant recordedAt) {
    this.complaint = new ComplaintReference(complaintId, trackingNumber);
    this.step = step;
    this.code = reason.code();
    this.label = reason.label();
    this.note = note;
    this.recordedBy = recordedBy;
    this.recordedAt = recordedAt;
  }

  public Long getComplaintId() {
    return ComplaintReference.idOf(complaint);
  }

  public String getTrackingNumber() {
    return ComplaintReference.trackingNumberOf(complaint);
  }

  public String getStep() {
    return step;
  }

  public String getCode() {
    return code;
  }

  public String getLabel() {
    return label;
  }

  public String getNote() {
    return note;
  }

  public String getRecordedBy() {
    return recordedBy;
  }

  public Instant getRecordedAt() {
    return recordedAt;
  }
}
