package io.rootfix.promise;

/** Where a promise stands. Every promise ends KEPT, RENEGOTIATED (kept at a date renegotiated in time) or BROKEN. */
public enum PromiseState {
  OPEN,
  KEPT,
  RENEGOTIATED,
  BROKEN;

  public boolean isFinished() {
    return this != OPEN;
  }
}
