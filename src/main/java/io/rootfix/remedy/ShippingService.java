package io.rootfix.remedy;

/**
 * The port to whatever ships replacements (the warehouse, a fulfilment partner). Called with an idempotency
 * key per remedy; a service must order one shipment per key and answer a repeated call with the first
 * order's reference, so a retry never ships twice.
 */
public interface ShippingService {

  /**
   * Orders the replacement's shipment; returns the shipment order's reference.
   *
   * @param orderReference the customer's order or product, when they gave it
   * @param recipient the complaint's tracking number (the warehouse looks up the address with it)
   */
  String ship(String idempotencyKey, String orderReference, String recipient);
}
