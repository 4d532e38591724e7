package io.rootfix.reason;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ReasonInsightsController {

  private final ControlledReasons reasons;
  private final RecordedReasonRepository recorded;

  ReasonInsightsController(ControlledReasons reasons, RecordedReasonRepository recorded) {
    this.reasons = reasons;
    this.recorded = recorded;
  }

  record ReasonCount(String code, String label, long count) {}

  record StepCounts(String step, long total, List<ReasonCount> reasons) {}

  record ReasonInsights(Instant from, Instant to, long total, List<StepCounts> steps) {}

  /** How often each reason was given per decision step in [from, to); the period defaults to the last 90 days. */
  @GetMapping("/api/insights/reasons")
  ReasonInsights reasons(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
    Instant until = to != null ? to : Instant.now();
    Instant since = from != null ? from : until.minus(90, ChronoUnit.DAYS);
    Map<String, List<ReasonCount>> byStep = new LinkedHashMap<>();
    Map<String, Map<String, String>> labels = new LinkedHashMap<>();
    for (Object[] row : recorded.countByStepAndCode(since, until)) {
      String step = (String) row[0];
      String code = (String) row[1];
      String label = labels.computeIfAbsent(step, s -> {
        Map<String, String> of = new LinkedHashMap<>();
        reasons.of(s).forEach(r -> of.put(r.code(), r.label()));
        return of;
      }).get(code);
      byStep.computeIfAbsent(step, s -> new ArrayList<>()).add(new ReasonCount(code, label, ((Number) row[2]).longValue()));
    }
    List<StepCounts> steps = byStep.entrySet().stream()
        .map(e -> new StepCounts(e.getKey(), e.getValue().stream().mapToLong(ReasonCount::count).sum(), e.getValue()))
        .toList();
    return new ReasonInsights(since, until, steps.stream().mapToLong(StepCounts::total).sum(), steps);
  }
}
