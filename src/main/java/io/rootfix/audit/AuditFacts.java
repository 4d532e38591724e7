package io.rootfix.audit;

import io.rootfix.complaint.ComplaintRecord;
import io.rootfix.complaint.Complaints;
import io.rootfix.complaint.ComplaintState;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the audit page shows at the top of a trail: the complaint's facts and its seal. */
@Service
@Transactional(readOnly = true)
class AuditFacts {

  record Facts(String trackingNumber, ComplaintState state, String customerName, Long customerId, String channel,
      String category, String description, String owner, Instant receivedAt, Instant closedAt, String closingNote,
      int reopened, String mergedInto, AuditSeals.SealStatus seal) {}

  private final Complaints complaints;
  private final AuditSeals seals;

  AuditFacts(Complaints complaints, AuditSeals seals) {
    this.complaints = complaints;
    this.seals = seals;
  }

  /** The complaint with exactly this tracking number (a merged one too: auditors see it as it is). */
  Optional<Facts> of(String trackingNumber) {
    return complaints.recordExactly(trackingNumber).map(this::facts);
  }

  private Facts facts(ComplaintRecord c) {
    return new Facts(c.trackingNumber(), c.state(), c.customerName(), c.customerId(), c.channel().code(),
        c.category().code(), c.description(), c.owner(), c.createdAt(), c.closedAt(), c.closingNote(),
        c.reopenCount(), c.mergedInto(), seals.status(c));
  }
}
