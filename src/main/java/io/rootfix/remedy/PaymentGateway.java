package io.rootfix.remedy;

import java.math.BigDecimal;

/**
 * The port to whatever pays customers (a payment service provider, the bank). Rootfix calls it with an
 * idempotency key per remedy; a gateway must pay once per key and answer a repeated call with the
 * reference of the first payout, so a retry after a failure or a crash never pays twice.
 */
public interface PaymentGateway {

  /**
   * Pays the amount to the customer of the complaint; returns the payout's reference.
   *
   * @param idempotencyKey the same for every attempt at one remedy
   * @param beneficiary the complaint's tracking number (the payout's description for the customer)
   */
  String pay(String idempotencyKey, BigDecimal amount, String currency, String beneficiary);
}
