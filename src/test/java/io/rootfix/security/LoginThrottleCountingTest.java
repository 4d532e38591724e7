package io.rootfix.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The counting of the login throttle, on its own, with a clock the test moves. */
class LoginThrottleCountingTest {

  private Instant now = Instant.parse("2026-12-03T10:00:00Z");
  private final LoginThrottle throttle = new LoginThrottle(
      new SecuritySettings.LoginThrottle(3, Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofHours(1)),
      new Clock() {
        @Override
        public ZoneOffset getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now;
        }
      });

  @Test
  void afterTheFreeAttemptsEachWrongPasswordDoublesTheWaitUpToTheMaximum() {
    for (int i = 0; i < 3; i++) {
      throttle.failed("192.0.2.1", "sam");
      assertThat(throttle.waitFor("192.0.2.1", "sam")).as("free attempt " + (i + 1)).isEmpty();
    }
    for (long expected : new long[] {1, 2, 4, 8, 10, 10}) {
      throttle.failed("192.0.2.1", "sam");
      assertThat(throttle.waitFor("192.0.2.1", "sam")).hasValue(Duration.ofSeconds(expected));
      now = now.plusSeconds(expected);
      assertThat(throttle.waitFor("192.0.2.1", "sam")).as("waited " + expected + " s").isEmpty();
    }
  }

  @Test
  void onlyThatAddressAndUserWait() {
    for (int i = 0; i < 4; i++) {
      throttle.failed("192.0.2.1", "sam");
    }

    assertThat(throttle.waitFor("192.0.2.1", "sam")).isPresent();
    assertThat(throttle.waitFor("192.0.2.2", "sam")).as("sam elsewhere").isEmpty();
    assertThat(throttle.waitFor("192.0.2.1", "noor")).as("another user").isEmpty();
  }

  @Test
  void aRightPasswordOrAQuietHourStartsAfresh() {
    for (int i = 0; i < 4; i++) {
      throttle.failed("192.0.2.1", "sam");
      throttle.failed("192.0.2.2", "sam");
    }
    now = now.plusSeconds(1);
    throttle.succeeded("192.0.2.1", "sam");
    now = now.plus(Duration.ofHours(1));

    for (String address : new String[] {"192.0.2.1", "192.0.2.2"}) {
      for (int i = 0; i < 3; i++) {
        throttle.failed(address, "sam");
      }
      assertThat(throttle.waitFor(address, "sam")).as(address + " has its free attempts again").isEmpty();
    }
  }
}
