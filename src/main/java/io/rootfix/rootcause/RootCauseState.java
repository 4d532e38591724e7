package io.rootfix.rootcause;

/** Where a root cause stands. */
public enum RootCauseState {
  INVESTIGATING,
  FIX_IN_PROGRESS,
  FIXED,
  WONT_FIX;

  /** Fixed, or decided not to fix: its complaints need not wait any longer. */
  public boolean isSettled() {
    return this == FIXED || this == WONT_FIX;
  }
}
