package io.rootfix.notify;

/** Why a message goes to the customer. */
public enum MessageKind {
  ACKNOWLEDGEMENT,
  INFORMATION_REQUEST,
  NEW_ANSWER_DATE,
  /** A promise's date moved, as agreed with the customer: the new date in writing. */
  PROMISE_RENEGOTIATED,
  /** A promise broke: an apology and what happens now. */
  BROKEN_PROMISE_APOLOGY,
  /** The complaint closed without some promises: which no longer hold, and why. */
  PROMISE_RELEASED,
  STATUS_UPDATE,
  REPORT,
  DISPUTES_COMMITTEE,
  CLOSING
}
