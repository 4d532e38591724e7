package io.rootfix.operations;

import io.rootfix.complaint.ComplaintState;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The open complaints by state and the overdue promises, from the same cached figures as the metrics. */
@RestController
class OpenComplaintsController {

  private final BusinessMetrics metrics;

  OpenComplaintsController(BusinessMetrics metrics) {
    this.metrics = metrics;
  }

  /** @param asOf when the figures were read (at most rootfix.metrics.max-age ago) */
  record OpenComplaints(Instant asOf, long open, Map<ComplaintState, Long> byState, long openPromises,
      long overduePromises) {}

  @GetMapping("/api/insights/open-complaints")
  OpenComplaints openComplaints() {
    BusinessMetrics.Figures figures = metrics.current();
    Map<ComplaintState, Long> byState = new LinkedHashMap<>();
    for (ComplaintState state : ComplaintState.values()) {
      if (BusinessMetrics.OPEN_STATES.contains(state)) {
        byState.put(state, figures.openComplaints().getOrDefault(state.name(), 0L));
      }
    }
    return new OpenComplaints(figures.takenAt(), byState.values().stream().mapToLong(Long::longValue).sum(), byState,
        figures.promises().getOrDefault("OPEN", 0L), figures.overduePromises());
  }
}
