package io.rootfix.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.rootfix.support.RootfixIntegrationTest;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * An attacker guesses passwords, 50 wrong ones a user, from one address, on both ways to log in: HTTP Basic
 * and the webapps' login form (and the engine's password check that both end in, and the REST API's
 * {@code /identity/verify} too). The account is never locked: the user,
 * the admin too, logs in from another address at once, and only the attacker's address is made to wait (429).
 * Addresses come from X-Forwarded-For: the tests trust their own connection as a proxy.
 */
class LoginThrottleTest extends RootfixIntegrationTest {

  private static final String TASKLIST = "/camunda/app/tasklist/default/";
  private static final String TASKLIST_LOGIN = "/camunda/api/admin/auth/user/default/login/tasklist";
  private static final int GUESSES = 50;

  @Autowired
  private IdentityService identityService;

  @Autowired
  private SecuritySettings settings;

  @Test
  void guessingAnAgentsPasswordOverHttpBasicSlowsOnlyTheGuessersAddress() {
    String attacker = "198.51.100.10";
    int refusedAt429 = 0;
    for (int i = 0; i < GUESSES; i++) {
      HttpStatus status = (HttpStatus) basic(attacker, AGENT, "guess-" + i).getStatusCode();
      assertThat(status).isIn(HttpStatus.UNAUTHORIZED, HttpStatus.TOO_MANY_REQUESTS);
      refusedAt429 += status == HttpStatus.TOO_MANY_REQUESTS ? 1 : 0;
    }

    assertThat(basic("198.51.100.11", AGENT, AGENT).getStatusCode()).as("sam elsewhere").isEqualTo(HttpStatus.OK);
    ResponseEntity<String> throttled = basic(attacker, AGENT, AGENT);
    assertThat(throttled.getStatusCode()).as("even the right password").isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    assertThat(Long.parseLong(throttled.getHeaders().getFirst(HttpHeaders.RETRY_AFTER))).isPositive();
    assertThat(throttled.getBody()).contains("Too many wrong passwords for this user from your address");
    assertThat(refusedAt429).as("beyond the free attempts, no guess reaches a password check")
        .isEqualTo(GUESSES - settings.loginThrottle().freeAttempts() - 1);
  }

  @Test
  void guessingTheAdminsPasswordAtTheWebappLoginNeverLocksTheAdminOut() {
    String attacker = "198.51.100.20";
    for (int i = 0; i < GUESSES; i++) {
      assertThat(webappLogin(attacker, "demo", "guess-" + i).getStatusCode())
          .isIn(HttpStatus.UNAUTHORIZED, HttpStatus.TOO_MANY_REQUESTS);
    }

    ResponseEntity<Map> admin = webappLogin("198.51.100.21", "demo", "demo");
    assertThat(admin.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(admin.getBody()).containsEntry("userId", "demo");
    ResponseEntity<Map> throttled = webappLogin(attacker, "demo", "demo");
    assertThat(throttled.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    assertThat(throttled.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNotBlank();
  }

  @Test
  void theEnginesOwnLockIsOffSoNoCountOfWrongPasswordsLocksAUser() {
    // Straight at the engine, as every login path ends there: no client address, so no throttle either.
    for (int i = 0; i < GUESSES; i++) {
      assertThat(identityService.checkPassword("noor", "guess-" + i)).isFalse();
    }

    assertThat(identityService.checkPassword("noor", "noor")).as("at once, no delay, no lock").isTrue();
    assertThat(basic("198.51.100.31", "noor", "noor").getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  private ResponseEntity<String> basic(String address, String user, String password) {
    HttpHeaders headers = new HttpHeaders();
    headers.set("X-Forwarded-For", address);
    return http.withBasicAuth(user, password)
        .exchange("/engine-rest/task?maxResults=1", HttpMethod.GET, new HttpEntity<>(headers), String.class);
  }

  /** Tasklist's login form, with the session's CSRF token as Tasklist sends it. */
  private ResponseEntity<Map> webappLogin(String address, String user, String password) {
    HttpHeaders page = http.getForEntity(TASKLIST, String.class).getHeaders();
    HttpHeaders headers = new HttpHeaders();
    headers.add(HttpHeaders.COOKIE, String.join("; ", page.getOrEmpty(HttpHeaders.SET_COOKIE).stream()
        .map(cookie -> cookie.split(";")[0]).toList()));
    headers.add("X-XSRF-TOKEN", page.getFirst("X-XSRF-TOKEN"));
    headers.set("X-Forwarded-For", address);
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("username", user);
    form.add("password", password);
    return http.exchange(TASKLIST_LOGIN, HttpMethod.POST, new HttpEntity<>(form, headers), Map.class);
  }
}
