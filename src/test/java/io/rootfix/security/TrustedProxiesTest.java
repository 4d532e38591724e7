package io.rootfix.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rootfix.RootfixApplication;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * X-Forwarded-For names the client only when a trusted proxy sends it. With the default (no proxy trusted)
 * a client that sends a new forged address with every request is still counted at its own: the rate limit
 * holds, and nothing beyond it is stored. Starts the application itself with the default setting, since the
 * shared test configuration trusts the tests' own connection.
 */
class TrustedProxiesTest {

  @Test
  void byDefaultAForgedForwardedForDoesNotEscapeTheRateLimit() {
    int limit = 3;
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(RootfixApplication.class)
        .profiles("test")
        .run("--server.port=0", "--camunda.bpm.process-engine-name=trustedProxiesTest",
            "--camunda.bpm.webapp.enabled=false",
            "--rootfix.security.trusted-proxies=", "--rootfix.security.rate-limit.requests=" + limit)) {
      TestRestTemplate http = new TestRestTemplate();
      String intake = "http://localhost:" + app.getEnvironment().getProperty("local.server.port") + "/api/complaints";
      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);

      for (int i = 0; i < limit + 3; i++) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("X-Forwarded-For", "203.0.113." + (100 + i));
        HttpStatus expected = i < limit ? HttpStatus.CREATED : HttpStatus.TOO_MANY_REQUESTS;
        assertThat(http.postForEntity(intake, new HttpEntity<>(complaint(i), headers), Map.class).getStatusCode())
            .as("request " + (i + 1)).isEqualTo(expected);
      }
      assertThat(jdbc.queryForObject("select count(*) from complaint", Long.class)).isEqualTo(limit);
    }
  }

  @Test
  void theListBecomesTheValvesInternalProxies() {
    Pattern proxies = Pattern.compile(TrustedProxies.regex(List.of("10.0.0.0/8", "192.168.1.16/28", "203.0.113.7",
        "::1")));

    assertThat(List.of("10.0.0.1", "10.255.255.255", "192.168.1.16", "192.168.1.31", "203.0.113.7",
        "0:0:0:0:0:0:0:1", "0:0:0:0:0:0:0:1%0"))
        .allMatch(address -> proxies.matcher(address).matches());
    assertThat(List.of("11.0.0.1", "110.0.0.1", "192.168.1.15", "192.168.1.32", "192.168.10.16", "203.0.113.70",
        "203.0.113.7.1", "127.0.0.1", "0:0:0:0:0:0:0:2", "10.0.0.1x"))
        .noneMatch(address -> proxies.matcher(address).matches());
    assertThat(TrustedProxies.regex(List.of())).as("nobody").isEmpty();
  }

  @Test
  void aWrongEntryStopsTheStartWithItsName() {
    for (String wrong : List.of("10.0.0.1/8", "300.1.1.1", "proxy.example", "10.0.0.0/33", "fd00::/8")) {
      assertThatThrownBy(() -> TrustedProxies.regex(List.of(wrong))).as(wrong)
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'" + wrong + "'");
    }
  }

  private static String complaint(int i) {
    return """
        {"customerName": "Eva de Wit", "customerEmail": "forged.%s@example.com", "channel": "web",
         "category": "delivery", "description": "The parcel arrived broken.", "desiredOutcome": "replacement",
         "wantedAnswerDate": "2099-12-10"}""".formatted(i + "-" + UUID.randomUUID().toString().substring(0, 8));
  }
}
