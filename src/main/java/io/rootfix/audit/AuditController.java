package io.rootfix.audit;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** For auditors (and admins): the trail of a complaint and the check that nothing disappears. */
@RestController
class AuditController {

  private final AuditTrail trail;
  private final Completeness completeness;

  AuditController(AuditTrail trail, Completeness completeness) {
    this.trail = trail;
    this.completeness = completeness;
  }

  @GetMapping("/api/audit/complaints/{trackingNumber}")
  List<AuditEntry> trail(@PathVariable String trackingNumber) {
    return trail.of(trackingNumber);
  }

  @GetMapping("/api/audit/completeness")
  Completeness.Report completeness() {
    return completeness.check();
  }
}
