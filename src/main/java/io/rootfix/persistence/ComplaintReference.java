package io.rootfix.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * The complaint a promise, message, remedy, reason, attachment, seal or root-cause link belongs to: its id and,
 * so that lists and the audit trail read without a join, its tracking number. Columns {@code complaint_id} and
 * {@code tracking_number} in every table that holds one; a merge moves a reference by replacing it whole.
 *
 * @param id the complaint's id
 * @param trackingNumber the complaint's tracking number ({@code RF-2026-000123})
 */
@Embeddable
public record ComplaintReference(
    @Column(name = "complaint_id") Long id,
    @Column(name = "tracking_number", length = 20) String trackingNumber) {

  /** The id of a reference that may be absent (a reason recorded outside any complaint). */
  public static Long idOf(ComplaintReference reference) {
    return reference == null ? null : reference.id();
  }

  /** The tracking number of a reference that may be absent. */
  public static String trackingNumberOf(ComplaintReference reference) {
    return reference == null ? null : reference.trackingNumber();
  }
}
