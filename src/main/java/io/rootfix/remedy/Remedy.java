package io.rootfix.remedy;

import io.rootfix.persistence.ComplaintReference;
import io.rootfix.persistence.SequencedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/**
 * One remedy decision of a complaint in the ledger, and how it was executed. The idempotency key goes with
 * every call to the payment gateway or the shipping service, so a retry never pays or ships twice.
 */
@Entity
public class Remedy extends SequencedEntity {

  public static final String EUR = "EUR";

  @Embedded
  private ComplaintReference complaint;

  private Long customerId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private RemedyType type;

  @Column(nullable = false, precision = 19, scale = 2)
  private BigDecimal amount;

  @Column(nullable = false, length = 3)
  private String currency;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private RemedyState state;

  @Column(length = 500)
  private String policyNote;

  @Column(nullable = false)
  private boolean approvalNeeded;

  @Column(name = "remedies_last_12_months", nullable = false)
  private int remediesLast12Months;

  @Column(name = "remedy_total_last_12_months", nullable = false, precision = 19, scale = 2)
  private BigDecimal remedyTotalLast12Months;

  // The policy's other inputs as it read them from the complaint (null on remedies decided before 7 December 2026,
  // whose decision instance in the engine's history kept them).
  @Column(length = 32)
  private String desiredOutcome;

  @Column(length = 16)
  private String category;

  @Column(precision = 19, scale = 2)
  private BigDecimal claimedAmount;

  @Column(nullable = false)
  private Instant decidedAt;

  @Column(length = 64)
  private String approvedBy;

  @Column(length = 2000)
  private String refusalReason;

  /** When a team lead approved or refused it. */
  private Instant settledAt;

  /** When the money was paid or the replacement shipped. */
  private Instant executedAt;

  /** The payout's or the shipment order's reference at the payment gateway or the shipping service. */
  @Column(length = 64)
  private String externalReference;

  @Column(nullable = false, unique = true, length = 64)
  private String idempotencyKey;

  /** The refund or delivery promise to the customer. */
  private Long promiseId;

  @Version
  private long version;

  protected Remedy() {}

  Remedy(Long complaintId, String trackingNumber, Long customerId, RemedyType type, BigDecimal amount,
      String policyNote, boolean approvalNeeded, RemedyService.Facts policyRead, String idempotencyKey, Instant now) {
    this.complaint = new ComplaintReference(complaintId, trackingNumber);
    this.customerId = customerId;
    this.type = type;
    this.amount = amount;
    this.currency = EUR;
    this.policyNote = policyNote;
    this.approvalNeeded = approvalNeeded;
    this.remediesLast12Months = policyRead.remediesLast12Months();
    this.remedyTotalLast12Months = policyRead.remedyTotalLast12Months();
    this.desiredOutcome = policyRead.desiredOutcome();
    this.category = policyRead.category();
    this.claimedAmount = policyRead.claimedAmount() == null ? null
        : BigDecimal.valueOf(policyRead.claimedAmount()).setScale(2, RoundingMode.HALF_UP);
    this.idempotencyKey = idempotencyKey;
    this.decidedAt = now;
    this.state = type == RemedyType.NONE ? RemedyState.NOT_GRANTED
        : approvalNeeded ? RemedyState.AWAITING_APPROVAL : RemedyState.GRANTED;
  }

  /** Paid out or shipped: what remains is to record it (a retry finds it done and does nothing). */
  public boolean isExecuted() {
    return state == RemedyState.PAID || state == RemedyState.SHIPPED;
  }

  void approve(String by, Instant now) {
    requireState(RemedyState.AWAITING_APPROVAL);
    this.approvedBy = by;
    this.settledAt = now;
    this.state = RemedyState.GRANTED;
  }

  void refuse(String by, String reason, Instant now) {
    requireState(RemedyState.AWAITING_APPROVAL);
    this.approvedBy = by;
    this.refusalReason = reason;
    this.settledAt = now;
    this.state = RemedyState.REFUSED;
  }

  void promised(Long promiseId) {
    this.promiseId = promiseId;
  }

  void executed(String externalReference, Instant now) {
    requireState(RemedyState.GRANTED);
    this.externalReference = externalReference;
    this.executedAt = now;
    this.state = type == RemedyType.REFUND ? RemedyState.PAID : RemedyState.SHIPPED;
  }

  private void requireState(RemedyState expected) {
    if (state != expected) {
      throw new IllegalStateException("Remedy " + getId() + " of " + complaint.trackingNumber() + " is " + state + ", not " + expected);
    }
  }

  public Long getComplaintId() {
    return ComplaintReference.idOf(complaint);
  }

  public String getTrackingNumber() {
    return ComplaintReference.trackingNumberOf(complaint);
  }

  public Long getCustomerId() {
    return customerId;
  }

  public RemedyType getType() {
    return type;
  }

  public BigDecimal getAmount() {
    return amount;
  }

  public String getCurrency() {
    return currency;
  }

  public RemedyState getState() {
    return state;
  }

  public String getPolicyNote() {
    return policyNote;
  }

  public boolean isApprovalNeeded() {
    return approvalNeeded;
  }

  public int getRemediesLast12Months() {
    return remediesLast12Months;
  }

  public BigDecimal getRemedyTotalLast12Months() {
    return remedyTotalLast12Months;
  }

  public String getDesiredOutcome() {
    return desiredOutcome;
  }

  public String getCategory() {
    return category;
  }

  public BigDecimal getClaimedAmount() {
    return claimedAmount;
  }

  public Instant getDecidedAt() {
    return decidedAt;
  }

  public String getApprovedBy() {
    return approvedBy;
  }

  public String getRefusalReason() {
    return refusalReason;
  }

  public Instant getSettledAt() {
    return settledAt;
  }

  public Instant getExecutedAt() {
    return executedAt;
  }

  public String getExternalReference() {
    return externalReference;
  }

  public String getIdempotencyKey() {
    return idempotencyKey;
  }

  public Long getPromiseId() {
    return promiseId;
  }
}
