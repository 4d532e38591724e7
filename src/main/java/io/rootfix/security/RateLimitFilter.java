package io.rootfix.security;

import io.rootfix.web.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The public endpoints need no login, so this is what keeps one client from flooding them: at most
 * {@code requests} per client address and endpoint in each fixed window, then 429 with Retry-After until
 * the window ends. Counts live in memory on each node and start afresh with every window, so memory
 * stays bounded by the addresses seen in one window.
 */
class RateLimitFilter extends OncePerRequestFilter {

  private record Window(long number, Map<String, AtomicInteger> counts) {}

  private final List<RequestMatcher> endpoints;
  private final int requests;
  private final long windowMillis;
  private final ProblemResponses problems;
  private final Clock clock;
  private final AtomicReference<Window> current = new AtomicReference<>(new Window(-1, Map.of()));

  RateLimitFilter(SecuritySettings.RateLimit settings, ProblemResponses problems, Clock clock) {
    this.endpoints = settings.endpoints().stream().map(RateLimitFilter::matcher).toList();
    this.requests = settings.requests();
    this.windowMillis = settings.window().toMillis();
    this.problems = problems;
    this.clock = clock;
  }

  /** {@code "POST /api/complaints"} → a matcher for that method and path pattern. */
  private static RequestMatcher matcher(String endpoint) {
    String[] methodAndPath = endpoint.trim().split("\\s+", 2);
    if (methodAndPath.length != 2) {
      throw new IllegalArgumentException("A rate-limited endpoint is 'METHOD /path', not '" + endpoint + "'");
    }
    return PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.valueOf(methodAndPath[0]), methodAndPath[1]);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    int endpoint = endpointOf(request);
    if (endpoint < 0) {
      chain.doFilter(request, response);
      return;
    }
    long now = clock.millis();
    long number = now / windowMillis;
    Window window = current.updateAndGet(w -> w.number() == number ? w : new Window(number, new ConcurrentHashMap<>()));
    int count = window.counts().computeIfAbsent(endpoint + " " + request.getRemoteAddr(), key -> new AtomicInteger())
        .incrementAndGet();
    if (count <= requests) {
      chain.doFilter(request, response);
      return;
    }
    long retryAfterSeconds = Math.max(1, ((number + 1) * windowMillis - now + 999) / 1000);
    response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
    problems.send(request, response, HttpStatus.TOO_MANY_REQUESTS,
        "Too many requests from your address; please try again in " + retryAfterSeconds + " seconds.");
  }

  private int endpointOf(HttpServletRequest request) {
    for (int i = 0; i < endpoints.size(); i++) {
      if (endpoints.get(i).matches(request)) {
        return i;
      }
    }
    return -1;
  }
}
