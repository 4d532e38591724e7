package io.rootfix.audit;

import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the engine keeps a finished instance's history ({@code rootfix.history.time-to-live}, env
 * {@code ROOTFIX_HISTORY_TIME_TO_LIVE}; default seven years). It applies to every model, whatever the
 * model's own {@code historyTimeToLive} says, so retention is one decision of the operator.
 *
 * <p>{@code rootfix.history.removal-margin} (env {@code ROOTFIX_HISTORY_REMOVAL_MARGIN}; default 30 days): the removal
 * time is fixed when an instance starts, at start + time to live + this margin, and written once with each history row
 * ({@link RemovalTimeAtStart}); only an instance that ends outside that margin has it moved to end + time to live. So a
 * finished instance's history is kept for the time to live after its end, and at most the margin longer. {@code P0D}
 * moves it at every end, as the engine does by default.
 */
@ConfigurationProperties("rootfix.history")
public record HistoryRetention(@DefaultValue("P2555D") Duration timeToLive,
    @DefaultValue("P30D") Duration removalMargin) {

  public HistoryRetention {
    if (timeToLive.isNegative() || timeToLive.toDays() < 1 || !wholeDays(timeToLive)) {
      // The engine counts history time to live in whole days.
      throw new IllegalArgumentException(
          "rootfix.history.time-to-live must be a whole number of days (like P2555D), not " + timeToLive);
    }
    if (removalMargin.isNegative() || !wholeDays(removalMargin)) {
      throw new IllegalArgumentException("rootfix.history.removal-margin must be a whole number of days, zero or more "
          + "(like P30D), not " + removalMargin);
    }
  }

  private static boolean wholeDays(Duration duration) {
    return duration.equals(Duration.ofDays(duration.toDays()));
  }

  /** The engine's unit: whole days. */
  public int days() {
    return Math.toIntExact(timeToLive.toDays());
  }

  /** The margin in whole days. */
  public int marginDays() {
    return Math.toIntExact(removalMargin.toDays());
  }

  /** Whether the history of a complaint closed at this moment may be gone by now. */
  boolean expired(Instant closedAt, Instant now) {
    return closedAt != null && !closedAt.plus(timeToLive).isAfter(now);
  }
}
