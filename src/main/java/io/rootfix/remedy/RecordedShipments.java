package io.rootfix.remedy;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The built-in shipping service: records each shipment order in the database (table shipment_order) and
 * returns its reference. It commits on its own, as an external service would; the idempotency key
 * (unique) makes a retry find the first order instead of shipping again.
 */
@Component
class RecordedShipments implements ShippingService {

  private final ShipmentOrderRepository orders;
  private final Clock clock;

  RecordedShipments(ShipmentOrderRepository orders, Clock clock) {
    this.orders = orders;
    this.clock = clock;
  }

  @Override
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public String ship(String idempotencyKey, String orderReference, String recipient) {
    return orders.findByIdempotencyKey(idempotencyKey)
        .orElseGet(() -> orders.saveAndFlush(new ShipmentOrder(idempotencyKey, "SHIP-" + UUID.randomUUID(),
            orderReference, recipient, Instant.now(clock))))
        .getReference();
  }
}
