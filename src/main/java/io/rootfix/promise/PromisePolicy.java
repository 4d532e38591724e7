package io.rootfix.promise;

import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * When the watch acts before a deadline: the reminder at most {@code remind-before} ahead (default one
 * day), the renegotiation task at most {@code renegotiate-before} ahead (default four hours). For short
 * promises ("I'll call you back within two hours") both shrink to a share of the time left, so the
 * reminder never comes before the promise is made.
 */
@Component
public class PromisePolicy {

  private final Duration remindBefore;
  private final Duration renegotiateBefore;

  @Autowired
  public PromisePolicy(PromiseSettings settings) {
    this(settings.remindBefore(), settings.renegotiateBefore());
  }

  public PromisePolicy(Duration remindBefore, Duration renegotiateBefore) {
    this.remindBefore = remindBefore;
    this.renegotiateBefore = renegotiateBefore;
  }

  public Timers timersFor(Instant now, Instant dueAt) {
    Duration left = Duration.between(now, dueAt);
    if (left.isNegative()) {
      left = Duration.ZERO;
    }
    Instant renegotiateAt = dueAt.minus(min(renegotiateBefore, left.dividedBy(4)));
    Instant remindAt = dueAt.minus(min(remindBefore, left.dividedBy(2)));
    return new Timers(remindAt, renegotiateAt, dueAt);
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  /** Always remindAt ≤ renegotiateAt ≤ dueAt. */
  public record Timers(Instant remindAt, Instant renegotiateAt, Instant dueAt) {}
}
