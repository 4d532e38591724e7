package io.rootfix.promise;

/**
 * The queue a complaint's tasks are offered to (its routing, complaint.bpmn): a promise's "Renegotiate in time" is
 * offered to the same agents, so a wave of renegotiations does not fill every agent's Tasklist.
 */
public interface ComplaintQueue {

  /** The candidate group of the complaint with this tracking number: its queue, or service-agents without one. */
  String of(String trackingNumber);
}
