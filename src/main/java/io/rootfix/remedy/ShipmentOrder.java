package io.rootfix.remedy;

import io.rootfix.persistence.SequencedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import java.time.Instant;

/** A shipment order of the built-in shipping service: one per idempotency key (a unique constraint). */
@Entity
public class ShipmentOrder extends SequencedEntity {

  @Column(nullable = false, unique = true, length = 64)
  private String idempotencyKey;

  @Column(nullable = false, unique = true, length = 64)
  private String reference;

  @Column(length = 100)
  private String orderReference;

  @Column(nullable = false, length = 64)
  private String recipient;

  @Column(nullable = false)
  private Instant orderedAt;

  protected ShipmentOrder() {}

  ShipmentOrder(String idempotencyKey, String reference, String orderReference, String recipient, Instant orderedAt) {
    this.idempotencyKey = idempotencyKey;
    this.reference = reference;
    this.orderReference = orderReference;
    this.recipient = recipient;
    this.orderedAt = orderedAt;
  }

  public String getIdempotencyKey() {
    return idempotencyKey;
  }

  public String getReference() {
    return reference;
  }
}
