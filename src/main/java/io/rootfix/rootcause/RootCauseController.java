package io.rootfix.rootcause;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class RootCauseController {

  private final RootCauseService rootCauses;

  RootCauseController(RootCauseService rootCauses) {
    this.rootCauses = rootCauses;
  }

  @GetMapping("/api/root-causes")
  List<RootCauseView> search(@RequestParam(required = false) RootCauseState state,
      @RequestParam(required = false) String category) {
    return rootCauses.search(state, category);
  }

  @GetMapping("/api/root-causes/{id}")
  RootCauseView view(@PathVariable Long id) {
    return rootCauses.view(id);
  }

  /** The Pareto of root causes; the period defaults to the last 90 days. */
  @GetMapping("/api/insights/root-causes")
  RootCauseService.Pareto pareto(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
    Instant until = to != null ? to : Instant.now();
    return rootCauses.pareto(from != null ? from : until.minus(90, ChronoUnit.DAYS), until);
  }
}
