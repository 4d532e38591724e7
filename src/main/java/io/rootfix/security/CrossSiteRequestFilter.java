package io.rootfix.security;

import io.rootfix.web.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a changing request that a browser sent on behalf of another site's page. The REST APIs take HTTP
 * Basic, and a browser that once asked for the login sends it with every request to this host, also when a
 * page elsewhere auto-submits a form here. Browsers say where a request comes from ({@code Origin}, else
 * {@code Referer}, and {@code Sec-Fetch-Site}), and a page cannot forge those headers; a client that sends
 * none of them (curl, Camunda Modeler, an integration) is no browser and is let through. Only the public
 * endpoints also accept the company's other sites ({@code rootfix.security.cors.allowed-origins}).
 */
class CrossSiteRequestFilter extends OncePerRequestFilter {

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

  private final RequestMatcher publicEndpoints;
  private final Set<String> allowedOrigins;
  private final ProblemResponses problems;

  CrossSiteRequestFilter(RequestMatcher publicEndpoints, List<String> allowedOrigins, ProblemResponses problems) {
    this.publicEndpoints = publicEndpoints;
    this.allowedOrigins = Set.copyOf(allowedOrigins.stream().map(CrossSiteRequestFilter::normalised).toList());
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String refusal = SAFE_METHODS.contains(request.getMethod()) ? null : refusal(request);
    if (refusal == null) {
      chain.doFilter(request, response);
      return;
    }
    problems.send(request, response, HttpStatus.FORBIDDEN, refusal);
  }

  /** Why this request is refused, or null. */
  private String refusal(HttpServletRequest request) {
    String origin = request.getHeader(HttpHeaders.ORIGIN);
    String from = "Origin";
    if (origin == null && request.getHeader(HttpHeaders.REFERER) != null) {
      origin = originOf(request.getHeader(HttpHeaders.REFERER));
      from = "Referer";
    }
    boolean allowedElsewhere = origin != null && publicEndpoints.matches(request)
        && allowedOrigins.contains(normalised(origin));
    String fetchSite = request.getHeader("Sec-Fetch-Site");
    if (fetchSite != null && !allowedElsewhere) {
      String site = fetchSite.trim().toLowerCase(Locale.ROOT);
      if (!site.equals("same-origin") && !site.equals("none")) {
        return "Refused: your browser sent this request from another site's page (Sec-Fetch-Site: " + site
            + "). Changes are made from Rootfix's own pages or by clients that are not browsers.";
      }
    }
    if (origin != null && !allowedElsewhere && !normalised(origin).equals(ownOrigin(request))) {
      return "Refused: your browser sent this request from another site's page (" + from + ": " + origin
          + "). Changes are made from Rootfix's own pages or by clients that are not browsers.";
    }
    return null;
  }

  /** {@code scheme://host[:port]} of a URL, "null" (which matches nothing) when it has none. */
  private static String originOf(String url) {
    try {
      URI uri = URI.create(url.trim());
      if (uri.getScheme() == null || uri.getHost() == null) {
        return "null";
      }
      return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    } catch (IllegalArgumentException e) {
      return "null";
    }
  }

  /** This application as the browser addressed it: the scheme (from a trusted proxy too) and the Host header. */
  private static String ownOrigin(HttpServletRequest request) {
    return normalised(request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort());
  }

  /** Lower case, without a trailing slash and without the scheme's default port. */
  private static String normalised(String origin) {
    String lower = origin.trim().toLowerCase(Locale.ROOT);
    if (lower.endsWith("/")) {
      lower = lower.substring(0, lower.length() - 1);
    }
    if (lower.startsWith("http://") && lower.endsWith(":80")) {
      return lower.substring(0, lower.length() - 3);
    }
    if (lower.startsWith("https://") && lower.endsWith(":443")) {
      return lower.substring(0, lower.length() - 4);
    }
    return lower;
  }
}
