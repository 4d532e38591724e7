package io.rootfix.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.rootfix.support.RootfixIntegrationTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The limits on the public API, end to end: too many complaints from one client address are answered
 * 429, and a body over the size limit 413 whether or not it announces its length. Clients are told apart
 * by X-Forwarded-For, as behind the production proxy, so this test spends no other test's budget.
 */
class ApiLimitsTest extends RootfixIntegrationTest {

  @Autowired
  private SecuritySettings settings;

  @LocalServerPort
  private int port;

  @Test
  void aClientSendingTooManyComplaintsIsAnswered429UntilTheWindowEnds() {
    int limit = settings.rateLimit().requests();
    String client = "203.0.113.7";
    long complaints = count("complaint");

    // Cheap requests count too (answered 400 here). Fixed windows: should one end during the loop, the
    // next one lets another `limit` through; the loop is far shorter than two windows.
    int accepted = 0;
    ResponseEntity<Map> response = postFrom(client, "{}");
    while (response.getStatusCode() != HttpStatus.TOO_MANY_REQUESTS && accepted <= 2 * limit) {
      accepted++;
      response = postFrom(client, "{}");
    }

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    assertThat(accepted).isBetween(limit, 2 * limit);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat((String) response.getBody().get("detail")).startsWith("Too many requests from your address");
    assertThat(Long.parseLong(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)))
        .isBetween(1L, settings.rateLimit().window().toSeconds());

    assertThat(postFrom(client, intake()).getStatusCode()).as("a good one, too")
        .isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    assertThat(count("complaint")).isEqualTo(complaints);
    assertThat(postFrom("203.0.113.8", intake()).getStatusCode()).as("another client")
        .isEqualTo(HttpStatus.CREATED);
  }

  @Test
  void aClientLookingUpTooManyStatusesIsAnswered429() {
    int limit = settings.rateLimit().requests();
    String client = "203.0.113.9";
    HttpHeaders headers = new HttpHeaders();
    headers.set("X-Forwarded-For", client);

    // Guessing tracking numbers: each miss is a 404, and the count stops the guessing after the limit.
    int answered = 0;
    ResponseEntity<Map> response;
    do {
      response = http.exchange("/api/status/RF-2026-{n}?contact=eva@example.com", HttpMethod.GET,
          new HttpEntity<>(headers), Map.class, 900000 + answered);
      answered++;
    } while (response.getStatusCode() == HttpStatus.NOT_FOUND && answered <= 2 * limit);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    assertThat(answered - 1).isBetween(limit, 2 * limit);
    assertThat(postFrom(client, intake()).getStatusCode()).as("the intake counts apart").isEqualTo(HttpStatus.CREATED);
  }

  @Test
  void aChunkedBodyOverTheSizeLimitIsAnswered413() throws Exception {
    String description = "x".repeat((int) settings.maxBodySize().toBytes());

    HttpResponse<String> response = postChunked(intake()
        .replace("The parcel arrived broken, for the second time.", description));

    assertThat(response.statusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE.value());
    assertThat(response.body()).contains("larger than 64 KB");
  }

  @Test
  void aChunkedBodyWithinTheSizeLimitIsTaken() throws Exception {
    assertThat(postChunked(intake()).statusCode()).isEqualTo(HttpStatus.CREATED.value());
  }

  private ResponseEntity<Map> postFrom(String clientAddress, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.set("X-Forwarded-For", clientAddress);
    return http.postForEntity("/api/complaints", new HttpEntity<>(body, headers), Map.class);
  }

  /** A body of unknown length, sent in chunks without Content-Length. */
  private HttpResponse<String> postChunked(String body) throws IOException, InterruptedException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/complaints"))
        .header("Content-Type", MediaType.APPLICATION_JSON_VALUE)
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)))
        .build();
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
        .send(request, HttpResponse.BodyHandlers.ofString());
  }
}
