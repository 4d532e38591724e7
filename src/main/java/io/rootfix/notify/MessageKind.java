package io.rootfix.notify;

/** Why a message goes to the customer. */
public enum MessageKind {
  ACKNOWLEDGEMENT,
  INFORMATION_REQUEST,
  NEW_ANSWER_DATE,
  STATUS_UPDATE,
  REPORT,
  DISPUTES_COMMITTEE,
  CLOSING
}
