package io.rootfix.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class BusinessCalendarTest {

  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  private final BusinessCalendar calendar = BusinessCalendar.dutchOffice(AMSTERDAM);

  @Test
  void twoBusinessDaysFromFridayAfternoonLandOnTuesdayDuringOpeningHours() {
    Instant friday = at("2026-11-20T16:00");

    assertThat(calendar.resolve("2 business days", friday)).isEqualTo(at("2026-11-24T16:00"));
  }

  @Test
  void aPublicHolidayDoesNotCount() {
    // Monday 27 April 2026 is King's Day.
    assertThat(calendar.plusBusinessDays(at("2026-04-24T10:00"), 2)).isEqualTo(at("2026-04-29T10:00"));
    // Christmas and a weekend: Thursday 24 December 2026 + 1 business day is Monday 28 December.
    assertThat(calendar.plusBusinessDays(at("2026-12-24T11:30"), 1)).isEqualTo(at("2026-12-28T11:30"));
  }

  @Test
  void aDeadlineAtClosingTimeMovesByBusinessDaysAndStaysAtClosingTime() {
    assertThat(calendar.deadlineMovedBy(at("2026-11-23T17:00"), 3)).as("Monday").isEqualTo(at("2026-11-26T17:00"));
    assertThat(calendar.deadlineMovedBy(at("2026-11-27T17:00"), 1)).as("Friday").isEqualTo(at("2026-11-30T17:00"));
    assertThat(calendar.deadlineMovedBy(at("2026-12-24T17:00"), 1)).as("Christmas").isEqualTo(at("2026-12-28T17:00"));
    assertThat(calendar.deadlineMovedBy(at("2026-11-23T17:00"), 0)).isEqualTo(at("2026-11-23T17:00"));
  }

  @Test
  void aStartOutsideOpeningHoursCountsFromTheNextOpening() {
    assertThat(calendar.plusBusinessDays(at("2026-11-21T13:00"), 1)).as("Saturday").isEqualTo(at("2026-11-24T09:00"));
    assertThat(calendar.plusBusinessDays(at("2026-11-23T20:00"), 1)).as("Monday night").isEqualTo(at("2026-11-25T09:00"));
  }

  @Test
  void businessHoursOnlyPassWhileOpen() {
    assertThat(calendar.resolve("4 business hours", at("2026-11-20T15:00"))).isEqualTo(at("2026-11-23T11:00"));
    assertThat(calendar.plusBusinessTime(at("2026-11-23T07:00"), Duration.ofMinutes(30))).isEqualTo(at("2026-11-23T09:30"));
  }

  @Test
  void dutchPublicHolidaysFollowEaster() {
    assertThat(DutchPublicHolidays.easterSunday(2026)).isEqualTo(LocalDate.of(2026, 4, 5));
    assertThat(DutchPublicHolidays.of(2026)).contains(LocalDate.of(2026, 4, 3), LocalDate.of(2026, 4, 6),
        LocalDate.of(2026, 5, 14), LocalDate.of(2026, 5, 25), LocalDate.of(2026, 4, 27))
        .doesNotContain(LocalDate.of(2026, 5, 5));
    assertThat(DutchPublicHolidays.of(2025)).as("King's Day on Saturday when the 27th is a Sunday")
        .contains(LocalDate.of(2025, 4, 26), LocalDate.of(2025, 5, 5));
  }

  @Test
  void onlyBusinessDurationsAreUnderstood() {
    assertThat(BusinessCalendar.isBusinessDuration("2 business days")).isTrue();
    assertThat(BusinessCalendar.isBusinessDuration("P2D")).isFalse();
    assertThatThrownBy(() -> calendar.resolve("soon", Instant.now())).isInstanceOf(IllegalArgumentException.class);
  }

  private static Instant at(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(AMSTERDAM).toInstant();
  }
}
