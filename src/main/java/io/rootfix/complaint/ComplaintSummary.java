package io.rootfix.complaint;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A complaint as other features see it in passing (its status page, a mail that refers to it, the files kept with
 * it): read in one query as a projection, never the entity. The customer's e-mail address and phone number are the
 * ones on file, next to the ones given with the complaint.
 *
 * @param customerId null when no customer was recognised
 * @param mergedInto the tracking number it was merged into, or null
 */
public record ComplaintSummary(Long id, String trackingNumber, ComplaintState state, Category category,
    String processInstanceId, Long customerId, String contactName, String contactEmail, String contactPhone,
    String customerEmail, String customerPhone, Instant createdAt, LocalDate agreedAnswerDate, Instant closedAt,
    Long rootCauseId, String mergedInto) {

  /** The JPQL select list of this record over {@code Complaint c left join c.customer cu}. */
  static final String SELECT = """
      select new io.rootfix.complaint.ComplaintSummary(c.id, c.trackingNumber, c.state, c.category,
        c.processInstanceId, cu.id, c.contactName, c.contactEmail, c.contactPhone, cu.email, cu.phone, c.createdAt,
        c.agreedAnswerDate, c.closedAt, c.rootCauseId, c.mergedInto)
      from Complaint c left join c.customer cu""";

  public boolean isOpen() {
    return state != ComplaintState.CLOSED && state != ComplaintState.MERGED;
  }
}
