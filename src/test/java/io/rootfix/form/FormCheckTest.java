package io.rootfix.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Every form in {@code forms/}, every field a person fills in: what a caller who bypasses the browser may send. */
class FormCheckTest {

  static final LocalDate TODAY = LocalDate.of(2026, 12, 3);

  static final Set<String> DISPLAY_ONLY = Set.of("wait-for-fix.form");

  static Stream<Path> forms() throws IOException {
    return Files.list(Path.of("forms")).filter(p -> p.toString().endsWith(".form")).sorted();
  }

  @ParameterizedTest
  @MethodSource("forms")
  void everyFieldRefusesTheWrongTypeOverLongTextAndControlCharactersAndTheFormRefusesUnknownFields(Path file)
      throws IOException {
    CamundaForm form = CamundaForm.parse(Files.readAllBytes(file));
    // A task the process ends by itself (the wait for a root cause's fix) shows, and takes nothing.
    assertThat(form.fields().isEmpty()).as(file + " has input fields unless it only shows")
        .isEqualTo(DISPLAY_ONLY.contains(file.getFileName().toString()));

    assertThat(errors(form, Map.of("remedyAmount", 1_000_000))).as(file + ": a field it does not have")
        .containsOnlyKeys("remedyAmount");

    for (FormField field : form.fields().values()) {
      assertThat(CamundaForm.INPUT_TYPES).as(file + ": " + field.key() + " is a kind of field the server checks")
          .contains(field.type());
      if (field.disabled()) {
        assertThat(errors(form, Map.of(field.key(), "changed"))).as(file + ": read-only " + field.key())
            .containsKey(field.key());
        continue;
      }
      assertThat(errors(form, Map.of(field.key(), wrongType(field)))).as(file + ": wrong type for " + field.key())
          .containsKey(field.key());
      assertThat(errors(form, Map.of(field.key(), Variables.objectValue(new java.util.ArrayList<>()).create())))
          .as(file + ": an object for " + field.key()).containsKey(field.key());
      if (field.isText()) {
        assertThat(errors(form, Map.of(field.key(), "x".repeat(field.maxLengthOrDefault() + 1))))
            .as(file + ": over-long " + field.key()).containsKey(field.key());
        assertThat(errors(form, Map.of(field.key(), "a\u0000b"))).as(file + ": NUL in " + field.key())
            .containsKey(field.key());
        assertThat(errors(form, Map.of(field.key(), " \u001b[2J"))).as(file + ": escape before trimming, " + field.key())
            .containsKey(field.key());
        if (field.pattern() == null) {
          String lines = "Line one\nline two\ttabbed".substring(0, Math.min(22, field.maxLengthOrDefault()));
          assertThat(errors(form, Map.of(field.key(), lines))).as(file + ": " + field.key())
              .doesNotContainKey(field.key());
        }
      }
    }
  }

  @Test
  void choicesComeFromTheFormOrFromWhatTheProcessOffers() {
    CamundaForm findCause = form("find-root-cause");
    assertThat(errors(findCause, Map.of("rootCauseOwnerGroup", "auditors"))).containsKey("rootCauseOwnerGroup");
    assertThat(errors(findCause, Map.of("rootCauseOwnerGroup", "team-leads"))).isEmpty();
    assertThat(FormCheck.check(findCause, Variables.fromMap(Map.of("oneOffReason", "PARTNER_SLIP")),
        key -> List.of("HUMAN_ERROR", "PARTNER_SLIP"), TODAY)).isEmpty();
    assertThat(FormCheck.check(findCause, Variables.fromMap(Map.of("oneOffReason", "NO_REPLY")),
        key -> List.of("HUMAN_ERROR", "PARTNER_SLIP"), TODAY)).containsKey("oneOffReason");
    assertThat(errors(findCause, Map.of("oneOffReason", "HUMAN_ERROR"))).as("nothing offered")
        .containsKey("oneOffReason");
  }

  @Test
  void datesAreWrittenAsDatesWithinSensibleBoundsAndNotInThePastWhereTheFormSaysSo() {
    CamundaForm investigate = form("investigate-root-cause");
    assertThat(errors(investigate, Map.of("fixDeadline", "2026-12-17"))).isEmpty();
    assertThat(errors(investigate, Map.of("fixDeadline", "+10000-01-01"))).containsKey("fixDeadline");
    assertThat(errors(investigate, Map.of("fixDeadline", "2037-01-01"))).containsKey("fixDeadline");
    assertThat(errors(investigate, Map.of("fixDeadline", "2026-12-02"))).containsKey("fixDeadline");
    assertThat(errors(investigate, Map.of("fixDeadline", 20261231))).containsKey("fixDeadline");
    assertThat(errors(investigate, Map.of("fixDeadline", "17-12-2026"))).containsKey("fixDeadline");

    CamundaForm renegotiate = form("renegotiate-promise");
    assertThat(errors(renegotiate, Map.of("newDue", "2026-12-10T14:00"))).isEmpty();
    assertThat(errors(renegotiate, Map.of("newDue", "2026-12-10T14:00+01:00"))).isEmpty();
    assertThat(errors(renegotiate, Map.of("newDue", "10000-12-10T14:00"))).containsKey("newDue");
    assertThat(errors(renegotiate, Map.of("newDue", "tomorrow"))).containsKey("newDue");
  }

  @Test
  void yesOrNoIsTrueOrFalseAndNothingElse() {
    assertThat(errors(form("verify-fix"), Map.of("fixVerified", "maybe"))).containsKey("fixVerified");
    assertThat(errors(form("verify-fix"), Map.of("fixVerified", "true"))).isEmpty();
    assertThat(errors(form("investigate-root-cause"), Map.of("willFix", "yes"))).containsKey("willFix");
    assertThat(errors(form("investigate-root-cause"), Map.of("willFix", true))).isEmpty();
  }

  @Test
  void aFieldTheFormAlwaysShowsAndRequiresIsRequiredAConditionalOneIsTheStepsToJudge() {
    assertThat(allErrors(form("patch-symptom"), Map.of())).containsOnlyKeys("patchDescription");
    assertThat(allErrors(form("patch-symptom"), Map.of("patchDescription", "   "))).containsOnlyKeys("patchDescription");
    assertThat(allErrors(form("record-confirmation"), Map.of())).as("resolved is asked only when not closing")
        .isEmpty();
  }

  @Test
  void numbersKeepTheFormsRangeAndDecimals() {
    CamundaForm intake = form("phone-intake");
    Map<String, Object> call = Map.of("customerName", "Jan", "customerPhone", "0612345678", "category", "billing",
        "description", "Charged twice", "desiredOutcome", "refund");
    assertThat(errors(intake, with(call, "claimedAmount", 129.95))).isEmpty();
    assertThat(errors(intake, with(call, "claimedAmount", -1))).containsOnlyKeys("claimedAmount");
    assertThat(errors(intake, with(call, "claimedAmount", 1.005))).containsOnlyKeys("claimedAmount");
    assertThat(errors(intake, with(call, "claimedAmount", 1e12))).containsOnlyKeys("claimedAmount");
  }

  private static Map<String, Object> with(Map<String, Object> values, String key, Object value) {
    VariableMap map = Variables.fromMap(values);
    map.put(key, value);
    return map;
  }

  private static Object wrongType(FormField field) {
    return switch (field.type()) {
      case "checkbox" -> "maybe";
      case "number" -> true;
      case "select", "radio" -> "not-an-option";
      case "datetime" -> 20261231;
      default -> 42;
    };
  }

  private static Map<String, String> allErrors(CamundaForm form, Map<String, Object> submitted) {
    return FormCheck.check(form, Variables.fromMap(submitted), key -> null, TODAY);
  }

  /** The errors about what was submitted (a single field is not the whole form: missing required ones aside). */
  private static Map<String, String> errors(CamundaForm form, Map<String, Object> submitted) {
    return FormCheck.check(form, Variables.fromMap(submitted), key -> null, TODAY).entrySet().stream()
        .filter(e -> submitted.containsKey(e.getKey()) || !"is required".equals(e.getValue()))
        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  private static CamundaForm form(String name) {
    try {
      return CamundaForm.parse(Files.readAllBytes(Path.of("forms", name + ".form")));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
