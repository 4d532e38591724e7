package io.rootfix.promise;

import io.rootfix.persistence.ComplaintReference;
import io.rootfix.persistence.SequencedEntity;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One promise to a customer, with its deadline (or window), its watch and its outcome. */
@Entity
public class Promise extends SequencedEntity {

  @Embedded
  private ComplaintReference complaint;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private PromiseType type;

  /** What was promised, in the words the customer heard. */
  @Column(nullable = false, length = 500)
  private String text;

  /** Start of a window ("Friday between 14:00 and 18:00"); null for a plain deadline. */
  private Instant windowFrom;

  /** The deadline, or the end of the window. */
  @Column(nullable = false)
  private Instant dueAt;

  @Column(length = 64)
  private String madeBy;

  @Column(nullable = false)
  private Instant madeAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private PromiseState state;

  private Instant keptAt;

  @Column(length = 64)
  private String keptBy;

  /** Released when its complaint closed without it: the customer was told, with {@code releaseNote} saying why. */
  private Instant releasedAt;

  @Column(length = 64)
  private String releasedBy;

  @Column(length = 2000)
  private String releaseNote;

  private Instant brokenAt;

  private Instant remindedAt;

  /** Since when the promise is paused because we wait for the customer; null when running. */
  private Instant pausedSince;

  @Column(length = 2000)
  private String escalationNote;

  @Column(length = 64)
  private String processInstanceId;

  /** When the watch acts next (its timers read these); null for watches started before 7 December 2026. */
  private Instant watchRemindAt;

  private Instant watchRenegotiateAt;

  private Instant watchDueAt;

  @OneToMany(mappedBy = "promise", cascade = CascadeType.ALL)
  @OrderBy("renegotiatedAt")
  private List<PromiseRenegotiation> renegotiations = new ArrayList<>();

  @Version
  private long version;

  protected Promise() {}

  Promise(Long complaintId, String trackingNumber, PromiseType type, String text, Instant windowFrom, Instant dueAt,
      String madeBy, Instant madeAt) {
    this.complaint = new ComplaintReference(complaintId, trackingNumber);
    this.type = type;
    this.text = text;
    this.windowFrom = windowFrom;
    this.dueAt = dueAt;
    this.madeBy = madeBy;
    this.madeAt = madeAt;
    this.state = PromiseState.OPEN;
  }

  void watchedBy(String processInstanceId) {
    this.processInstanceId = processInstanceId;
  }

  /** The watch's timers from now on: a new watch, a new date or a pause. */
  void watchActsAt(PromisePolicy.Timers timers) {
    this.watchRemindAt = timers.remindAt();
    this.watchRenegotiateAt = timers.renegotiateAt();
    this.watchDueAt = timers.dueAt();
  }

  /** When the watch acts next, or null when the watch keeps its timers' dates itself (started before 7 December). */
  PromisePolicy.Timers watchTimers() {
    return watchDueAt == null ? null : new PromisePolicy.Timers(watchRemindAt, watchRenegotiateAt, watchDueAt);
  }

  /** Its complaint was merged into another: that one keeps the promise now. */
  void movedTo(Long complaintId, String trackingNumber) {
    this.complaint = new ComplaintReference(complaintId, trackingNumber);
  }

  void reminded(Instant now) {
    this.remindedAt = now;
  }

  /**
   * A new date agreed with the customer; told in time when the customer knew before the old date passed
   * ({@code toldAt}: now, or when a pause began).
   */
  PromiseRenegotiation renegotiate(Instant newDueAt, String reason, String by, Instant now, Instant toldAt) {
    requireOpen();
    PromiseRenegotiation renegotiation = new PromiseRenegotiation(this, dueAt, newDueAt, reason, by, now, toldAt);
    renegotiations.add(renegotiation);
    if (windowFrom != null) {
      windowFrom = windowFrom.plus(java.time.Duration.between(dueAt, newDueAt));
    }
    dueAt = newDueAt;
    return renegotiation;
  }

  void pause(Instant now) {
    requireOpen();
    if (pausedSince == null) {
      pausedSince = now;
    }
  }

  /** Returns since when it was paused, or null when it was not. */
  Instant resume() {
    Instant since = pausedSince;
    pausedSince = null;
    return since;
  }

  void kept(Instant now, String by) {
    requireOpen();
    keptAt = now;
    keptBy = by;
    state = renegotiations.isEmpty() ? PromiseState.KEPT : PromiseState.RENEGOTIATED;
  }

  void released(Instant now, String by, String note) {
    requireOpen();
    releasedAt = now;
    releasedBy = by;
    releaseNote = note;
    pausedSince = null;
    state = PromiseState.RELEASED;
  }

  void broken(Instant now) {
    requireOpen();
    brokenAt = now;
    state = PromiseState.BROKEN;
  }

  void escalationHandled(String note) {
    this.escalationNote = note;
  }

  private void requireOpen() {
    if (state != PromiseState.OPEN) {
      throw new IllegalStateException("Promise " + getId() + " is " + state + ", no longer open");
    }
  }

  public Long getComplaintId() {
    return ComplaintReference.idOf(complaint);
  }

  public String getTrackingNumber() {
    return ComplaintReference.trackingNumberOf(complaint);
  }

  public PromiseType getType() {
    return type;
  }

  public String getText() {
    return text;
  }

  public Instant getWindowFrom() {
    return windowFrom;
  }

  public Instant getDueAt() {
    return dueAt;
  }

  public String getMadeBy() {
    return madeBy;
  }

  public Instant getMadeAt() {
    return madeAt;
  }

  public PromiseState getState() {
    return state;
  }

  public Instant getKeptAt() {
    return keptAt;
  }

  public String getKeptBy() {
    return keptBy;
  }

  public Instant getReleasedAt() {
    return releasedAt;
  }

  public String getReleasedBy() {
    return releasedBy;
  }

  public String getReleaseNote() {
    return releaseNote;
  }

  public Instant getBrokenAt() {
    return brokenAt;
  }

  public Instant getRemindedAt() {
    return remindedAt;
  }

  public Instant getPausedSince() {
    return pausedSince;
  }

  public String getEscalationNote() {
    return escalationNote;
  }

  public String getProcessInstanceId() {
    return processInstanceId;
  }

  public List<PromiseRenegotiation> getRenegotiations() {
    return List.copyOf(renegotiations);
  }
}
