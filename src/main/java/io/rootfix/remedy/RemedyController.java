package io.rootfix.remedy;

import io.rootfix.complaint.ComplaintService;
import io.rootfix.web.InvalidInputException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class RemedyController {

  private final RemedyService remedies;
  private final ComplaintService complaints;
  private final Clock clock;

  RemedyController(RemedyService remedies, ComplaintService complaints, Clock clock) {
    this.remedies = remedies;
    this.complaints = complaints;
    this.clock = clock;
  }

  /** A complaint's remedies in the ledger: decision, approval, execution and the external reference. */
  @GetMapping("/api/complaints/{trackingNumber}/remedies")
  List<RemedyView> ofComplaint(@PathVariable String trackingNumber) {
    // A merged complaint's number leads to the one that goes on; an unknown number is a 404.
    return remedies.ofComplaint(complaints.byTrackingNumber(trackingNumber).getTrackingNumber());
  }

  /**
   * What remedies paid or shipped in the period cost, by type, with each type's share of the period's total;
   * the period defaults to the last 90 days.
   */
  @GetMapping("/api/insights/remedies")
  RemedyInsights insights(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
    Instant until = to != null ? to : Instant.now(clock);
    Instant since = from != null ? from : until.minus(90, ChronoUnit.DAYS);
    if (!since.isBefore(until)) {
      throw InvalidInputException.of("from", "must be before to");
    }
    return remedies.insights(since, until);
  }
}
