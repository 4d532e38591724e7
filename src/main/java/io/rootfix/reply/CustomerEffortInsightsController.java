package io.rootfix.reply;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The customer effort score for who steers the service: how many answered, the average, and how often each score. */
@RestController
class CustomerEffortInsightsController {

  private final CustomerEffortRepository efforts;

  CustomerEffortInsightsController(CustomerEffortRepository efforts) {
    this.efforts = efforts;
  }

  /** @param scores for 1 (very little effort) to 7 (a great deal): how many customers gave it */
  record CustomerEffortInsight(long answered, Double average, Map<Integer, Long> scores) {}

  @GetMapping("/api/insights/customer-effort")
  @Transactional(readOnly = true)
  CustomerEffortInsight customerEffort() {
    Map<Integer, Long> scores = new LinkedHashMap<>();
    for (int score = 1; score <= 7; score++) {
      scores.put(score, 0L);
    }
    long answered = 0;
    long sum = 0;
    for (Object[] row : efforts.countByScore()) {
      int score = ((Number) row[0]).intValue();
      long count = ((Number) row[1]).longValue();
      scores.put(score, count);
      answered += count;
      sum += score * count;
    }
    Double average = answered == 0 ? null : Math.round(10.0 * sum / answered) / 10.0;
    return new CustomerEffortInsight(answered, average, scores);
  }
}
