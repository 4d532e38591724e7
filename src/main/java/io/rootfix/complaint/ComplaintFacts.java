package io.rootfix.complaint;

import io.rootfix.notify.Language;
import java.math.BigDecimal;

/**
 * What other features may read of a complaint, published so they need neither its entity nor its repository: the
 * remedy asks for the facts its policy, ledger and promises need. The complaint side implements it.
 */
public interface ComplaintFacts {

  /** The complaint as the remedy sees it; codes, not the complaint's enums. */
  record Facts(long complaintId, String trackingNumber, Long customerId, String owner, Language language,
      String desiredOutcome, String category, BigDecimal claimedAmount, String orderReference) {}

  /** The complaint with this id; an IllegalStateException when there is none (a process names only real ones). */
  Facts of(long complaintId);
}
