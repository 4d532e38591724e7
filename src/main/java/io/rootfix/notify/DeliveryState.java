package io.rootfix.notify;

/** Where a message to the customer is on its way out. */
public enum DeliveryState {
  /** An e-mail waiting for the sender (again, after a failed attempt, from {@code nextAttemptAt}). */
  PENDING,
  /** Claimed by a sender that is handing it to the mail server right now. */
  SENDING,
  SENT,
  /**
   * For an agent to send by hand: a call, a letter, a chat or social-media message, or an e-mail the sender
   * gave up on or may have sent already (see {@code failure}).
   */
  FOR_AGENT
}
