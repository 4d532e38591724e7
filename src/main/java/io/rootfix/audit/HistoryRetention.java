package io.rootfix.audit;

import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the engine keeps a finished instance's history ({@code rootfix.history.time-to-live}, env
 * {@code ROOTFIX_HISTORY_TIME_TO_LIVE}; default seven years). It applies to every model, whatever the
 * model's own {@code historyTimeToLive} says, so retention is one decision of the operator.
 */
@ConfigurationProperties("rootfix.history")
public record HistoryRetention(@DefaultValue("P2555D") Duration timeToLive) {

  public HistoryRetention {
    if (timeToLive.isNegative() || timeToLive.toDays() < 1 || !timeToLive.equals(Duration.ofDays(timeToLive.toDays()))) {
      // The engine counts history time to live in whole days.
      throw new IllegalArgumentException("rootfix.history.time-to-live must be a whole number of days (like P2555D), not "
          + timeToLive);
    }
  }

  /** The engine's unit: whole days. */
  public int days() {
    return Math.toIntExact(timeToLive.toDays());
  }

  /** Whether the history of a complaint closed at this moment may be gone by now. */
  boolean expired(Instant closedAt, Instant now) {
    return closedAt != null && !closedAt.plus(timeToLive).isAfter(now);
  }
}
