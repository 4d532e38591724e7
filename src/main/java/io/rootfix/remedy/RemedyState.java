package io.rootfix.remedy;

/** Where a remedy stands in the ledger. */
public enum RemedyState {
  /** Above the policy limit: a team lead decides. */
  AWAITING_APPROVAL,
  /** Granted (by policy or by a team lead); a refund or replacement is about to be executed. */
  GRANTED,
  REFUSED,
  PAID,
  SHIPPED,
  /** The policy granted no remedy (the decision NONE). */
  NOT_GRANTED
}
