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
  private final AuditSeals seals;

  AuditController(AuditTrail trail, Completeness completeness, AuditSeals seals) {
    this.trail = trail;
    this.completeness = completeness;
    this.seals = seals;
  }

  /** Recomputes the chain of seals: is every closed complaint still as it was sealed? */
  @GetMapping("/api/audit/verify")
  AuditSeals.Verification verify() {
    return seals.verify();
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
