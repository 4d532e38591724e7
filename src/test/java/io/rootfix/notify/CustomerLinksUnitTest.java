package io.rootfix.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rootfix.notify.CustomerLinks.Purpose;
import io.rootfix.notify.CustomerLinks.Refusal;
import io.rootfix.notify.CustomerLinks.RefusedLinkException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The signed link on its own: every part is bound by the signature, the expiry holds, other secrets do not verify. */
class CustomerLinksUnitTest {

  private static final String SECRET = "a test secret of at least thirty-two characters";
  private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

  private final CustomerLinks links = links(SECRET, NOW);

  @Test
  void everyLinkVerifiesAsMadeWhateverItsSignatureLooksLike() {
    // Base64url signatures contain '-' and '_' now and then: a thousand links cover both.
    for (long complaint = 1; complaint <= 1000; complaint++) {
      String token = token(links.link(complaint, 7, Purpose.CONFIRM));
      CustomerLinks.Verified verified = links.verify(token);
      assertThat(verified.complaintId()).isEqualTo(complaint);
      assertThat(verified.customerId()).isEqualTo(7);
      assertThat(verified.purpose()).isEqualTo(Purpose.CONFIRM);
      assertThat(verified.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(30)));
    }
  }

  @Test
  void changingAnyPartOrUsingAnotherSecretIsRefused() {
    String token = token(links.link(42, 7, Purpose.ANSWER));
    String signature = token.substring(token.length() - 43);
    long expiry = NOW.plus(Duration.ofDays(30)).getEpochSecond();

    for (String tampered : new String[] {"43-7-answer-" + expiry + "-" + signature, "42-8-answer-" + expiry + "-" + signature,
        "42-7-confirm-" + expiry + "-" + signature, "42-7-answer-" + (expiry + 1) + "-" + signature}) {
      assertRefused(links, tampered, Refusal.TAMPERED);
    }
    assertRefused(links(SECRET + "!", NOW), token, Refusal.TAMPERED);
    assertRefused(links, "42-7-answer-" + expiry, Refusal.MALFORMED);
    assertRefused(links, "../../etc/passwd", Refusal.MALFORMED);
    assertRefused(links, null, Refusal.MALFORMED);
  }

  @Test
  void aLinkHoldsUntilItsExpiryAndNotAMomentLonger() {
    String token = token(links.link(42, 7, Purpose.EFFORT));

    assertThat(links(SECRET, NOW.plus(Duration.ofDays(30)).minusSeconds(1)).verify(token).complaintId()).isEqualTo(42);
    assertRefused(links(SECRET, NOW.plus(Duration.ofDays(30))), token, Refusal.EXPIRED);
  }

  @Test
  void aShortSecretIsRefusedAtStartUp() {
    assertThatThrownBy(() -> links("too short", NOW)).hasMessageContaining("at least 32 characters");
  }

  private static void assertRefused(CustomerLinks links, String token, Refusal refusal) {
    assertThatThrownBy(() -> links.verify(token)).as(token).isInstanceOf(RefusedLinkException.class)
        .satisfies(e -> assertThat(((RefusedLinkException) e).refusal()).isEqualTo(refusal));
  }

  private static CustomerLinks links(String secret, Instant now) {
    return new CustomerLinks(new LinkSettings(secret, Duration.ofDays(30), "https://klachten.example.nl/"),
        Clock.fixed(now, ZoneOffset.UTC));
  }

  private static String token(String link) {
    assertThat(link).startsWith("https://klachten.example.nl/reply/");
    return link.substring("https://klachten.example.nl/reply/".length());
  }
}
