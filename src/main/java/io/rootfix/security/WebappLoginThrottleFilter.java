package io.rootfix.security;

import io.rootfix.web.BodyAlreadyRead;
import io.rootfix.web.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The webapps' login form ({@code POST /camunda/api/admin/auth/user/{engine}/login/{app}}): an address that
 * must wait for this user is answered 429 with Retry-After before the webapp sees the form. The engine's
 * password check refuses such an address anyway (ThrottledIdentityProvider); this only tells the browser
 * why. The form is read here and handed on unchanged.
 */
class WebappLoginThrottleFilter extends OncePerRequestFilter {

  /** A login form is a user name and a password; anything much larger is no login. */
  private static final int MAX_FORM = 16 * 1024;

  private final RequestMatcher login = PathPatternRequestMatcher.withDefaults()
      .matcher(HttpMethod.POST, "/camunda/api/admin/auth/user/*/login/*");
  private final LoginThrottle throttle;
  private final ProblemResponses problems;

  WebappLoginThrottleFilter(LoginThrottle throttle, ProblemResponses problems) {
    this.throttle = throttle;
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!login.matches(request)) {
      chain.doFilter(request, response);
      return;
    }
    byte[] form = request.getInputStream().readNBytes(MAX_FORM + 1);
    if (form.length > MAX_FORM) {
      problems.send(request, response, HttpStatus.PAYLOAD_TOO_LARGE, "A login form is never this large.");
      return;
    }
    Optional<String> user = formField(new String(form, StandardCharsets.ISO_8859_1), "username");
    if (user.isPresent()) {
      Optional<Duration> wait = throttle.waitFor(request.getRemoteAddr(), user.get());
      if (wait.isPresent()) {
        LoginThrottledException throttled = new LoginThrottledException(wait.get());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
        problems.send(request, response, HttpStatus.TOO_MANY_REQUESTS, throttled.detail());
        return;
      }
    }
    chain.doFilter(new BodyAlreadyRead(request, form), response);
  }

  /** The first value of a field of an {@code application/x-www-form-urlencoded} body (ASCII as sent). */
  private static Optional<String> formField(String body, String name) {
    for (String pair : body.split("&")) {
      int equals = pair.indexOf('=');
      String key = equals < 0 ? pair : pair.substring(0, equals);
      if (URLDecoder.decode(key, StandardCharsets.UTF_8).equals(name)) {
        return Optional.of(equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
      }
    }
    return Optional.empty();
  }
}
