package io.rootfix;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class RootfixConfiguration {

  /** The zone in which dates agreed with customers ("by Tuesday") are meant. */
  @Bean
  public Clock clock(@Value("${rootfix.time-zone:Europe/Amsterdam}") String zone) {
    return new EngineClock(ZoneId.of(zone));
  }
}
