package io.rootfix.locale;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * One convention for every date Rootfix shows, from {@code rootfix.locale.*}: Dutch by default (dd-MM-yyyy,
 * Europe/Amsterdam), so "12-10-2026" is 12 October everywhere, on forms, letters, the status and audit pages.
 *
 * @param datePattern a {@link DateTimeFormatter} pattern of day, month and year, e.g. dd-MM-yyyy or yyyy-MM-dd
 * @param zone where dates and times are meant and shown, whatever the browser's or server's zone
 * @param language the language of month and day names (nl)
 */
@ConfigurationProperties("rootfix.locale")
public record LocaleSettings(String datePattern, ZoneId zone, String language) {

  public static final String DEFAULT_DATE_PATTERN = "dd-MM-yyyy";
  public static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Amsterdam");

  public LocaleSettings {
    datePattern = datePattern == null || datePattern.isBlank() ? DEFAULT_DATE_PATTERN : datePattern.trim();
    zone = zone == null ? DEFAULT_ZONE : zone;
    language = language == null || language.isBlank() ? "nl" : language.trim();
    if (!datePattern.matches("[dMy./ -]+") || !datePattern.contains("d") || !datePattern.contains("M")
        || !datePattern.contains("y")) {
      // The Tasklist date picker takes only day, month and year with separators; so does everything else here.
      throw new IllegalArgumentException("rootfix.locale.date-pattern must be day, month and year with separators "
          + "(like dd-MM-yyyy), not " + datePattern);
    }
  }

  /** The defaults, for code and tests outside Spring. */
  public static LocaleSettings dutch() {
    return new LocaleSettings(null, null, null);
  }

  public Locale locale() {
    return Locale.forLanguageTag(language);
  }
}
