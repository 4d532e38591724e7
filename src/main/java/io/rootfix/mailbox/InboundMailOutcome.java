package io.rootfix.mailbox;

/** What became of an e-mail the mailbox received. */
public enum InboundMailOutcome {
  /** A new complaint. */
  COMPLAINT,
  /** Joined the customer's open complaint about the same matter. */
  REPEAT_CONTACT,
  /** The customer's answer to our question. */
  INFORMATION,
  /** The customer's word on our report: resolved or not. */
  CONFIRMATION,
  /** An auto-reply, a bounce, a mailing list or a loop: never a complaint (see the reason). */
  IGNORED,
  /** An agent reads it: it could not be read or filed, or it may not be applied as it is (see the reason). */
  FOR_AGENT
}
