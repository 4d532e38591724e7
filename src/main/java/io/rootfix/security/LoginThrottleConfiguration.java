package io.rootfix.security;

import java.time.Clock;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Failed logins slow down the address they come from (LoginThrottle) instead of locking the account. The
 * engine's own lock counts per user, whoever gives the wrong password: each wrong one blocks the right
 * password too, from anywhere, for 3 s, 6 s, … up to a minute ({@code loginDelayBase}, {@code loginDelayFactor},
 * {@code loginDelayMaxTime}), and the tenth ({@code loginMaxAttempts}) locks the user until an admin unlocks
 * them: anyone could lock out anyone, the last admin included. So its delay is zero and its lock unreachable.
 */
@Configuration
class LoginThrottleConfiguration {

  @Bean
  LoginThrottle loginThrottle(SecuritySettings settings) {
    return new LoginThrottle(settings.loginThrottle(), Clock.systemUTC());
  }

  /** First of all filters, so every password check, wherever it happens, knows the client's address. */
  @Bean
  FilterRegistrationBean<ClientAddress> clientAddress() {
    FilterRegistrationBean<ClientAddress> registration = new FilterRegistrationBean<>(new ClientAddress());
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  @Bean
  ProcessEnginePlugin loginThrottlePlugin(LoginThrottle throttle) {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setLoginDelayBase(0);
        configuration.setLoginMaxAttempts(Integer.MAX_VALUE);
        configuration.setIdentityProviderSessionFactory(ThrottledIdentityProvider.factory(throttle));
      }
    };
  }
}
