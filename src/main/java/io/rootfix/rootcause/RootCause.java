package io.rootfix.rootcause;

import io.rootfix.persistence.SequencedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Version;
import java.time.Instant;

/** A problem record: one cause behind many complaints, fixed fundamentally once. */
@Entity
public class RootCause extends SequencedEntity {

  @Column(nullable = false, length = 200)
  private String title;

  @Column(nullable = false, length = 4000)
  private String description;

  /** The complaint category it was found in (delivery, product, ...). */
  @Column(nullable = false, length = 16)
  private String category;

  @Column(nullable = false, length = 64)
  private String ownerGroup;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private RootCauseState state;

  @Column(length = 2000)
  private String wontFixReason;

  private Instant fixDeadline;

  /** What was changed, and what works differently from now on. */
  @Column(length = 4000)
  private String fixDescription;

  @Column(length = 64)
  private String fixedBy;

  private Instant fixedAt;

  @Column(length = 64)
  private String verifiedBy;

  @Column(length = 2000)
  private String verificationNote;

  @Column(nullable = false)
  private Instant createdAt;

  @Column(length = 64)
  private String createdBy;

  @Column(length = 64)
  private String processInstanceId;

  @Version
  private long version;

  protected RootCause() {}

  RootCause(String title, String description, String category, String ownerGroup, String createdBy, Instant now) {
    this.title = title;
    this.description = description;
    this.category = category;
    this.ownerGroup = ownerGroup;
    this.createdBy = createdBy;
    this.createdAt = now;
    this.state = RootCauseState.INVESTIGATING;
  }

  void investigatedBy(String processInstanceId) {
    this.processInstanceId = processInstanceId;
  }

  void willBeFixedBy(Instant deadline) {
    require(RootCauseState.INVESTIGATING);
    this.fixDeadline = deadline;
    this.state = RootCauseState.FIX_IN_PROGRESS;
  }

  void wontBeFixed(String reason) {
    require(RootCauseState.INVESTIGATING);
    this.wontFixReason = reason;
    this.state = RootCauseState.WONT_FIX;
  }

  void fixed(String fixDescription, String by, Instant now) {
    require(RootCauseState.FIX_IN_PROGRESS);
    this.fixDescription = fixDescription;
    this.fixedBy = by;
    this.fixedAt = now;
  }

  void verified(boolean works, String note, String by) {
    require(RootCauseState.FIX_IN_PROGRESS);
    this.verifiedBy = by;
    this.verificationNote = note;
    if (works) {
      this.state = RootCauseState.FIXED;
    } else {
      this.fixedAt = null;
    }
  }

  /** What the customers of its complaints are told. */
  String outcomeText() {
    return state == RootCauseState.WONT_FIX ? wontFixReason : fixDescription;
  }

  private void require(RootCauseState expected) {
    if (state != expected) {
      throw new IllegalStateException("Root cause " + getId() + " is " + state + ", expected " + expected);
    }
  }

  public String getTitle() {
    return title;
  }

  public String getDescription() {
    return description;
  }

  public String getCategory() {
    return category;
  }

  public String getOwnerGroup() {
    return ownerGroup;
  }

  public RootCauseState getState() {
    return state;
  }

  public String getWontFixReason() {
    return wontFixReason;
  }

  public Instant getFixDeadline() {
    return fixDeadline;
  }

  public String getFixDescription() {
    return fixDescription;
  }

  public String getFixedBy() {
    return fixedBy;
  }

  public Instant getFixedAt() {
    return fixedAt;
  }

  public String getVerifiedBy() {
    return verifiedBy;
  }

  public String getVerificationNote() {
    return verificationNote;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public String getCreatedBy() {
    return createdBy;
  }

  public String getProcessInstanceId() {
    return processInstanceId;
  }
}
