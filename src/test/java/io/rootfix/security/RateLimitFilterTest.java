package io.rootfix.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rootfix.web.ProblemResponses;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The counting of the rate limit, on its own, with a clock the test moves. */
class RateLimitFilterTest {

  private final AtomicLong millis = new AtomicLong(Duration.ofMinutes(1000).toMillis());
  private final RateLimitFilter filter = new RateLimitFilter(
      new SecuritySettings.RateLimit(true, 2, Duration.ofMinutes(1), List.of("POST /api/complaints", "GET /api/status/**")),
      new ProblemResponses(new ObjectMapper()), clock());

  @Test
  void eachClientAndEndpointHasItsOwnCountPerWindow() throws Exception {
    assertThat(status("POST", "/api/complaints", "192.0.2.1")).isEqualTo(200);
    assertThat(status("POST", "/api/complaints", "192.0.2.1")).isEqualTo(200);
    millis.addAndGet(Duration.ofSeconds(20).toMillis());

    MockHttpServletResponse third = send("POST", "/api/complaints", "192.0.2.1");
    assertThat(third.getStatus()).isEqualTo(429);
    assertThat(third.getHeader("Retry-After")).isEqualTo("40");
    assertThat(third.getContentAsString()).contains("Too many requests from your address");

    assertThat(status("POST", "/api/complaints", "192.0.2.2")).as("another client").isEqualTo(200);
    assertThat(status("GET", "/api/status/RF-2026-000001", "192.0.2.1")).as("another endpoint").isEqualTo(200);
    assertThat(status("GET", "/api/complaints/RF-2026-000001", "192.0.2.1")).as("not limited").isEqualTo(200);

    millis.addAndGet(Duration.ofSeconds(40).toMillis());
    assertThat(status("POST", "/api/complaints", "192.0.2.1")).as("the next window").isEqualTo(200);
  }

  private int status(String method, String path, String client) throws Exception {
    return send(method, path, client).getStatus();
  }

  private MockHttpServletResponse send(String method, String path, String client) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest(method, path);
    request.setRemoteAddr(client);
    MockHttpServletResponse response = new MockHttpServletResponse();
    filter.doFilter(request, response, new MockFilterChain());
    return response;
  }

  private Clock clock() {
    return new Clock() {
      @Override
      public ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return Instant.ofEpochMilli(millis.get());
      }
    };
  }
}
