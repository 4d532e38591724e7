package io.rootfix.audit;

import io.rootfix.complaint.ComplaintClosedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Seals a complaint once its closing is committed, and sweeps up any seal that failed (e.g. two nodes
 * sealing at once: the chain's unique positions let only one win), so the chain stays in closing order.
 */
@Component
class SealOnClose {

  private static final Logger LOG = LoggerFactory.getLogger(SealOnClose.class);

  private final AuditSeals seals;

  SealOnClose(AuditSeals seals) {
    this.seals = seals;
  }

  /**
   * Complaints closing at once on this node seal one after the other: each sealing appends to the one
   * chain, so two at a time would only make one of them fail on the unique position and redo its work.
   */
  private final Object chain = new Object();

  @TransactionalEventListener
  void closed(ComplaintClosedEvent event) {
    try {
      synchronized (chain) {
        seals.sealClosed();
      }
    } catch (RuntimeException e) {
      LOG.warn("Sealing after closing {} failed; the next sweep seals it: {}", event.trackingNumber(), e.getMessage());
    }
  }

  @Scheduled(fixedDelayString = "${rootfix.audit.seal-sweep:PT5M}", initialDelayString = "${rootfix.audit.seal-sweep:PT5M}")
  void sweep() {
    synchronized (chain) {
      seals.sealClosed();
    }
  }
}
