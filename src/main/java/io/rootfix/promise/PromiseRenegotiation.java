package io.rootfix.promise;

import io.rootfix.persistence.SequencedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.time.Instant;

/** One move of a promise's date: from when to when, why, and whether the customer heard in time. */
@Entity
public class PromiseRenegotiation extends SequencedEntity {

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "promise_id")
  private Promise promise;

  @Column(nullable = false)
  private Instant oldDueAt;

  @Column(nullable = false)
  private Instant newDueAt;

  @Column(nullable = false, length = 2000)
  private String reason;

  /** The customer was told before the old date passed. */
  @Column(nullable = false)
  private boolean customerToldInTime;

  @Column(length = 64)
  private String renegotiatedBy;

  @Column(nullable = false)
  private Instant renegotiatedAt;

  protected PromiseRenegotiation() {}

  PromiseRenegotiation(Promise promise, Instant oldDueAt, Instant newDueAt, String reason, String by, Instant now,
      Instant toldAt) {
    this.promise = promise;
    this.oldDueAt = oldDueAt;
    this.newDueAt = newDueAt;
    this.reason = reason;
    this.renegotiatedBy = by;
    this.renegotiatedAt = now;
    this.customerToldInTime = toldAt.isBefore(oldDueAt);
  }

  public Instant getOldDueAt() {
    return oldDueAt;
  }

  public Instant getNewDueAt() {
    return newDueAt;
  }

  public String getReason() {
    return reason;
  }

  public boolean isCustomerToldInTime() {
    return customerToldInTime;
  }

  public String getRenegotiatedBy() {
    return renegotiatedBy;
  }

  public Instant getRenegotiatedAt() {
    return renegotiatedAt;
  }
}
