package io.rootfix.reason;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.List;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code processes/controlled-reasons.dmn}: every step has its list, and the codes the process sets itself exist. */
class ControlledReasonsTableTest {

  private static DmnEngine dmnEngine;
  private static DmnDecision decision;

  @BeforeAll
  static void parse() throws Exception {
    dmnEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream model = ControlledReasonsTableTest.class.getClassLoader()
        .getResourceAsStream(ControlledReasons.RESOURCE)) {
      decision = dmnEngine.parseDecision(ControlledReasons.DECISION_KEY, model);
    }
  }

  @ParameterizedTest(name = "{0}: {1} reasons, first {2}, last {3}")
  @CsvSource({
      "CLOSE_WITHOUT_CONFIRMATION, 5, NO_REPLY,             OTHER",
      "ONE_OFF,                    5, PARTNER_SLIP,         OTHER",
      "RETURN_ANSWER,              6, INCOMPLETE,           OTHER",
      "REOPEN,                     6, PROBLEM_PERSISTS,     OTHER",
      "REMEDY_REFUSAL,             5, ABOVE_DAMAGE,         OTHER",
  })
  void everyStepHasItsOwnListInTheOrderOfTheTable(String step, int size, String first, String last) {
    List<String> codes = codes(step);

    assertThat(codes).hasSize(size).doesNotHaveDuplicates().startsWith(first).endsWith(last);
  }

  @Test
  void theCodesTheProcessRecordsItselfAreInTheLists() {
    assertThat(codes(ReasonStep.CLOSE_WITHOUT_CONFIRMATION)).contains(ReasonStep.NO_REPLY);
    assertThat(codes(ReasonStep.REOPEN)).contains(ReasonStep.CUSTOMER_REPLY);
  }

  @Test
  void anUnknownStepHasNoReasons() {
    assertThat(codes("ESCALATE")).isEmpty();
  }

  private static List<String> codes(String step) {
    return dmnEngine.evaluateDecisionTable(decision, Variables.createVariables().putValue("step", step))
        .collectEntries("code");
  }
}
