package io.rootfix.promise;

/** A promise of the complaint was made, kept, released, broken or moved to it: what it owes has changed. */
public record OpenPromisesChangedEvent(Long complaintId) {}
