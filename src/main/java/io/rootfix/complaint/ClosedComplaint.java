package io.rootfix.complaint;

import java.time.Instant;

/**
 * A closed complaint as the auditors' list shows it ({@link Complaints#closed}), a projection.
 *
 * @param customerName the customer on file, or the name given with the complaint
 */
public record ClosedComplaint(Long id, String trackingNumber, Long customerId, String customerName,
    Category category, Channel channel, Instant receivedAt, Instant closedAt, Integer reopened, Long rootCauseId,
    String fixDescription, Boolean oneOff, String oneOffReason, String closingNote) {}
