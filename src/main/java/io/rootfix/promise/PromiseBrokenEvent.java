package io.rootfix.promise;

import java.time.Instant;

/** Published in the transaction that marked a promise broken, so the customer hears it from us first. */
public record PromiseBrokenEvent(Long promiseId, Long complaintId, String trackingNumber, PromiseType type,
    String promiseText, Instant dueAt) {}
