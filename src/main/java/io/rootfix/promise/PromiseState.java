package io.rootfix.promise;

/**
 * Where a promise stands. Every promise ends KEPT, RENEGOTIATED (kept at a date renegotiated in time), BROKEN, or
 * RELEASED: its complaint closed without it, and the customer was told why before it fell due.
 */
public enum PromiseState {
  OPEN,
  KEPT,
  RENEGOTIATED,
  BROKEN,
  RELEASED;

  public boolean isFinished() {
    return this != OPEN;
  }
}
