package io.rootfix.complaint;

/**
 * What the complaint reads of its remedy, answered by the remedy feature (which depends on the complaint, not the other
 * way round): the amount the answer review policy weighs, read from the remedy ledger when the answer is drafted
 * instead of copied back from the remedy's instance into the complaint's.
 */
public interface RemedyLedger {

  /** The amount of the complaint's latest remedy decision (granted, awaiting approval or refused); null before any. */
  Double latestAmount(long complaintId);
}
