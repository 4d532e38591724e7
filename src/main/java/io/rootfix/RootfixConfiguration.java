package io.rootfix;

import io.rootfix.calendar.BusinessCalendar;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class RootfixConfiguration {

  /** Engine time in the business calendar's zone, where dates agreed with customers ("by Tuesday") are meant. */
  @Bean
  public Clock clock(BusinessCalendar calendar) {
    return new EngineClock(calendar.zone());
  }
}
