package io.rootfix.audit;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

import io.rootfix.web.InvalidInputException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The auditors' page, read-only and rendered on the server from the audit API's services: search closed
 * complaints by tracking number, customer or period, open a trail with the complaint's seal, verify the
 * chain. Every value from the database is HTML-escaped; no script runs on it (see SecurityConfiguration).
 */
@Controller
class AuditPage {

  private final ClosedComplaints closedComplaints;
  private final AuditTrail trail;
  private final AuditFacts facts;
  private final AuditSeals seals;

  AuditPage(ClosedComplaints closedComplaints, AuditTrail trail, AuditFacts facts, AuditSeals seals) {
    this.closedComplaints = closedComplaints;
    this.trail = trail;
    this.facts = facts;
    this.seals = seals;
  }

  @GetMapping("/audit")
  @ResponseBody
  ResponseEntity<String> search(@RequestParam(required = false) String trackingNumber,
      @RequestParam(required = false) String customer, @RequestParam(required = false) String closedFrom,
      @RequestParam(required = false) String closedTo, @RequestParam(required = false) String page) {
    StringBuilder html = new StringBuilder();
    html.append("<h1>Closed complaints</h1>\n");
    html.append("<form method=\"get\" action=\"/audit\" class=\"search\">")
        .append(field("trackingNumber", "Tracking number", "text", trackingNumber))
        .append(field("customer", "Customer (id, name or e-mail)", "text", customer))
        .append(field("closedFrom", "Closed from", "date", closedFrom))
        .append(field("closedTo", "Closed to", "date", closedTo))
        .append("<button type=\"submit\">Search</button></form>\n");
    html.append("<p class=\"links\"><a href=\"/audit/verify\">Verify the chain of seals</a></p>\n");

    ClosedComplaints.Criteria criteria;
    try {
      criteria = AuditQuery.criteria(closedFrom, closedTo, customer, trackingNumber, page, null,
          AuditQuery.DEFAULT_PAGE_SIZE);
    } catch (InvalidInputException e) {
      html.append("<div class=\"error\"><p>Please correct the search:</p><ul>");
      e.getFieldErrors().forEach((name, message) -> html.append("<li>").append(esc(name)).append(' ')
          .append(esc(message)).append("</li>"));
      html.append("</ul></div>\n");
      return page(HttpStatus.BAD_REQUEST, "Audit", html);
    }
    if (criteria.trackingNumber() != null) {
      Optional<AuditFacts.Facts> complaint = facts.of(criteria.trackingNumber());
      html.append(complaint.map(f -> "<p>Complaint " + link(f.trackingNumber()) + " is " + esc(f.state().name())
              + ".</p>\n")
          .orElse("<p>No complaint with tracking number " + esc(criteria.trackingNumber()) + ".</p>\n"));
    }
    ClosedComplaints.Page result = closedComplaints.find(criteria);
    html.append("<p>").append(result.total()).append(result.total() == 1 ? " closed complaint" : " closed complaints");
    if (result.total() > result.complaints().size()) {
      html.append(", ").append(result.page() * result.size() + 1).append('–')
          .append(result.page() * result.size() + result.complaints().size()).append(" shown");
    }
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("trackingNumber", criteria.trackingNumber());
    parameters.put("customer", criteria.customer());
    parameters.put("closedFrom", criteria.closedFrom());
    parameters.put("closedTo", criteria.closedTo());
    String query = query(parameters);
    html.append(". Export: <a href=\"/api/audit/complaints?").append(esc(query)).append("&amp;format=csv&amp;page=")
        .append(result.page()).append("&amp;size=").append(result.size()).append("\">CSV</a>, <a href=\"/api/audit/complaints?")
        .append(esc(query)).append("&amp;page=").append(result.page()).append("&amp;size=").append(result.size())
        .append("\">JSON</a>.</p>\n");
    html.append("<table><thead><tr><th>Tracking number</th><th>Customer</th><th>Received</th><th>Closed</th>"
        + "<th>Days open</th><th>Promises kept / renegotiated / broken</th><th>Remedies</th><th>Reopened</th>"
        + "<th>Root cause</th><th>Fix</th><th>Sealed</th></tr></thead><tbody>\n");
    for (ClosedComplaints.Figures f : result.complaints()) {
      html.append("<tr><td>").append(link(f.trackingNumber())).append("</td><td>").append(esc(f.customerName()))
          .append(f.customerId() == null ? "" : " (" + f.customerId() + ")")
          .append("</td><td>").append(esc(f.receivedAt())).append("</td><td>").append(esc(f.closedAt()))
          .append("</td><td class=\"number\">").append(f.daysOpen())
          .append("</td><td class=\"number\">").append(f.promisesKept()).append(" / ").append(f.promisesRenegotiated())
          .append(" / ").append(f.promisesBroken())
          .append("</td><td class=\"number\">").append(esc(f.remedyTotal().toPlainString()))
          .append("</td><td class=\"number\">").append(f.reopened())
          .append("</td><td>").append(esc(f.rootCause())).append("</td><td>").append(esc(f.fix()))
          .append("</td><td>").append(f.sealed() ? "yes" : "no").append("</td></tr>\n");
    }
    html.append("</tbody></table>\n");
    if (result.total() > (long) (result.page() + 1) * result.size()) {
      html.append("<p><a href=\"/audit?").append(esc(query)).append("&amp;page=").append(result.page() + 1)
          .append("\">Next page</a></p>\n");
    }
    return page(HttpStatus.OK, "Audit", html);
  }

  @GetMapping("/audit/complaints/{trackingNumber}")
  @ResponseBody
  ResponseEntity<String> trail(@PathVariable String trackingNumber) {
    Optional<AuditFacts.Facts> found = facts.of(trackingNumber);
    if (found.isEmpty()) {
      return page(HttpStatus.NOT_FOUND, "Not found", new StringBuilder("<h1>No complaint with tracking number ")
          .append(esc(trackingNumber)).append("</h1>\n<p><a href=\"/audit\">Back to the search</a></p>\n"));
    }
    AuditFacts.Facts f = found.get();
    AuditSeals.SealStatus seal = f.seal();
    StringBuilder html = new StringBuilder();
    html.append("<p class=\"links\"><a href=\"/audit\">Back to the search</a> · <a href=\"/api/audit/complaints/")
        .append(esc(encode(f.trackingNumber()))).append("\">This trail as JSON</a></p>\n");
    html.append("<h1>Complaint ").append(esc(f.trackingNumber())).append("</h1>\n<dl>");
    definition(html, "State", f.state().name());
    definition(html, "Customer", f.customerName() + (f.customerId() == null ? "" : " (" + f.customerId() + ")"));
    definition(html, "Channel and category", f.channel() + ", " + f.category());
    definition(html, "The customer's words", f.description());
    definition(html, "Owner", f.owner());
    definition(html, "Received", f.receivedAt());
    definition(html, "Closed", f.closedAt());
    definition(html, "Closing note", f.closingNote());
    definition(html, "Reopened", f.reopened());
    definition(html, "Merged into", f.mergedInto());
    html.append("</dl>\n<h2>Seal</h2>\n<dl class=\"seal ")
        .append(seal.verification().startsWith("broken") ? "broken" : "ok").append("\">");
    definition(html, "Sealed", seal.sealed() ? "yes, at position " + seal.position() + " of the chain" : "no");
    definition(html, "Verification", seal.verification());
    definition(html, "Sealed at", seal.sealedAt());
    definition(html, "Digest (SHA-256)", seal.digest());
    definition(html, "Previous seal's digest", seal.previousDigest());
    html.append("</dl>\n<h2>Trail</h2>\n<table><thead><tr><th>Time</th><th>Actor</th><th>What</th><th>Details</th></tr>"
        + "</thead><tbody>\n");
    for (AuditEntry entry : trail.of(f.trackingNumber())) {
      html.append("<tr><td>").append(esc(entry.time())).append("</td><td>").append(esc(entry.actor()))
          .append("</td><td>").append(esc(entry.what())).append("</td><td>").append(esc(entry.details()))
          .append("</td></tr>\n");
    }
    html.append("</tbody></table>\n");
    return page(HttpStatus.OK, "Complaint " + f.trackingNumber(), html);
  }

  @GetMapping("/audit/verify")
  @ResponseBody
  ResponseEntity<String> verify() {
    AuditSeals.Verification result = seals.verify();
    StringBuilder html = new StringBuilder("<p class=\"links\"><a href=\"/audit\">Back to the search</a></p>\n");
    html.append("<h1>The chain of seals</h1>\n<dl class=\"seal ").append(result.intact() ? "ok" : "broken").append("\">");
    definition(html, "Result", result.intact() ? "intact: every sealed complaint is as it was sealed" : "broken");
    definition(html, "Seals", result.seals());
    definition(html, "History removed by retention", result.removedByRetention());
    if (!result.intact()) {
      html.append("<dt>First broken</dt><dd>").append(link(result.firstBrokenTrackingNumber()))
          .append(" at position ").append(result.position()).append(": ").append(esc(result.reason())).append("</dd>");
    }
    html.append("</dl>\n");
    return page(HttpStatus.OK, "Seals", html);
  }

  private static ResponseEntity<String> page(HttpStatus status, String title, CharSequence body) {
    String html = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<title>" + esc(title) + " · Rootfix audit</title><link rel=\"stylesheet\" href=\"/audit.css\"></head>\n"
        + "<body><header>Rootfix audit <span>read-only</span></header>\n<main>\n" + body + "</main></body></html>\n";
    return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .body(html);
  }

  private static void definition(StringBuilder html, String term, Object value) {
    html.append("<dt>").append(esc(term)).append("</dt><dd>").append(value == null ? "–" : esc(value)).append("</dd>");
  }

  private static String field(String name, String label, String type, String value) {
    return "<label>" + esc(label) + " <input type=\"" + type + "\" name=\"" + name + "\" value=\""
        + esc(value == null ? "" : value) + "\"></label>";
  }

  private static String link(String trackingNumber) {
    return "<a href=\"/audit/complaints/" + esc(encode(trackingNumber)) + "\">" + esc(trackingNumber) + "</a>";
  }

  private static String query(Map<String, Object> parameters) {
    StringBuilder query = new StringBuilder();
    parameters.entrySet().stream().filter(e -> e.getValue() != null)
        .forEach(e -> query.append(query.isEmpty() ? "" : "&").append(e.getKey()).append('=')
            .append(encode(e.getValue().toString())));
    return query.toString();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String esc(Object value) {
    return value == null ? "" : htmlEscape(Objects.toString(value instanceof Instant i ? i.toString() : value),
        StandardCharsets.UTF_8.name());
  }
}
