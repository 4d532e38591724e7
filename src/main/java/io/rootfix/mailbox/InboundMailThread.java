package io.rootfix.mailbox;

import io.rootfix.notify.CustomerMailThread;
import java.util.EnumSet;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Tells the outbox which of the customer's e-mails our messages about a complaint answer. */
@Component
class InboundMailThread implements CustomerMailThread {

  private static final EnumSet<InboundMailOutcome> FILED = EnumSet.of(InboundMailOutcome.COMPLAINT,
      InboundMailOutcome.REPEAT_CONTACT, InboundMailOutcome.INFORMATION, InboundMailOutcome.CONFIRMATION);
  /** A References header stays readable: the first mail and the latest few are enough to thread. */
  private static final int MOST = 10;

  private final InboundMailRepository mails;

  InboundMailThread(InboundMailRepository mails) {
    this.mails = mails;
  }

  @Override
  @Transactional(readOnly = true)
  public List<String> customerMessageIds(String trackingNumber) {
    List<String> ids = mails.messageIdsFiledInto(trackingNumber, FILED);
    if (ids.size() <= MOST) {
      return ids;
    }
    List<String> kept = new java.util.ArrayList<>(ids.subList(0, 1));
    kept.addAll(ids.subList(ids.size() - (MOST - 1), ids.size()));
    return kept;
  }
}
