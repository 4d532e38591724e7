package io.rootfix.complaint;

/** Published in the transaction that closes a complaint. */
public record ComplaintClosedEvent(Long complaintId, String trackingNumber) {}
