package io.rootfix.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import io.rootfix.locale.LocaleSettings;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The business calendar from {@code rootfix.calendar.*}, for Rootfix's code and the engine's timers. */
@Configuration
@EnableConfigurationProperties(BusinessCalendarConfiguration.CalendarProperties.class)
class BusinessCalendarConfiguration {

  /**
   * @param zone where the office is; agreed dates are meant there (default: rootfix.locale.zone)
   * @param workingDays default Monday to Friday
   * @param opens default 09:00
   * @param closes default 17:00
   * @param dutchPublicHolidays closed on Dutch public holidays (default true)
   * @param extraHolidays further closing days (yyyy-MM-dd)
   */
  @ConfigurationProperties("rootfix.calendar")
  record CalendarProperties(ZoneId zone, List<DayOfWeek> workingDays, LocalTime opens, LocalTime closes,
      Boolean dutchPublicHolidays, List<LocalDate> extraHolidays) {}

  @Bean
  BusinessCalendar businessCalendar(CalendarProperties properties, LocaleSettings locale) {
    return new BusinessCalendar(
        // One zone for timers, agreed dates and every date shown, unless an operator separates them on purpose.
        properties.zone() != null ? properties.zone() : locale.zone(),
        properties.workingDays() == null || properties.workingDays().isEmpty()
            ? EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY)
            : EnumSet.copyOf(properties.workingDays()),
        properties.opens() != null ? properties.opens() : LocalTime.of(9, 0),
        properties.closes() != null ? properties.closes() : LocalTime.of(17, 0),
        properties.dutchPublicHolidays() == null || properties.dutchPublicHolidays(),
        properties.extraHolidays() == null ? List.of() : properties.extraHolidays());
  }

  /** Picked up by the Camunda Spring Boot starter as an engine plugin. */
  @Bean
  BusinessCalendarPlugin businessCalendarPlugin(BusinessCalendar businessCalendar) {
    return new BusinessCalendarPlugin(businessCalendar);
  }
}
