package io.rootfix.remedy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What remedies cost in a period (paid or shipped in it): the total, and per type its count, amount and share
 * of the total (absent while the total is 0).
 */
public record RemedyInsights(Instant from, Instant to, String currency, long remedies, BigDecimal totalCost,
    List<ByType> byType) {

  public record ByType(RemedyType type, long count, BigDecimal cost, Double shareOfTotal) {}
}
