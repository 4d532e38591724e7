package io.rootfix.remedy;

/** What the remedy policy (processes/remedy-policy.dmn) grants. */
public enum RemedyType {
  /** Money back, paid through the {@link PaymentGateway}. */
  REFUND,
  /** A new item, shipped through the {@link ShippingService}. */
  REPLACEMENT,
  /** A repair, which the agent arranges on "Patch the symptom". */
  REPAIR,
  /** No remedy: the decision is recorded, nothing is paid or shipped. */
  NONE
}
