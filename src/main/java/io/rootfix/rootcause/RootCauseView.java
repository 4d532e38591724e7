package io.rootfix.rootcause;

import java.time.Instant;
import java.util.List;

/** A root cause as the API shows it; {@code linkedComplaints} only on the single view. */
public record RootCauseView(Long id, String title, String description, String category, String ownerGroup,
    RootCauseState state, String wontFixReason, Instant fixDeadline, String fixDescription, String fixedBy,
    Instant fixedAt, String verifiedBy, Instant createdAt, String createdBy, long complaints,
    List<LinkedComplaint> linkedComplaints) {

  public record LinkedComplaint(String trackingNumber, Instant linkedAt, String linkedBy, Instant toldAt) {}

  static RootCauseView of(RootCause r, long complaints, List<RootCauseLink> links) {
    return new RootCauseView(r.getId(), r.getTitle(), r.getDescription(), r.getCategory(), r.getOwnerGroup(),
        r.getState(), r.getWontFixReason(), r.getFixDeadline(), r.getFixDescription(), r.getFixedBy(), r.getFixedAt(),
        r.getVerifiedBy(), r.getCreatedAt(), r.getCreatedBy(), complaints,
        links == null ? null : links.stream()
            .map(l -> new LinkedComplaint(l.getTrackingNumber(), l.getLinkedAt(), l.getLinkedBy(), l.getToldAt()))
            .toList());
  }
}
