package io.rootfix.complaint;

/** Where a complaint stands; it follows the complaint process. */
public enum ComplaintState {
  /** Registered, the expectation is not agreed yet. */
  RECEIVED,
  /** Expectation agreed; patching, finding the root cause or drafting the answer. */
  IN_PROGRESS,
  /** We asked the customer for information; the answer date is paused. */
  WAITING_FOR_CUSTOMER,
  /** The root cause is known and waits for its fundamental fix. */
  WAITING_FOR_FIX,
  /** The answer went to the customer; waiting for their confirmation. */
  REPORTED,
  /** The customer said it is not resolved; back to finding the root cause. */
  REOPENED,
  CLOSED,
  /** About the same matter as another complaint of the customer, and merged into it; that one goes on. */
  MERGED
}
