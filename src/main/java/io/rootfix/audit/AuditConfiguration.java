package io.rootfix.audit;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The seal sweep runs on Spring's scheduler; the history retention and the history filter are engine plugins. */
@Configuration
@EnableScheduling
@EnableConfigurationProperties(HistoryRetention.class)
class AuditConfiguration {

  /** Picked up by the Camunda Spring Boot starter as an engine plugin. */
  @Bean
  HistoryRetentionPlugin historyRetentionPlugin(HistoryRetention retention) {
    return new HistoryRetentionPlugin(retention);
  }

  @Bean
  HistoryForAuditors historyForAuditors() {
    return new HistoryForAuditors();
  }
}
