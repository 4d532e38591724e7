package io.rootfix.security;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/** The page a browser shows when it may not open one of Rootfix's own pages: who may, and how to sign in. */
final class RefusalPage {

  private RefusalPage() {}

  /**
   * Whether the caller reads pages: it names HTML before JSON in its Accept header, as browsers do. An API client
   * (Accept: application/json, or nothing said) gets problem JSON.
   */
  static boolean wanted(HttpServletRequest request) {
    String accept = request.getHeader(HttpHeaders.ACCEPT);
    if (accept == null) {
      return false;
    }
    try {
      // In the order the caller lists them; wildcards decide nothing.
      for (MediaType type : MediaType.parseMediaTypes(accept)) {
        if (type.isWildcardType() || type.getQualityValue() == 0) {
          continue;
        }
        if (type.isCompatibleWith(MediaType.TEXT_HTML)) {
          return true;
        }
        if (type.isCompatibleWith(MediaType.APPLICATION_JSON) || type.getSubtype().endsWith("+json")) {
          return false;
        }
      }
    } catch (InvalidMediaTypeException e) {
      return false;
    }
    return false;
  }

  static void send(HttpServletResponse response, HttpStatus status, String title, String message) throws IOException {
    response.setStatus(status.value());
    response.setContentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8).toString());
    String html = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<title>" + htmlEscape(title) + " · Rootfix</title><link rel=\"stylesheet\" href=\"/audit.css\"></head>\n"
        + "<body><header>Rootfix</header>\n<main class=\"refusal\">\n<h1>" + htmlEscape(title) + "</h1>\n<p>"
        + htmlEscape(message) + "</p>\n<p><a href=\"/camunda/app/tasklist/\">Go to Tasklist</a></p>\n</main></body></html>\n";
    response.getOutputStream().write(html.getBytes(StandardCharsets.UTF_8));
  }
}
