package io.rootfix.complaint;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ContactInsightsController {

  private final RepeatContacts repeatContacts;
  private final FirstTimeRight firstTimeRight;

  ContactInsightsController(RepeatContacts repeatContacts, FirstTimeRight firstTimeRight) {
    this.repeatContacts = repeatContacts;
    this.firstTimeRight = firstTimeRight;
  }

  /**
   * The share of complaints closed in [from, to) without a reopen or a repeat contact after the answer, by category
   * and by whether the answer was reviewed; the period defaults to the last 90 days.
   */
  @GetMapping("/api/insights/first-time-right")
  FirstTimeRight.Report firstTimeRight(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
    Instant until = to != null ? to : Instant.now();
    return firstTimeRight.report(from != null ? from : until.minus(90, ChronoUnit.DAYS), until);
  }

  /** First-contact resolution and the repeat-contact rate, over every complaint so far. */
  @GetMapping("/api/insights/contacts")
  RepeatContacts.ContactInsights insights() {
    return repeatContacts.insights();
  }
}
