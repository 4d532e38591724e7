package io.rootfix.complaint;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** {@link ComplaintFacts} from the complaint's row. */
@Component
@Transactional(readOnly = true)
class PublishedComplaintFacts implements ComplaintFacts {

  private final ComplaintRepository complaints;

  PublishedComplaintFacts(ComplaintRepository complaints) {
    this.complaints = complaints;
  }

  @Override
  public Facts of(long complaintId) {
    Complaint c = complaints.findById(complaintId)
        .orElseThrow(() -> new IllegalStateException("No complaint with id " + complaintId));
    return new Facts(c.getId(), c.getTrackingNumber(), c.getCustomer() == null ? null : c.getCustomer().getId(),
        c.getOwner(), c.getLanguage(), c.getDesiredOutcome().code(), c.getCategory().code(), c.getClaimedAmount(),
        c.getOrderReference());
  }
}
