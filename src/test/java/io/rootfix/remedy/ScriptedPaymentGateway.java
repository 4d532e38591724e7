package io.rootfix.remedy;

import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A payment gateway for the integration tests: the built-in one, unless a test scripts failures. It can fail
 * before paying (the gateway is down) or right after paying (the payout went through, then the node died before
 * Rootfix recorded it). Production code is unchanged: the test context puts this in front as the primary bean.
 */
public class ScriptedPaymentGateway implements PaymentGateway {

  private final PaymentGateway builtIn;
  private final Map<String, Integer> calls = new ConcurrentHashMap<>();
  private volatile int failuresBeforePaying;
  private volatile int failuresAfterPaying;

  ScriptedPaymentGateway(PaymentGateway builtIn) {
    this.builtIn = builtIn;
  }

  /** Fails the next n calls without paying; -1 fails every call. */
  public void failBeforePaying(int n) {
    failuresBeforePaying = n;
  }

  /** Pays on the next n calls, then fails as if the caller crashed before it could record the payout. */
  public void failAfterPaying(int n) {
    failuresAfterPaying = n;
  }

  /** How often the gateway was called with this idempotency key, since the last reset. */
  public int calls(String idempotencyKey) {
    return calls.getOrDefault(idempotencyKey, 0);
  }

  public void reset() {
    failuresBeforePaying = 0;
    failuresAfterPaying = 0;
    calls.clear();
  }

  @Override
  public String pay(String idempotencyKey, BigDecimal amount, String currency, String beneficiary) {
    calls.merge(idempotencyKey, 1, Integer::sum);
    if (failuresBeforePaying != 0) {
      if (failuresBeforePaying > 0) {
        failuresBeforePaying--;
      }
      throw new IllegalStateException("Payment gateway unavailable (scripted)");
    }
    String reference = builtIn.pay(idempotencyKey, amount, currency, beneficiary);
    if (failuresAfterPaying > 0) {
      failuresAfterPaying--;
      throw new IllegalStateException("Connection lost after the payout " + reference + " (scripted)");
    }
    return reference;
  }

  /** Imported by the shared integration test context. */
  @TestConfiguration(proxyBeanMethods = false)
  public static class Configuration {

    @Bean
    @Primary
    ScriptedPaymentGateway scriptedPaymentGateway(RecordedPayments builtIn) {
      return new ScriptedPaymentGateway(builtIn);
    }
  }
}
