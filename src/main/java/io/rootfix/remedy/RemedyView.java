package io.rootfix.remedy;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A remedy in the ledger as the API shows it to staff and auditors, with every input the remedy policy decided on
 * (the complaint's wanted outcome, category and claimed amount are null for remedies decided before 7 December 2026).
 */
public record RemedyView(Long id, String trackingNumber, RemedyType type, BigDecimal amount, String currency,
    RemedyState state, String policyNote, boolean approvalNeeded, String approvedBy, String refusalReason,
    int remediesLast12Months, BigDecimal remedyTotalLast12Months, String desiredOutcome, String category,
    BigDecimal claimedAmount, Instant decidedAt, Instant settledAt,
    Instant executedAt, String externalReference, String idempotencyKey, Long promiseId) {

  static RemedyView of(Remedy r) {
    return new RemedyView(r.getId(), r.getTrackingNumber(), r.getType(), r.getAmount(), r.getCurrency(), r.getState(),
        r.getPolicyNote(), r.isApprovalNeeded(), r.getApprovedBy(), r.getRefusalReason(), r.getRemediesLast12Months(),
        r.getRemedyTotalLast12Months(), r.getDesiredOutcome(), r.getCategory(), r.getClaimedAmount(), r.getDecidedAt(), r.getSettledAt(), r.getExecutedAt(),
        r.getExternalReference(), r.getIdempotencyKey(), r.getPromiseId());
  }
}
