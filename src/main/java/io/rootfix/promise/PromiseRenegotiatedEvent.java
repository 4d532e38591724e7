package io.rootfix.promise;

import java.time.Instant;

/** Published in the transaction that moved a promise's date, for features that follow the deadline. */
public record PromiseRenegotiatedEvent(Long promiseId, Long complaintId, String trackingNumber, PromiseType type,
    Instant newDueAt) {}
