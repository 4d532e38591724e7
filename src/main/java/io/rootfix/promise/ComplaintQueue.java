package io.rootfix.promise;

/**
 * Who works a complaint: the queue its tasks are offered to (its routing, complaint.bpmn) and its owner. A promise's
 * "Renegotiate in time" is offered to the same agents, so a wave of renegotiations does not fill every agent's
 * Tasklist, and assigned to the complaint's owner as they are when it falls due, not as they were when it was made.
 */
public interface ComplaintQueue {

  /** The candidate group of the complaint with this tracking number: its queue, or service-agents without one. */
  String of(String trackingNumber);

  /** The owner of the complaint with this tracking number (who agreed its expectation); null before there is one. */
  String ownerOf(String trackingNumber);
}
