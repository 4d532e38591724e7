package io.rootfix.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code rootfix.security.*}: the limits on Rootfix's API.
 *
 * @param maxBodySize the largest request body {@code /api} accepts (413 above it)
 * @param rateLimit how often one client address may call the public endpoints
 * @param trustedProxies the addresses ({@code 10.0.0.5}) and IPv4 ranges ({@code 10.0.0.0/8}) of the reverse
 *     proxies whose {@code X-Forwarded-For} names the client; empty: the header is ignored (TrustedProxies)
 * @param cors which other sites' pages may call the public endpoints
 * @param loginThrottle how failed logins from one address slow that address down
 */
@ConfigurationProperties("rootfix.security")
record SecuritySettings(
    @DefaultValue("64KB") DataSize maxBodySize,
    @DefaultValue RateLimit rateLimit,
    @DefaultValue List<String> trustedProxies,
    @DefaultValue Cors cors,
    @DefaultValue LoginThrottle loginThrottle) {

  /**
   * @param requests requests per client address, per endpoint and window
   * @param endpoints {@code METHOD /path-pattern} under {@code /api}, each counted on its own
   */
  record RateLimit(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("30") int requests,
      @DefaultValue("1m") Duration window,
      @DefaultValue({"POST /api/complaints", "GET /api/status/**", "POST /api/status/*/link"}) List<String> endpoints) {}

  /** @param allowedOrigins origins ({@code https://shop.example}) whose pages may use the public endpoints */
  record Cors(@DefaultValue List<String> allowedOrigins) {}

  /**
   * @param freeAttempts wrong passwords one address may give for one user before it has to wait
   * @param firstWait the wait after the first wrong password beyond those; each further one doubles it
   * @param maxWait the longest wait
   * @param resetAfter how long without a wrong password before an address's count starts afresh
   */
  record LoginThrottle(
      @DefaultValue("5") int freeAttempts,
      @DefaultValue("1s") Duration firstWait,
      @DefaultValue("15m") Duration maxWait,
      @DefaultValue("1h") Duration resetAfter) {}
}
