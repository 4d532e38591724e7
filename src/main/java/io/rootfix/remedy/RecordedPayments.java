package io.rootfix.remedy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The built-in payment gateway: records each payout in the database (table payout) and returns its
 * reference. Like an external gateway it commits on its own (a new transaction): a payout survives a
 * rollback of the caller's transaction, and the idempotency key (unique) makes the retry find it.
 */
@Component
class RecordedPayments implements PaymentGateway {

  private final PayoutRepository payouts;
  private final Clock clock;

  RecordedPayments(PayoutRepository payouts, Clock clock) {
    this.payouts = payouts;
    this.clock = clock;
  }

  @Override
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public String pay(String idempotencyKey, BigDecimal amount, String currency, String beneficiary) {
    return payouts.findByIdempotencyKey(idempotencyKey)
        .orElseGet(() -> payouts.saveAndFlush(new Payout(idempotencyKey, "PAY-" + UUID.randomUUID(), amount, currency,
            beneficiary, Instant.now(clock))))
        .getReference();
  }
}
