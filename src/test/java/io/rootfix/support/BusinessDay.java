package io.rootfix.support;

import io.rootfix.EngineClock;
import io.rootfix.locale.LocaleSettings;
import java.time.LocalDate;

/**
 * "Today" as Rootfix sees it: the engine's clock in the company's zone. The JVM's own date differs from it for
 * an hour or more every night (a server in UTC is already past midnight in Amsterdam at 23:00), so a test that
 * used {@code BusinessDay.today()} failed at night: a date "today" was refused as past, a complaint closed "today"
 * was not found.
 */
public final class BusinessDay {

  private BusinessDay() {
  }

  public static LocalDate today() {
    return LocalDate.now(new EngineClock(LocaleSettings.DEFAULT_ZONE));
  }
}
