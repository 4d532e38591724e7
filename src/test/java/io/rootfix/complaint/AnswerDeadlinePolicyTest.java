package io.rootfix.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every rule of {@code processes/answer-deadline.dmn}, first match wins. */
class AnswerDeadlinePolicyTest {

  private static DmnEngine dmnEngine;
  private static DmnDecision decision;

  @BeforeAll
  static void parse() throws Exception {
    dmnEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream model = AnswerDeadlinePolicyTest.class.getClassLoader()
        .getResourceAsStream(ComplaintProcess.ANSWER_DEADLINE_DECISION)) {
      decision = dmnEngine.parseDecision("answer-deadline", model);
    }
  }

  @ParameterizedTest(name = "{0} via {1} → {2}")
  @CsvSource({
      "billing,  social, 2 business days",
      "billing,  web,    2 business days",
      "delivery, social, 1 business day",
      "product,  chat,   1 business day",
      "delivery, email,  2 business days",
      "service,  phone,  3 business days",
      "product,  web,    5 business days",
      "other,    email,  5 business days",
  })
  void answersWithinTheTimeOfTheFirstMatchingRule(String category, String channel, String answerWithin) {
    String result = dmnEngine.evaluateDecisionTable(decision,
        Variables.createVariables().putValue("category", category).putValue("channel", channel))
        .getSingleResult().getSingleEntry();

    assertThat(result).isEqualTo(answerWithin);
  }
}
