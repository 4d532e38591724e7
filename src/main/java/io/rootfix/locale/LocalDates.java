package io.rootfix.locale;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Dates and moments as Rootfix shows them to staff and customers: the configured pattern, times in the configured
 * zone (never the server's or the browser's), 24-hour clock. A promise due at 17:00 in Amsterdam reads 17:00, in
 * winter and in summer.
 */
@Component
@EnableConfigurationProperties(LocaleSettings.class)
public class LocalDates {

  private final LocaleSettings settings;
  private final DateTimeFormatter date;
  private final DateTimeFormatter moment;

  public LocalDates(LocaleSettings settings) {
    this.settings = settings;
    this.date = DateTimeFormatter.ofPattern(settings.datePattern(), settings.locale());
    this.moment = DateTimeFormatter.ofPattern(settings.datePattern() + " HH:mm", settings.locale())
        .withZone(settings.zone());
  }

  public ZoneId zone() {
    return settings.zone();
  }

  public LocaleSettings settings() {
    return settings;
  }

  /** "10-12-2026"; null for none. */
  public String date(LocalDate day) {
    return day == null ? null : date.format(day);
  }

  /** The day a moment falls on in the configured zone; null for none. */
  public String date(Instant instant) {
    return instant == null ? null : date.format(instant.atZone(settings.zone()));
  }

  /** "10-12-2026 17:00" in the configured zone; null for none. */
  public String moment(Instant instant) {
    return instant == null ? null : moment.format(instant);
  }
}
