package io.rootfix.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Business time: opening hours on working days, minus public holidays. Deadlines like "2 business days"
 * count only that time, so a promise made on Friday afternoon falls due on a working day during opening
 * hours. Immutable and thread-safe.
 */
public class BusinessCalendar {

  /** "2 business days", "4 business hours", "30 business minutes". */
  private static final Pattern BUSINESS_DURATION =
      Pattern.compile("\\s*(\\d+)\\s+business\\s+(day|days|hour|hours|minute|minutes)\\s*", Pattern.CASE_INSENSITIVE);

  private final ZoneId zone;
  private final Set<DayOfWeek> workingDays;
  private final LocalTime opens;
  private final LocalTime closes;
  private final boolean dutchHolidays;
  private final Set<LocalDate> extraHolidays;
  private final Map<Integer, Set<LocalDate>> holidaysByYear = new ConcurrentHashMap<>();

  public BusinessCalendar(ZoneId zone, Set<DayOfWeek> workingDays, LocalTime opens, LocalTime closes,
      boolean dutchHolidays, Collection<LocalDate> extraHolidays) {
    if (!opens.isBefore(closes) || workingDays.isEmpty()) {
      throw new IllegalArgumentException("Opening hours need a working day and must open before they close");
    }
    this.zone = zone;
    this.workingDays = EnumSet.copyOf(workingDays);
    this.opens = opens;
    this.closes = closes;
    this.dutchHolidays = dutchHolidays;
    this.extraHolidays = Set.copyOf(extraHolidays);
  }

  /** Monday to Friday, 09:00 to 17:00, Dutch public holidays. */
  public static BusinessCalendar dutchOffice(ZoneId zone) {
    return new BusinessCalendar(zone, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0),
        LocalTime.of(17, 0), true, Set.of());
  }

  public ZoneId zone() {
    return zone;
  }

  public boolean isBusinessDay(LocalDate date) {
    return workingDays.contains(date.getDayOfWeek()) && !holidays(date.getYear()).contains(date);
  }

  /** True for expressions like "2 business days" that this calendar resolves. */
  public static boolean isBusinessDuration(String expression) {
    return expression != null && BUSINESS_DURATION.matcher(expression).matches();
  }

  /** Resolves "N business days|hours|minutes" from a moment. */
  public Instant resolve(String expression, Instant from) {
    Matcher matcher = BUSINESS_DURATION.matcher(expression);
    if (!matcher.matches()) {
      throw new IllegalArgumentException("Not a business duration: '" + expression + "' (e.g. '2 business days')");
    }
    long amount = Long.parseLong(matcher.group(1));
    String unit = matcher.group(2).toLowerCase(Locale.ROOT);
    if (unit.startsWith("day")) {
      return plusBusinessDays(from, (int) amount);
    }
    return plusBusinessTime(from, unit.startsWith("hour") ? Duration.ofHours(amount) : Duration.ofMinutes(amount));
  }

  /**
   * The same time of day, {@code days} business days later; a start outside opening hours counts from
   * the next opening. "2 business days" from Friday 16:00 is Tuesday 16:00.
   */
  public Instant plusBusinessDays(Instant from, int days) {
    ZonedDateTime start = nextOpenMoment(from.atZone(zone));
    return businessDaysAfter(start.toLocalDate(), days).atTime(start.toLocalTime()).atZone(zone).toInstant();
  }

  /**
   * A deadline moved by {@code days} business days: the same time of day, counted from its own date whatever
   * the hour, so an answer due at closing time (17:00) stays due at 17:00. Monday 17:00 plus 3 is Thursday 17:00.
   */
  public Instant deadlineMovedBy(Instant deadline, int days) {
    ZonedDateTime at = deadline.atZone(zone);
    return businessDaysAfter(at.toLocalDate(), days).atTime(at.toLocalTime()).atZone(zone).toInstant();
  }

  private LocalDate businessDaysAfter(LocalDate date, int days) {
    LocalDate after = date;
    for (int counted = 0; counted < days; ) {
      after = after.plusDays(1);
      if (isBusinessDay(after)) {
        counted++;
      }
    }
    return after;
  }

  /** Adds time that passes only while open: 4 business hours from Friday 15:00 is Monday 11:00. */
  public Instant plusBusinessTime(Instant from, Duration amount) {
    ZonedDateTime at = nextOpenMoment(from.atZone(zone));
    Duration left = amount;
    while (true) {
      ZonedDateTime closing = at.toLocalDate().atTime(closes).atZone(zone);
      Duration today = Duration.between(at, closing);
      if (left.compareTo(today) <= 0) {
        return at.plus(left).toInstant();
      }
      left = left.minus(today);
      at = nextOpenMoment(closing.plusNanos(1));
    }
  }

  /** The moment itself when open, else the next opening. */
  ZonedDateTime nextOpenMoment(ZonedDateTime moment) {
    LocalDate date = moment.toLocalDate();
    LocalTime time = moment.toLocalTime();
    if (isBusinessDay(date) && !time.isBefore(opens) && time.isBefore(closes)) {
      return moment;
    }
    if (!isBusinessDay(date) || !time.isBefore(opens)) {
      do {
        date = date.plusDays(1);
      } while (!isBusinessDay(date));
    }
    return date.atTime(opens).atZone(zone);
  }

  private Set<LocalDate> holidays(int year) {
    return holidaysByYear.computeIfAbsent(year, y -> {
      Set<LocalDate> days = new HashSet<>(dutchHolidays ? DutchPublicHolidays.of(y) : Set.of());
      extraHolidays.stream().filter(d -> d.getYear() == y).forEach(days::add);
      return Set.copyOf(days);
    });
  }
}
