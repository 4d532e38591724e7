package io.rootfix.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.rootfix.support.RootfixIntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** What a browser or client sees of security beyond who may do what: headers, error bodies, CSRF. */
class WebSecurityTest extends RootfixIntegrationTest {

  private static final String TASKLIST = "/camunda/app/tasklist/default/";
  private static final String TASKLIST_LOGIN = "/camunda/api/admin/auth/user/default/login/tasklist";

  @Test
  void apiAnswersForbidBrowsersToRunFrameOrSniffThem() {
    String trackingNumber = (String) postComplaint(intake()).getBody().get("trackingNumber");

    for (ResponseEntity<String> response : new ResponseEntity[] {
        as(AGENT).getForEntity("/api/complaints/" + trackingNumber, String.class),
        http.getForEntity("/api/complaints/" + trackingNumber, String.class),
        as(AGENT).getForEntity("/engine-rest/task", String.class)}) {
      HttpHeaders headers = response.getHeaders();
      assertThat(headers.getFirst("Content-Security-Policy")).isEqualTo("default-src 'none'; frame-ancestors 'none'");
      assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
      assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("DENY");
      assertThat(headers.getFirst("Referrer-Policy")).isEqualTo("no-referrer");
    }
  }

  @Test
  void theWebappsKeepTheirOwnContentSecurityPolicy() {
    ResponseEntity<String> page = http.getForEntity(TASKLIST, String.class);

    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getHeaders().getFirst("Content-Security-Policy")).contains("script-src 'nonce-", "frame-ancestors 'none'");
    assertThat(page.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(page.getHeaders().getFirst("X-Frame-Options")).isEqualTo("SAMEORIGIN");
  }

  @Test
  void aWebappLoginWithoutTheCsrfTokenIsRefused() {
    ResponseEntity<String> page = http.getForEntity(TASKLIST, String.class);
    String token = page.getHeaders().getFirst("X-XSRF-TOKEN");
    String cookies = String.join("; ", page.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream()
        .map(cookie -> cookie.split(";")[0]).toList());

    ResponseEntity<String> forged = http.postForEntity(TASKLIST_LOGIN, login(new HttpHeaders()), String.class);
    assertThat(forged.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(forged.getHeaders().getFirst("X-XSRF-TOKEN")).isEqualTo("Required");

    HttpHeaders fromTheApp = new HttpHeaders();
    fromTheApp.add(HttpHeaders.COOKIE, cookies);
    fromTheApp.add("X-XSRF-TOKEN", token);
    ResponseEntity<Map> loggedIn = http.postForEntity(TASKLIST_LOGIN, login(fromTheApp), Map.class);
    assertThat(loggedIn.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(loggedIn.getBody()).containsEntry("userId", "demo");
  }

  @Test
  void aMissingOrWrongLoginIsA401ProblemThatAsksForBasicAuthentication() {
    ResponseEntity<Map> anonymous = http.getForEntity("/api/complaints/RF-2026-000001", Map.class);
    ResponseEntity<Map> unknownUser = http.withBasicAuth("nobody", "guess").getForEntity("/engine-rest/task", Map.class);

    for (ResponseEntity<Map> response : new ResponseEntity[] {anonymous, unknownUser}) {
      assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
      assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo("Basic realm=\"Rootfix\"");
      assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
      assertThat((String) response.getBody().get("detail")).contains("HTTP Basic");
    }
  }

  @Test
  void aUserOutsideTheAllowedGroupsGetsA403Problem() {
    ResponseEntity<Map> response = as(AUDITOR).getForEntity("/api/complaints/RF-2026-000001", Map.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat((String) response.getBody().get("detail")).isEqualTo("Your groups do not allow this.");
  }

  /** The form Tasklist's login page posts, as the demo admin. */
  private static HttpEntity<MultiValueMap<String, String>> login(HttpHeaders headers) {
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("username", "demo");
    form.add("password", "demo");
    return new HttpEntity<>(form, headers);
  }
}
