package io.rootfix.notify;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The personal links in our messages (docs/customer-links.md): a customer opens one to answer our question, to say
 * whether the complaint is resolved, or to tell how much effort it took, without logging in. A link names the
 * complaint, the customer it was sent to, what it is for and until when it holds, signed with HMAC-SHA256 under
 * {@code rootfix.links.secret}: changing any part of it breaks the signature. Whether the action still fits the
 * complaint (is it still waiting for that answer?) is decided when it is used, so a link used twice or after closing
 * changes nothing.
 */
@Component
@EnableConfigurationProperties(LinkSettings.class)
public class CustomerLinks {

  private static final Logger LOG = LoggerFactory.getLogger(CustomerLinks.class);
  private static final Pattern TOKEN = Pattern.compile("([0-9]{1,18})-([0-9]{1,18})-([a-z]{1,16})-([0-9]{1,12})-([A-Za-z0-9_-]{43})");

  /** What a link lets the customer do. */
  public enum Purpose {
    /** Answer our question (the information request). */
    ANSWER,
    /** Say whether our report resolved it. */
    CONFIRM,
    /** After closing: how much effort it took. */
    EFFORT;

    String code() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** A link that verified: the complaint and customer it was made for, and what for. */
  public record Verified(long complaintId, long customerId, Purpose purpose, Instant expiresAt) {}

  /** Why a link does not verify. */
  public enum Refusal { MALFORMED, TAMPERED, EXPIRED }

  public static final class RefusedLinkException extends RuntimeException {
    private final Refusal refusal;

    public RefusedLinkException(Refusal refusal) {
      super("Link refused: " + refusal);
      this.refusal = refusal;
    }

    public Refusal refusal() {
      return refusal;
    }
  }

  private final byte[] secret;
  private final Duration validity;
  private final String baseUrl;
  private final Clock clock;

  public CustomerLinks(LinkSettings settings, Clock clock) {
    String secret = settings.secret();
    String baseUrl = settings.baseUrl();
    if (secret == null || secret.isBlank()) {
      byte[] random = new byte[32];
      new SecureRandom().nextBytes(random);
      this.secret = random;
      LOG.warn("rootfix.links.secret is not set: the customers' links are signed with a random secret of this start "
          + "and stop working at the next restart and on other nodes (docs/customer-links.md)");
    } else if (secret.length() < 32) {
      throw new IllegalStateException("rootfix.links.secret must be at least 32 characters (docs/customer-links.md)");
    } else {
      this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }
    this.validity = settings.validity();
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.clock = clock;
  }

  /** Where the public pages are, as customers reach them. */
  public String baseUrl() {
    return baseUrl;
  }

  /** The full address a message carries. */
  public String link(long complaintId, long customerId, Purpose purpose) {
    return baseUrl + "/reply/" + token(complaintId, customerId, purpose, Instant.now(clock).plus(validity));
  }

  String token(long complaintId, long customerId, Purpose purpose, Instant expiresAt) {
    String payload = complaintId + "-" + customerId + "-" + purpose.code() + "-" + expiresAt.getEpochSecond();
    return payload + "-" + sign(payload);
  }

  /** Checks the signature first (in constant time), then the expiry. */
  public Verified verify(String token) {
    Matcher parts = token == null ? null : TOKEN.matcher(token);
    if (parts == null || !parts.matches()) {
      throw new RefusedLinkException(Refusal.MALFORMED);
    }
    // The signature is base64url and may itself contain '-': the payload is everything before its 43 characters.
    String payload = token.substring(0, parts.start(5) - 1);
    if (!MessageDigest.isEqual(sign(payload).getBytes(StandardCharsets.US_ASCII),
        parts.group(5).getBytes(StandardCharsets.US_ASCII))) {
      throw new RefusedLinkException(Refusal.TAMPERED);
    }
    Optional<Purpose> purpose = java.util.Arrays.stream(Purpose.values()).filter(p -> p.code().equals(parts.group(3))).findFirst();
    if (purpose.isEmpty()) {
      throw new RefusedLinkException(Refusal.MALFORMED);
    }
    Instant expiresAt = Instant.ofEpochSecond(Long.parseLong(parts.group(4)));
    if (!Instant.now(clock).isBefore(expiresAt)) {
      throw new RefusedLinkException(Refusal.EXPIRED);
    }
    return new Verified(Long.parseLong(parts.group(1)), Long.parseLong(parts.group(2)), purpose.get(), expiresAt);
  }

  private String sign(String payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }
}
