package io.rootfix.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The address of the client of the web request this thread serves (after TrustedProxies), or null outside
 * a web request, so that the engine's password check knows who asks. Held by this filter, first of all on
 * every path: Spring's request context is set only after Spring Security, too late for HTTP Basic.
 */
final class ClientAddress extends OncePerRequestFilter {

  private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

  static String current() {
    return CURRENT.get();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String outer = CURRENT.get();
    CURRENT.set(request.getRemoteAddr());
    try {
      chain.doFilter(request, response);
    } finally {
      if (outer == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(outer);
      }
    }
  }
}
