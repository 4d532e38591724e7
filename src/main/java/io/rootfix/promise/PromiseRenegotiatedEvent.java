package io.rootfix.promise;

import java.time.Instant;

/**
 * Published in the transaction that moved a promise's date, for features that follow the deadline.
 *
 * @param renegotiatedBy the agent who agreed the new date with the customer; null when the date moved by
 *     itself (the time waited for the customer's information)
 */
public record PromiseRenegotiatedEvent(Long promiseId, Long complaintId, String trackingNumber, PromiseType type,
    String promiseText, Instant oldDueAt, Instant newDueAt, String reason, String renegotiatedBy) {}
