package io.rootfix.notify;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code rootfix.notify.email.*}: how the outbox sender delivers e-mail (the SMTP server itself is
 * {@code spring.mail.*}).
 *
 * @param enabled whether the sender runs on a schedule; off by default, so a demo or test never mails anyone
 * @param from the sender address customers see
 * @param fixedDelay the pause between the end of one round and the start of the next
 * @param batchSize the most e-mails one round takes
 * @param maxAttempts after this many failed attempts an e-mail goes to an agent
 * @param firstRetry the wait after the first failure; it doubles with every further failure
 * @param maxRetry the longest wait between two attempts
 * @param claimTimeout a claim older than this belongs to a sender that stopped mid-attempt
 * @param messageIdDomain the right-hand side of our {@code Message-ID}s ({@code <uuid@domain>}); empty: the domain
 *     of {@code from}. The support mailbox recognises a mail loop by it.
 */
@ConfigurationProperties("rootfix.notify.email")
public record NotifySettings(
    @DefaultValue("false") boolean enabled,
    @DefaultValue("Customer Service <service@rootfix.example>") String from,
    @DefaultValue("PT30S") Duration fixedDelay,
    @DefaultValue("50") int batchSize,
    @DefaultValue("8") int maxAttempts,
    @DefaultValue("PT1M") Duration firstRetry,
    @DefaultValue("PT1H") Duration maxRetry,
    @DefaultValue("PT10M") Duration claimTimeout,
    @DefaultValue("") String messageIdDomain) {

  /** The domain of our Message-IDs: the one set, or the domain of the sender address. */
  public String ownDomain() {
    if (messageIdDomain != null && !messageIdDomain.isBlank()) {
      return messageIdDomain.strip().toLowerCase(java.util.Locale.ROOT);
    }
    String address = fromAddress();
    return address.substring(address.lastIndexOf('@') + 1);
  }

  /** The address of {@code from} without its display name, lower case. */
  public String fromAddress() {
    String address = from.contains("<") ? from.substring(from.indexOf('<') + 1, from.indexOf('>', from.indexOf('<')))
        : from;
    return address.strip().toLowerCase(java.util.Locale.ROOT);
  }

  /** The wait before the next attempt after {@code failedAttempts} failures: 1, 2, 4, … minutes, at most maxRetry. */
  Duration retryAfter(int failedAttempts) {
    Duration wait = firstRetry.multipliedBy(1L << Math.min(Math.max(failedAttempts - 1, 0), 30));
    return wait.compareTo(maxRetry) > 0 || wait.isNegative() ? maxRetry : wait;
  }
}
