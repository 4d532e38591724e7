package io.rootfix.remedy;

import io.rootfix.persistence.SequencedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import java.math.BigDecimal;
import java.time.Instant;

/** A payout of the built-in payment gateway: one per idempotency key (a unique constraint). */
@Entity
public class Payout extends SequencedEntity {

  @Column(nullable = false, unique = true, length = 64)
  private String idempotencyKey;

  @Column(nullable = false, unique = true, length = 64)
  private String reference;

  @Column(nullable = false, precision = 19, scale = 2)
  private BigDecimal amount;

  @Column(nullable = false, length = 3)
  private String currency;

  @Column(nullable = false, length = 64)
  private String beneficiary;

  @Column(nullable = false)
  private Instant paidAt;

  protected Payout() {}

  Payout(String idempotencyKey, String reference, BigDecimal amount, String currency, String beneficiary,
      Instant paidAt) {
    this.idempotencyKey = idempotencyKey;
    this.reference = reference;
    this.amount = amount;
    this.currency = currency;
    this.beneficiary = beneficiary;
    this.paidAt = paidAt;
  }

  public String getIdempotencyKey() {
    return idempotencyKey;
  }

  public String getReference() {
    return reference;
  }

  public BigDecimal getAmount() {
    return amount;
  }
}
