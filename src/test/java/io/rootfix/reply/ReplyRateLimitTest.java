package io.rootfix.reply;

import static org.assertj.core.api.Assertions.assertThat;

import io.rootfix.support.RootfixIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The personal links' form posts are public like the complaint page: one client guessing or hammering links is
 * answered 429 once past the limit, and another client is not.
 */
class ReplyRateLimitTest extends RootfixIntegrationTest {

  @Value("${rootfix.security.rate-limit.requests}")
  private int limit;

  @Test
  void aClientPostingTooManyRepliesIsAnswered429() {
    String client = "203.0.113.41";

    int answered = 0;
    ResponseEntity<String> response = postFrom(client, "guessed-" + answered);
    while (response.getStatusCode() != HttpStatus.TOO_MANY_REQUESTS && answered <= 2 * limit) {
      answered++;
      response = postFrom(client, "guessed-" + answered);
    }

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    assertThat(answered).isBetween(limit, 2 * limit);
    assertThat(postFrom("203.0.113.42", "guessed-other").getStatusCode()).as("another client")
        .isNotEqualTo(HttpStatus.TOO_MANY_REQUESTS);
  }

  private ResponseEntity<String> postFrom(String client, String token) {
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("information", "Order 4711");
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    headers.set("X-Forwarded-For", client);
    return http.postForEntity("/reply/" + token, new HttpEntity<>(form, headers), String.class);
  }
}
