package io.rootfix.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The retention settings an operator may get wrong are refused at start-up, naming the setting. */
class HistoryRetentionSettingTest {

  @Test
  void aMarginOfWholeDaysZeroIncludedIsTaken() {
    assertThat(new HistoryRetention(Duration.ofDays(2555), Duration.ofDays(30)).marginDays()).isEqualTo(30);
    assertThat(new HistoryRetention(Duration.ofDays(2555), Duration.ZERO).marginDays()).isZero();
  }

  @Test
  void aNegativeOrPartialMarginIsRefused() {
    for (Duration margin : new Duration[] {Duration.ofDays(-1), Duration.ofHours(12)}) {
      assertThatThrownBy(() -> new HistoryRetention(Duration.ofDays(2555), margin))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rootfix.history.removal-margin");
    }
  }

  @Test
  void aTimeToLiveUnderADayIsRefused() {
    assertThatThrownBy(() -> new HistoryRetention(Duration.ofHours(5), Duration.ofDays(30)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rootfix.history.time-to-live");
  }
}
