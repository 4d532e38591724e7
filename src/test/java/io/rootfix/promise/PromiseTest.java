package io.rootfix.promise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rootfix.promise.PromisePolicy.Timers;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A promise and the policy of its watch, without an engine. */
class PromiseTest {

  private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
  private final PromisePolicy policy = new PromisePolicy(Duration.ofDays(1), Duration.ofHours(4));

  @Test
  void aWindowPromiseFallsDueAtTheEndOfItsWindowAndMovesAsAWhole() {
    // "Delivered Friday between 14:00 and 18:00"
    Instant from = Instant.parse("2026-11-27T13:00:00Z");
    Instant until = Instant.parse("2026-11-27T17:00:00Z");
    Promise delivery = new Promise(1L, "RF-2026-000001", PromiseType.DELIVERY, "Delivered Friday 14:00-18:00",
        from, until, "sam", NOW);

    Timers timers = policy.timersFor(NOW, delivery.getDueAt());
    assertThat(timers.dueAt()).isEqualTo(until);
    assertThat(timers.renegotiateAt()).isEqualTo(until.minus(Duration.ofHours(4)));

    delivery.renegotiate(until.plus(Duration.ofDays(3)), "Carrier strike", "sam", NOW, NOW);
    assertThat(delivery.getWindowFrom()).isEqualTo(from.plus(Duration.ofDays(3)));
    assertThat(delivery.getDueAt()).isEqualTo(until.plus(Duration.ofDays(3)));
  }

  @Test
  void keptAfterARenegotiationCountsAsRenegotiatedAndOnlyOnce() {
    Promise callback = new Promise(1L, "RF-2026-000001", PromiseType.CALLBACK, "Call back today", null,
        NOW.plus(Duration.ofHours(8)), "sam", NOW);
    PromiseRenegotiation moved = callback.renegotiate(NOW.plus(Duration.ofDays(1)), "Customer at work", "sam",
        NOW.plus(Duration.ofHours(1)), NOW.plus(Duration.ofHours(1)));
    assertThat(moved.isCustomerToldInTime()).isTrue();

    callback.kept(NOW.plus(Duration.ofHours(20)), "sam");

    assertThat(callback.getState()).isEqualTo(PromiseState.RENEGOTIATED);
    assertThatThrownBy(() -> callback.broken(NOW.plus(Duration.ofDays(2)))).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aRenegotiationAfterTheOldDateIsNotInTime() {
    Promise answer = new Promise(1L, "RF-2026-000001", PromiseType.ANSWER, "Answer by Tuesday", null,
        NOW.plus(Duration.ofHours(2)), "sam", NOW);

    PromiseRenegotiation late = answer.renegotiate(NOW.plus(Duration.ofDays(2)), "Forgot", "sam",
        NOW.plus(Duration.ofHours(3)), NOW.plus(Duration.ofHours(3)));

    assertThat(late.isCustomerToldInTime()).isFalse();
  }

  @Test
  void shortPromisesGetTheirReminderAndRenegotiationWithinTheTimeLeft() {
    Timers twoHours = policy.timersFor(NOW, NOW.plus(Duration.ofHours(2)));

    assertThat(twoHours.remindAt()).isEqualTo(NOW.plus(Duration.ofHours(1)));
    assertThat(twoHours.renegotiateAt()).isEqualTo(NOW.plus(Duration.ofMinutes(90)));
    assertThat(twoHours.remindAt()).isBeforeOrEqualTo(twoHours.renegotiateAt()).isAfter(NOW);
  }
}
