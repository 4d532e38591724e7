package io.rootfix.notify;

/** Why a message goes to the customer. */
public enum MessageKind {
  ACKNOWLEDGEMENT,
  REPORT,
  DISPUTES_COMMITTEE,
  CLOSING
}
