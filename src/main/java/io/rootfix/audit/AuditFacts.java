package io.rootfix.audit;

import io.rootfix.complaint.Complaint;
import io.rootfix.complaint.ComplaintRepository;
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

  private final ComplaintRepository complaints;
  private final AuditSeals seals;

  AuditFacts(ComplaintRepository complaints, AuditSeals seals) {
    this.complaints = complaints;
    this.seals = seals;
  }

  /** The complaint with exactly this tracking number (a merged one too: auditors see it as it is). */
  Optional<Facts> of(String trackingNumber) {
    return complaints.findByTrackingNumber(trackingNumber).map(this::facts);
  }

  private Facts facts(Complaint c) {
    return new Facts(c.getTrackingNumber(), c.getState(),
        c.getCustomer() == null ? c.getContactName() : c.getCustomer().getName(),
        c.getCustomer() == null ? null : c.getCustomer().getId(), c.getChannel().code(), c.getCategory().code(),
        c.getDescription(), c.getOwner(), c.getCreatedAt(), c.getClosedAt(), c.getClosingNote(), c.getReopenCount(),
        c.getMergedInto(), seals.status(c));
  }
}
