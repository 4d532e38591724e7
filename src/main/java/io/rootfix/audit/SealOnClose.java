package io.rootfix.audit;

import io.rootfix.complaint.ComplaintClosedEvent;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Seals a complaint once its closing is committed, and sweeps up any seal that failed (e.g. the
 * database was briefly unreachable), so the chain stays in closing order.
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
   * Nobody waits for the lock (a closing job still holds its connection here, and waiting job threads
   * could hold every connection of the pool): whoever finds it taken leaves a note, and the sealer
   * seals once more before it lets go, so every closed complaint is sealed.
   */
  private final ReentrantLock chain = new ReentrantLock();
  private final AtomicBoolean more = new AtomicBoolean();

  @TransactionalEventListener
  void closed(ComplaintClosedEvent event) {
    try {
      sealAll();
    } catch (RuntimeException e) {
      LOG.warn("Sealing after closing {} failed; the next sweep seals it: {}", event.trackingNumber(), e.getMessage());
    }
  }

  private void sealAll() {
    more.set(true);
    while (more.get() && chain.tryLock()) {
      try {
        more.set(false);
        seals.sealClosed();
      } finally {
        chain.unlock();
      }
    }
  }

  @Scheduled(fixedDelayString = "${rootfix.audit.seal-sweep:PT5M}", initialDelayString = "${rootfix.audit.seal-sweep:PT5M}")
  void sweep() {
    sealAll();
  }
}
