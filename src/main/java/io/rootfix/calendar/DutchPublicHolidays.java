package io.rootfix.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Dutch public holidays on which offices are commonly closed: New Year's Day, Good Friday, Easter
 * Monday, King's Day, Liberation Day (a day off every fifth year), Ascension Day, Whit Monday and the two
 * Christmas days.
 */
public final class DutchPublicHolidays {

  private DutchPublicHolidays() {}

  public static Set<LocalDate> of(int year) {
    Set<LocalDate> days = new TreeSet<>();
    LocalDate easter = easterSunday(year);
    days.add(LocalDate.of(year, 1, 1));
    days.add(easter.minusDays(2));
    days.add(easter.plusDays(1));
    days.add(kingsDay(year));
    if (year % 5 == 0) {
      days.add(MonthDay.of(5, 5).atYear(year));
    }
    days.add(easter.plusDays(39));
    days.add(easter.plusDays(50));
    days.add(LocalDate.of(year, 12, 25));
    days.add(LocalDate.of(year, 12, 26));
    return days;
  }

  /** 27 April, or the Saturday before when it falls on a Sunday. */
  static LocalDate kingsDay(int year) {
    LocalDate day = LocalDate.of(year, 4, 27);
    return day.getDayOfWeek() == DayOfWeek.SUNDAY ? day.minusDays(1) : day;
  }

  /** The Gregorian Easter Sunday (anonymous Gregorian algorithm). */
  static LocalDate easterSunday(int year) {
    int a = year % 19;
    int b = year / 100;
    int c = year % 100;
    int d = b / 4;
    int e = b % 4;
    int f = (b + 8) / 25;
    int g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30;
    int i = c / 4;
    int k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31;
    int day = ((h + l - 7 * m + 114) % 31) + 1;
    return LocalDate.of(year, month, day);
  }
}
