package io.rootfix.security;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** This client address gave too many wrong passwords for this user and must wait (429 with Retry-After). */
class LoginThrottledException extends AuthenticationException {

  private final Duration wait;

  LoginThrottledException(Duration wait) {
    super("Too many wrong passwords from this address");
    this.wait = wait;
  }

  /** Whole seconds, rounded up, at least one. */
  long retryAfterSeconds() {
    return Math.max(1, (wait.toMillis() + 999) / 1000);
  }

  String detail() {
    return "Too many wrong passwords for this user from your address; please try again in " + retryAfterSeconds()
        + " seconds.";
  }
}
