package io.rootfix.audit;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

import io.rootfix.web.InvalidInputException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
  private final AuditStory story;
  private final AuditPeople people;

  AuditPage(ClosedComplaints closedComplaints, AuditTrail trail, AuditFacts facts, AuditSeals seals, AuditStory story,
      AuditPeople people) {
    this.story = story;
    this.people = people;
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
          .append("</td><td>").append(esc(story.local(f.receivedAt()))).append("</td><td>").append(esc(story.local(f.closedAt())))
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

  /** The complaint's story first; its seal; the full engine trail one click away. */
  @GetMapping("/audit/complaints/{trackingNumber}")
  @ResponseBody
  ResponseEntity<String> story(@PathVariable String trackingNumber) {
    Optional<AuditFacts.Facts> found = facts.of(trackingNumber);
    if (found.isEmpty()) {
      return notFound(trackingNumber);
    }
    AuditFacts.Facts f = found.get();
    AuditStory.Story s = story.of(f.trackingNumber());
    StringBuilder html = new StringBuilder();
    html.append("<p class=\"links\"><a href=\"/audit\">Back to the search</a> · <a href=\"/audit/complaints/")
        .append(esc(encode(f.trackingNumber()))).append("/trail\">The full engine trail</a> · <a href=\"/api/audit/complaints/")
        .append(esc(encode(f.trackingNumber()))).append("/story\">This story as JSON</a></p>\n");
    html.append("<h1>Complaint ").append(esc(f.trackingNumber())).append("</h1>\n<dl>");
    definition(html, "State", AuditStory.words(f.state().name()));
    definition(html, "Customer", s.customer());
    definition(html, "Channel and category", s.channel() + ", " + f.category());
    definition(html, "The customer's words", f.description());
    definition(html, "Owner", f.owner() == null ? null : people.of(List.of(f.owner())).of(f.owner()));
    definition(html, "Received", story.local(f.receivedAt()));
    definition(html, "Closed", story.local(f.closedAt()));
    definition(html, "Closing note", f.closingNote());
    definition(html, "Reopened", f.reopened());
    definition(html, "Merged into", f.mergedInto());
    html.append("</dl>\n<p class=\"note\">Times are local time (").append(esc(s.timeZone())).append(").</p>\n");

    html.append("<h2>What happened</h2>\n<ol class=\"timeline\">\n");
    for (AuditStory.Milestone m : s.timeline()) {
      html.append("<li><time datetime=\"").append(esc(m.at())).append("\">").append(esc(m.localTime()))
          .append("</time> <strong>").append(esc(m.what())).append("</strong> <span class=\"by\">")
          .append(esc(m.by())).append("</span>");
      if (m.details() != null && !m.details().isBlank()) {
        html.append("<p>").append(esc(m.details())).append("</p>");
      }
      html.append("</li>\n");
    }
    html.append("</ol>\n");

    section(html, "Promises", "promises", s.promises(),
        List.of("Promise", "Made", "By", "Due", "How it ended", "When", "Renegotiated"),
        p -> new Object[] {p.type() + ": " + p.text(), p.madeAt(), p.madeBy(), p.dueAt(),
            p.outcome() + (p.endedBy() == null ? "" : ", by " + p.endedBy()), p.endedAt(),
            String.join("; ", p.renegotiations())});
    section(html, "Remedies", "remedies", s.remedies(),
        List.of("Remedy", "Amount", "Outcome", "Policy", "Approved by", "Reference", "Decided", "Executed"),
        r -> new Object[] {r.type(), r.amount() == null ? null : r.currency() + " " + r.amount().toPlainString(),
            r.outcome(), r.policy(), r.approvedBy(), r.reference(), r.decidedAt(), r.executedAt()});
    section(html, "Messages to the customer", "messages", s.messages(),
        List.of("Written", "What", "Channel", "To", "Subject", "Delivery"),
        m -> new Object[] {m.at(), m.kind(), m.channel(), m.recipient(), m.subject(), m.delivery()});
    section(html, "Reasons given", "reasons", s.reasons(), List.of("When", "Decision", "Reason", "Note", "By"),
        r -> new Object[] {r.at(), r.step(), r.reason(), r.note(), r.by()});

    AuditSeals.SealStatus seal = f.seal();
    html.append("<h2>Seal</h2>\n<dl class=\"seal ")
        .append(seal.verification().startsWith("broken") ? "broken" : "ok").append("\">");
    definition(html, "Sealed", seal.sealed() ? "yes, at position " + seal.position() + " of the chain" : "no");
    definition(html, "Verification", seal.verification());
    definition(html, "Sealed at", story.local(seal.sealedAt()));
    definition(html, "Digest (SHA-256)", seal.digest());
    definition(html, "Previous seal's digest", seal.previousDigest());
    html.append("</dl>\n");
    return page(HttpStatus.OK, "Complaint " + f.trackingNumber(), html);
  }

  /**
   * Everything the engine and Rootfix recorded, one line each; the engine's working values (option lists a form
   * offered, emptied values) folded away at the end.
   */
  @GetMapping("/audit/complaints/{trackingNumber}/trail")
  @ResponseBody
  ResponseEntity<String> trail(@PathVariable String trackingNumber) {
    Optional<AuditFacts.Facts> found = facts.of(trackingNumber);
    if (found.isEmpty()) {
      return notFound(trackingNumber);
    }
    String tn = found.get().trackingNumber();
    List<AuditEntry> entries = trail.of(tn);
    AuditPeople.Names names = people.of(entries.stream().map(AuditEntry::actor).toList());
    StringBuilder html = new StringBuilder();
    html.append("<p class=\"links\"><a href=\"/audit/complaints/").append(esc(encode(tn)))
        .append("\">Back to the story</a> · <a href=\"/api/audit/complaints/").append(esc(encode(tn)))
        .append("\">This trail as JSON</a></p>\n");
    html.append("<h1>The full trail of ").append(esc(tn)).append("</h1>\n");
    html.append("<p class=\"note\">Times are local time (").append(esc(story.zone())).append(").</p>\n");
    trailTable(html, entries.stream().filter(e -> !e.internal()).toList(), names);
    List<AuditEntry> internal = entries.stream().filter(AuditEntry::internal).toList();
    if (!internal.isEmpty()) {
      html.append("<details><summary>").append(internal.size())
          .append(" working values of the engine (option lists offered on forms, emptied values)</summary>\n");
      trailTable(html, internal, names);
      html.append("</details>\n");
    }
    return page(HttpStatus.OK, "Trail of " + tn, html);
  }

  private void trailTable(StringBuilder html, List<AuditEntry> entries, AuditPeople.Names names) {
    html.append("<table class=\"trail\"><thead><tr><th>Time</th><th>Who</th><th>What</th><th>Details</th></tr>"
        + "</thead><tbody>\n");
    for (AuditEntry entry : entries) {
      row(html, story.local(entry.time()), names.of(entry.actor()), entry.what(), readable(entry));
    }
    html.append("</tbody></table>\n");
  }

  /** The engine writes a date value as Java prints it ("Thu Dec 10 16:00:00 UTC 2026"). */
  private static final DateTimeFormatter JAVA_DATE = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss zzz yyyy",
      Locale.US);

  /** A moment as Rootfix's records write it into a trail line ("due 2026-12-07T08:05:00Z"). */
  private static final Pattern ISO_INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?Z");

  /**
   * The details as an auditor reads them: moments in local time, and no "delete = true" on a completed task (the
   * engine's note that the task left its runtime tables). The trail itself stays as recorded: it is what is sealed.
   */
  private String readable(AuditEntry entry) {
    String details = ISO_INSTANT.matcher(entry.details())
        .replaceAll(moment -> Matcher.quoteReplacement(story.local(Instant.parse(moment.group()))));
    if (entry.what().startsWith("User operation: Complete") && details.equals("delete = true")) {
      return "";
    }
    if (entry.what().startsWith("Value set: ") && details.matches("\\w{3} \\w{3} \\d{2} [\\d:]{8} \\S+ \\d{4}")) {
      try {
        return story.local(ZonedDateTime.parse(details, JAVA_DATE).toInstant());
      } catch (DateTimeParseException notADate) {
        return details;
      }
    }
    return details;
  }

  private static ResponseEntity<String> notFound(String trackingNumber) {
    return page(HttpStatus.NOT_FOUND, "Not found", new StringBuilder("<h1>No complaint with tracking number ")
        .append(esc(trackingNumber)).append("</h1>\n<p><a href=\"/audit\">Back to the search</a></p>\n"));
  }

  /** One part of the story as a table with an id (the browser test reads it), or "None." */
  private static <T> void section(StringBuilder html, String title, String id, List<T> lines, List<String> headers,
      Function<T, Object[]> cells) {
    html.append("<h2>").append(esc(title)).append("</h2>\n");
    if (lines.isEmpty()) {
      html.append("<p>None.</p>\n");
      return;
    }
    html.append("<table id=\"").append(id).append("\"><thead><tr>");
    headers.forEach(header -> html.append("<th>").append(esc(header)).append("</th>"));
    html.append("</tr></thead><tbody>\n");
    lines.forEach(line -> row(html, cells.apply(line)));
    html.append("</tbody></table>\n");
  }

  private static void row(StringBuilder html, Object... cells) {
    html.append("<tr>");
    for (Object cell : cells) {
      html.append("<td>").append(cell == null || cell.toString().isBlank() ? "–" : esc(cell)).append("</td>");
    }
    html.append("</tr>\n");
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
