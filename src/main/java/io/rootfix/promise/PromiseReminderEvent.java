package io.rootfix.promise;

import java.time.Instant;

/** The reminder of a promise is due: its owner should act on the complaint now. */
public record PromiseReminderEvent(Long promiseId, String trackingNumber, Instant dueAt) {}
