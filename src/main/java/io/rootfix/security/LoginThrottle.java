package io.rootfix.security;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slows down password guessing per client address and user, so that guessing never locks the account
 * itself: the engine's own lock (one wrong password anywhere delays everyone, ten lock the user for good) is
 * off (LoginThrottleConfiguration). From one address, a user gets {@code freeAttempts} wrong passwords; each
 * further one makes that address wait twice as long as the last before it may try that user again
 * ({@code firstWait}, 2 ×, 4 ×, … at most {@code maxWait}). A right password, or {@code resetAfter} without a
 * wrong one, starts that address's count afresh. Other addresses are not affected: the user, the last admin
 * too, logs in from anywhere else at once. Counts live in memory on each node.
 */
class LoginThrottle {

  private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);

  /** Beyond this many tracked address-user pairs, the stale ones are dropped at once. */
  private static final int PRUNE_ABOVE = 100_000;

  private record Key(String address, String user) {}

  private record Failures(int count, long lastFailure, long waitUntil) {}

  private final SecuritySettings.LoginThrottle settings;
  private final Clock clock;
  private final Map<Key, Failures> failures = new ConcurrentHashMap<>();

  LoginThrottle(SecuritySettings.LoginThrottle settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  /** How long this address must wait before it may try this user's password again; empty: it may now. */
  Optional<Duration> waitFor(String address, String user) {
    Failures known = failures.get(new Key(address, user));
    long now = clock.millis();
    if (known == null || known.waitUntil() <= now) {
      return Optional.empty();
    }
    return Optional.of(Duration.ofMillis(known.waitUntil() - now));
  }

  void failed(String address, String user) {
    long now = clock.millis();
    Failures after = failures.compute(new Key(address, user), (key, before) -> {
      int count = before == null || stale(before, now) ? 1 : before.count() + 1;
      int beyondFree = count - settings.freeAttempts();
      long wait = beyondFree <= 0 ? 0 : waitMillis(beyondFree);
      return new Failures(count, now, now + wait);
    });
    if (after.count() == settings.freeAttempts() + 1) {
      LOG.warn("Login throttled: {} wrong passwords for user '{}' from {}", after.count(), user, address);
    }
    if (failures.size() > PRUNE_ABOVE) {
      failures.values().removeIf(entry -> stale(entry, now));
    }
  }

  void succeeded(String address, String user) {
    failures.remove(new Key(address, user));
  }

  /** firstWait × 2^(n-1), at most maxWait, without overflowing. */
  private long waitMillis(int beyondFree) {
    long max = settings.maxWait().toMillis();
    long wait = settings.firstWait().toMillis();
    for (int i = 1; i < beyondFree && wait < max; i++) {
      wait *= 2;
    }
    return Math.min(wait, max);
  }

  private boolean stale(Failures entry, long now) {
    return entry.waitUntil() <= now && now - entry.lastFailure() >= settings.resetAfter().toMillis();
  }
}
