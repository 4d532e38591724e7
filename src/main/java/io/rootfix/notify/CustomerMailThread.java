package io.rootfix.notify;

import java.util.List;

/**
 * The customer's own e-mails about a complaint, so that what we send them threads under what they wrote. The
 * support mailbox knows them ({@code io.rootfix.mailbox}); the outbox only asks.
 */
public interface CustomerMailThread {

  /** The {@code Message-ID}s of the customer's e-mails about this complaint, oldest first; empty when none came. */
  List<String> customerMessageIds(String trackingNumber);
}
