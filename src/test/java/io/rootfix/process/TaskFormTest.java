package io.rootfix.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rootfix.web.InvalidInputException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one reader of task forms: the same words mean the same on every form, and bad input names its field. */
class TaskFormTest {

  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), AMSTERDAM);

  private static TaskForm form(Map<String, Object> values) {
    return new TaskForm(values, CLOCK, LocalTime.of(16, 30));
  }

  @Test
  void yesAndNoMeanTheSameAsTrueAndFalseEverywhere() {
    Map<String, Object> values = new HashMap<>();
    values.put("a", "yes");
    values.put("b", " No ");
    values.put("c", Boolean.TRUE);
    values.put("d", "FALSE");
    TaskForm form = form(values);

    assertThat(form.flag("a")).isTrue();
    assertThat(form.flag("b")).isFalse();
    assertThat(form.flag("c")).isTrue();
    assertThat(form.flagOr("d", true)).isFalse();
    assertThat(form.flagOr("missing", true)).isTrue();
    form.check();
  }

  @Test
  void aWordThatIsNeitherYesNorNoIsRefusedNotReadAsNo() {
    TaskForm form = form(Map.of("remedyApproved", "maybe"));

    assertThat(form.flagOr("remedyApproved", true)).isFalse();
    assertThatThrownBy(form::check).isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).getFieldErrors())
            .containsEntry("remedyApproved", "must be true or false"));
  }

  @Test
  void aPlainDateIsDueAtTheConfiguredTimeInTheCustomersZone() {
    TaskForm form = form(Map.of("due", "2026-12-10", "window", "2026-12-10T09:15:42"));

    assertThat(form.optionalMoment("due")).isEqualTo(Instant.parse("2026-12-10T15:30:00Z"));
    assertThat(form.optionalMoment("window")).isEqualTo(Instant.parse("2026-12-10T08:15:00Z"));
    form.check();
  }

  @Test
  void everyBadFieldIsNamedAtOnceAndNothingBeforeTheCheckThrows() {
    Map<String, Object> values = new HashMap<>();
    values.put("due", "next week");
    values.put("deadline", "2026-12-01");
    values.put("note", "x".repeat(11));
    values.put("number", "RC-x");
    TaskForm form = form(values);

    form.optionalMoment("due");
    form.requiredFutureMoment("deadline", "give a deadline in the future");
    form.requiredText("note", 10);
    form.requiredText("absent", 10);
    form.requiredNumber("number", "RC-");

    assertThatThrownBy(form::check).isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).getFieldErrors()).containsOnlyKeys(
            "due", "deadline", "note", "absent", "number"));
  }

  @Test
  void aNumberMayCarryItsPrefix() {
    TaskForm form = form(Map.of("rootCauseId", "RC-12", "plain", "13"));

    assertThat(form.requiredNumber("rootCauseId", "RC-")).isEqualTo(12L);
    assertThat(form.requiredNumber("plain")).isEqualTo(13L);
    form.check();
  }

  @Test
  void controlCharactersAreRefused() {
    TaskForm form = form(Map.of("text", "fine\u0000not"));

    assertThat(form.optionalText("text", 100)).isNull();
    assertThatThrownBy(form::check).isInstanceOf(InvalidInputException.class);
  }
}
