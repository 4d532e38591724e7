package io.rootfix.audit;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** For auditors (and admins): the trail of a complaint and the check that nothing disappears. */
@RestController
class AuditController {

  static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

  private final AuditTrail trail;
  private final AuditStory story;
  private final Completeness completeness;
  private final AuditSeals seals;
  private final ClosedComplaints closedComplaints;

  AuditController(AuditTrail trail, AuditStory story, Completeness completeness, AuditSeals seals,
      ClosedComplaints closedComplaints) {
    this.trail = trail;
    this.story = story;
    this.completeness = completeness;
    this.seals = seals;
    this.closedComplaints = closedComplaints;
  }

  /** Recomputes the chain of seals: is every closed complaint still as it was sealed? */
  @GetMapping("/api/audit/verify")
  AuditSeals.Verification verify() {
    return seals.verify();
  }

  /**
   * Closed complaints with their key figures, oldest closing first, {@code size} (at most
   * {@value ClosedComplaints#MAX_PAGE_SIZE}) per page. JSON, or CSV with {@code format=csv} or
   * {@code Accept: text/csv}.
   */
  @GetMapping("/api/audit/complaints")
  ResponseEntity<?> closedComplaints(@RequestParam(required = false) String closedFrom,
      @RequestParam(required = false) String closedTo, @RequestParam(required = false) String customer,
      @RequestParam(required = false) String trackingNumber, @RequestParam(required = false) String page,
      @RequestParam(required = false) String size, @RequestParam(required = false) String format,
      @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
    boolean csv = wantsCsv(format, accept);
    ClosedComplaints.Page result = closedComplaints.find(AuditQuery.criteria(closedFrom, closedTo, customer,
        trackingNumber, page, size, AuditQuery.DEFAULT_PAGE_SIZE));
    if (!csv) {
      return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(result);
    }
    String filename = "closed-complaints"
        + (result.closedFrom() == null ? "" : "-from-" + result.closedFrom())
        + (result.closedTo() == null ? "" : "-to-" + result.closedTo())
        + (result.page() == 0 ? "" : "-page-" + result.page()) + ".csv";
    return ResponseEntity.ok()
        .contentType(TEXT_CSV)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
        .header("X-Total-Count", String.valueOf(result.total()))
        .body(ClosedComplaintsCsv.write(result.complaints()));
  }

  private static boolean wantsCsv(String format, String accept) {
    if (format != null && !format.isBlank()) {
      return switch (format.trim().toLowerCase()) {
        case "csv" -> true;
        case "json" -> false;
        default -> throw io.rootfix.web.InvalidInputException.of("format", "must be json or csv");
      };
    }
    if (accept == null) {
      return false;
    }
    // The first of text/csv and JSON the caller names wins; wildcards mean JSON.
    try {
      for (MediaType type : MediaType.parseMediaTypes(accept)) {
        if (!type.isWildcardSubtype() && type.isCompatibleWith(TEXT_CSV)) {
          return true;
        }
        if (!type.isWildcardSubtype() && type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
          return false;
        }
      }
    } catch (org.springframework.http.InvalidMediaTypeException e) {
      return false;
    }
    return false;
  }

  @GetMapping("/api/audit/complaints/{trackingNumber}")
  List<AuditEntry> trail(@PathVariable String trackingNumber) {
    return trail.of(trackingNumber);
  }

  /** The complaint's story: milestones in local time with who did each, promises, remedies, messages, reasons. */
  @GetMapping("/api/audit/complaints/{trackingNumber}/story")
  AuditStory.Story story(@PathVariable String trackingNumber) {
    return story.of(trackingNumber);
  }

  @GetMapping("/api/audit/completeness")
  Completeness.Report completeness() {
    return completeness.check();
  }
}
