package io.rootfix.complain;

import static io.rootfix.complain.ComplainTexts.text;
import static org.springframework.web.util.HtmlUtils.htmlEscape;

import io.rootfix.attachment.AttachmentCheck;
import io.rootfix.attachment.AttachmentIntake;
import io.rootfix.attachment.IncomingFile;
import io.rootfix.complaint.Channel;
import io.rootfix.complaint.ComplaintApi;
import io.rootfix.complaint.IntakeForm;
import io.rootfix.web.InvalidInputException;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public complaint page ({@code /complain}), Dutch and English: a plain HTML form rendered here, so it works
 * without script, with the intake's own validation (errors next to their fields and in a summary), photos, and a
 * thank-you page with the tracking number. It files through the same intake as the API ({@link AttachmentIntake}).
 */
@RestController
class ComplainPage {

  static final String PATH = "/complain";
  private static final List<String> FIELDS = List.of("customerName", "customerEmail", "customerPhone", "category",
      "description", "desiredOutcome", "wantedAnswerDate", "orderReference");
  private static final List<String> CATEGORIES = List.of("delivery", "product", "billing", "service", "other");
  private static final List<String> OUTCOMES = List.of("answer", "repair", "refund", "replacement");

  private final AttachmentIntake intake;
  private final AttachmentCheck check;

  ComplainPage(AttachmentIntake intake, AttachmentCheck check) {
    this.intake = intake;
    this.check = check;
  }

  @GetMapping(PATH)
  ResponseEntity<String> form(@RequestParam(required = false) String lang,
      @RequestHeader(value = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
    return page(HttpStatus.OK, PageLanguage.of(lang, acceptLanguage), Map.of(), Map.of(), text(PageLanguage.of(lang, acceptLanguage), "title"));
  }

  @PostMapping(path = PATH, consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<String> file(HttpServletRequest request) throws IOException, ServletException {
    PageLanguage language = PageLanguage.of(request.getParameter("lang"), request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
    Map<String, String> values = new LinkedHashMap<>();
    FIELDS.forEach(field -> values.put(field, blankToNull(request.getParameter(field))));
    IntakeForm form = new IntakeForm(values.get("customerName"), values.get("customerEmail"),
        values.get("customerPhone"), null, null, Channel.WEB.code(), values.get("category"), values.get("description"),
        values.get("desiredOutcome"), values.get("wantedAnswerDate"), null, null, values.get("orderReference"), null,
        language.code()); // the page's language is the one the customer is answered in
    List<IncomingFile> files = IncomingFile.fromParts(request, "files");

    Map<String, String> errors = new LinkedHashMap<>();
    intake.fieldErrors(form).forEach((field, message) -> errors.put(field, fieldError(language, field, message)));
    check.check(files, 0).refused().forEach(refused -> errors.merge("files", ComplainTexts.fileError(language, refused,
        AttachmentCheck.readable(check.settings().maxFileSize().toBytes()),
        AttachmentCheck.readable(check.settings().maxPerComplaint().toBytes())), (a, b) -> a + " " + b));
    if (errors.isEmpty()) {
      try {
        ComplaintApi.Received received = intake.receive(form, files, "web");
        // Post, redirect, get: reloading the thank-you page files nothing twice.
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(PATH + "/thanks?number="
            + received.trackingNumber() + "&lang=" + language.code() + (received.repeatContact() ? "&repeat=1" : "")))
            .build();
      } catch (InvalidInputException e) {
        // What only the intake can tell (a repeat contact's complaint full of files): shown as the field's error.
        e.getFieldErrors().forEach((field, message) -> errors.put(field.startsWith("files") ? "files" : field,
            fieldError(language, field, message)));
      }
    }
    return page(HttpStatus.BAD_REQUEST, language, values, inPageOrder(errors), text(language, "title"));
  }

  @GetMapping(PATH + "/thanks")
  ResponseEntity<String> thanks(@RequestParam String number, @RequestParam(required = false) String lang,
      @RequestParam(required = false) String repeat,
      @RequestHeader(value = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
    PageLanguage language = PageLanguage.of(lang, acceptLanguage);
    if (!number.matches("[A-Za-z0-9-]{1,20}")) {
      return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(PATH + "?lang=" + language.code())).build();
    }
    StringBuilder body = new StringBuilder();
    body.append("<h1>").append(esc(text(language, "thanks.title"))).append("</h1>\n");
    body.append("<p>").append(esc(text(language, "thanks.number"))).append(":</p>\n<p class=\"tracking\" id=\"trackingNumber\">")
        .append(esc(number)).append("</p>\n<p>").append(esc(text(language, "thanks.keep"))).append("</p>\n");
    if (repeat != null) {
      body.append("<p>").append(esc(text(language, "thanks.repeat"))).append("</p>\n");
    }
    body.append("<h2>").append(esc(text(language, "thanks.next"))).append("</h2>\n<p id=\"nextStep\">")
        .append(esc(text(language, "thanks.step1"))).append("</p>\n");
    body.append("<p><a href=\"/status\">").append(esc(text(language, "thanks.status"))).append("</a> · <a href=\"")
        .append(PATH).append("?lang=").append(language.code()).append("\">").append(esc(text(language, "thanks.another")))
        .append("</a></p>\n");
    return html(HttpStatus.OK, language, text(language, "thanks.title"), body, PATH + "/thanks?number=" + esc(number)
        + (repeat != null ? "&amp;repeat=1" : "") + "&amp;lang=");
  }

  private ResponseEntity<String> page(HttpStatus status, PageLanguage language, Map<String, String> values,
      Map<String, String> errors, String title) {
    StringBuilder body = new StringBuilder();
    body.append("<h1>").append(esc(text(language, "title"))).append("</h1>\n<p>").append(esc(text(language, "intro")))
        .append("</p>\n");
    if (!errors.isEmpty()) {
      body.append("<div class=\"problem\" role=\"alert\" id=\"errors\"><p><strong>").append(esc(text(language, "errors.title")))
          .append("</strong></p><ul>");
      errors.forEach((field, message) -> body.append("<li><a href=\"#").append(field).append("\">")
          .append(esc(message)).append("</a></li>"));
      body.append("</ul></div>\n");
    }
    body.append("<form method=\"post\" action=\"").append(PATH).append("\" enctype=\"multipart/form-data\" novalidate>\n");
    body.append("<input type=\"hidden\" name=\"lang\" value=\"").append(language.code()).append("\">\n");
    String first = errors.keySet().stream().findFirst().orElse(null);
    input(body, language, values, errors, first, "customerName", "text", true, "maxlength=\"200\" autocomplete=\"name\"", null);
    input(body, language, values, errors, first, "customerEmail", "email", false,
        "maxlength=\"320\" autocomplete=\"email\"", text(language, "customerEmail.hint"));
    input(body, language, values, errors, first, "customerPhone", "tel", false, "maxlength=\"32\" autocomplete=\"tel\"", null);
    select(body, language, values, errors, first, "category", CATEGORIES);
    field(body, language, errors, first, "description", true, null, describedBy -> "<textarea id=\"description\" name=\"description\" rows=\"6\" maxlength=\"4000\" required"
        + describedBy + ">" + esc(valueOf(values, "description")) + "</textarea>");
    select(body, language, values, errors, first, "desiredOutcome", OUTCOMES);
    input(body, language, values, errors, first, "wantedAnswerDate", "date", false, "", null);
    input(body, language, values, errors, first, "orderReference", "text", false, "maxlength=\"100\"", null);
    String filesHint = text(language, "files.hint").formatted(
        AttachmentCheck.readable(check.settings().maxFileSize().toBytes()),
        AttachmentCheck.readable(check.settings().maxPerComplaint().toBytes()));
    field(body, language, errors, first, "files", false, filesHint, describedBy -> "<input type=\"file\" id=\"files\" name=\"files\" multiple"
        + " accept=\"image/jpeg,image/png,image/webp,image/heic,.heic,application/pdf\"" + describedBy + ">");
    body.append("<button type=\"submit\">").append(esc(text(language, "submit"))).append("</button>\n</form>\n");
    return html(status, language, title, body, PATH + "?lang=");
  }

  private void input(StringBuilder body, PageLanguage language, Map<String, String> values, Map<String, String> errors,
      String first, String name, String type, boolean required, String attributes, String hint) {
    field(body, language, errors, first, name, required, hint, describedBy -> "<input type=\"" + type + "\" id=\"" + name
        + "\" name=\"" + name + "\" value=\"" + esc(valueOf(values, name)) + "\" " + attributes
        + (required ? " required" : "") + describedBy + ">");
  }

  private void select(StringBuilder body, PageLanguage language, Map<String, String> values, Map<String, String> errors,
      String first, String name, List<String> codes) {
    field(body, language, errors, first, name, true, null, describedBy -> {
      StringBuilder select = new StringBuilder("<select id=\"" + name + "\" name=\"" + name + "\" required" + describedBy
          + "><option value=\"\">" + esc(text(language, "category.choose")) + "</option>");
      for (String code : codes) {
        select.append("<option value=\"").append(code).append('"')
            .append(code.equals(values.get(name)) ? " selected" : "").append('>')
            .append(esc(text(language, name + "." + code))).append("</option>");
      }
      return select.append("</select>").toString();
    });
  }

  /** A label, the control, its hint and its error, tied together with aria-describedby and aria-invalid. */
  private void field(StringBuilder body, PageLanguage language, Map<String, String> errors, String first, String name,
      boolean required, String hint, java.util.function.Function<String, String> control) {
    String error = errors.get(name);
    StringBuilder describedBy = new StringBuilder();
    if (hint != null) {
      describedBy.append(name).append("-hint ");
    }
    if (error != null) {
      describedBy.append(name).append("-error");
    }
    String attributes = (describedBy.isEmpty() ? "" : " aria-describedby=\"" + describedBy.toString().trim() + "\"")
        + (error != null ? " aria-invalid=\"true\"" : "") + (name.equals(first) ? " autofocus" : "");
    body.append("<div class=\"field").append(error != null ? " invalid" : "").append("\">\n<label for=\"").append(name)
        .append("\">").append(esc(text(language, name))).append(" <span class=\"need\">(")
        .append(esc(text(language, required ? "required" : "optional"))).append(")</span></label>\n");
    if (hint != null) {
      body.append("<p class=\"hint\" id=\"").append(name).append("-hint\">").append(esc(hint)).append("</p>\n");
    }
    if (error != null) {
      body.append("<p class=\"error\" id=\"").append(name).append("-error\">").append(esc(error)).append("</p>\n");
    }
    body.append(control.apply(attributes)).append("\n</div>\n");
  }

  /** The summary lists the errors, and the first one gets the focus, in the order of the fields on the page. */
  private static Map<String, String> inPageOrder(Map<String, String> errors) {
    Map<String, String> ordered = new LinkedHashMap<>();
    FIELDS.stream().filter(errors::containsKey).forEach(field -> ordered.put(field, errors.get(field)));
    errors.forEach(ordered::putIfAbsent);
    return ordered;
  }

  private static String fieldError(PageLanguage language, String field, String message) {
    return FIELDS.contains(field) ? text(language, "error." + field) : text(language, "error.other").formatted(message);
  }

  private static ResponseEntity<String> html(HttpStatus status, PageLanguage language, String title, CharSequence body,
      String switchHref) {
    PageLanguage other = language.other();
    String html = "<!DOCTYPE html>\n<html lang=\"" + language.code() + "\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<title>" + esc(title) + "</title><link rel=\"stylesheet\" href=\"/status.css\">"
        + "<link rel=\"stylesheet\" href=\"/complain.css\"></head>\n<body>\n<nav class=\"language\"><a href=\""
        + switchHref + other.code() + "\" lang=\"" + other.code() + "\" hreflang=\"" + other.code() + "\">"
        + esc(text(language, "switch")) + "</a></nav>\n<main>\n" + body + "</main>\n</body></html>\n";
    return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .body(html);
  }

  private static String esc(Object value) {
    return htmlEscape(String.valueOf(value), StandardCharsets.UTF_8.name());
  }

  /** What the customer typed, to show it again; nothing when they typed nothing. */
  private static String valueOf(Map<String, String> values, String name) {
    String value = values.get(name);
    return value == null ? "" : value;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
