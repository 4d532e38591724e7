package io.rootfix.locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class LocalDatesTest {

  private final LocalDates dutch = new LocalDates(LocaleSettings.dutch());

  @Test
  void aPromiseForFiveInTheAfternoonInAmsterdamReadsFiveInWinterAndInSummer() {
    // 17:00 in Amsterdam is 16:00 UTC in winter (CET) and 15:00 UTC in summer (CEST).
    assertThat(dutch.moment(Instant.parse("2026-01-15T16:00:00Z"))).isEqualTo("15-01-2026 17:00");
    assertThat(dutch.moment(Instant.parse("2026-07-15T15:00:00Z"))).isEqualTo("15-07-2026 17:00");
    // The night the clocks go back: 02:30 happens twice, an hour apart.
    assertThat(dutch.moment(Instant.parse("2026-10-25T00:30:00Z"))).isEqualTo("25-10-2026 02:30");
    assertThat(dutch.moment(Instant.parse("2026-10-25T01:30:00Z"))).isEqualTo("25-10-2026 02:30");
  }

  @Test
  void datesAreDayMonthYearSoTwelveTenIsTheTwelfthOfOctober() {
    assertThat(dutch.date(LocalDate.of(2026, 10, 12))).isEqualTo("12-10-2026");
    // Late in the evening in Amsterdam is already the next day in UTC: the day shown is Amsterdam's.
    assertThat(dutch.date(Instant.parse("2026-12-31T23:30:00Z"))).isEqualTo("01-01-2027");
    assertThat(dutch.date((LocalDate) null)).isNull();
    assertThat(dutch.moment(null)).isNull();
  }

  @Test
  void thePatternAndZoneAreSettings() {
    LocalDates iso = new LocalDates(new LocaleSettings("yyyy-MM-dd", ZoneId.of("Europe/London"), "en"));

    assertThat(iso.date(LocalDate.of(2026, 10, 12))).isEqualTo("2026-10-12");
    assertThat(iso.moment(Instant.parse("2026-07-15T15:00:00Z"))).isEqualTo("2026-07-15 16:00");
  }

  @Test
  void aPatternTheDatePickerCannotShowIsRefusedAtStartUp() {
    assertThatThrownBy(() -> new LocaleSettings("dd-MM-yyyy HH:mm", null, null))
        .hasMessageContaining("rootfix.locale.date-pattern");
    assertThatThrownBy(() -> new LocaleSettings("MM/yyyy", null, null))
        .hasMessageContaining("rootfix.locale.date-pattern");
  }
}
