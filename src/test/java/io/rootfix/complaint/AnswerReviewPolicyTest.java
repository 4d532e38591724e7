package io.rootfix.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every rule of {@code processes/answer-review.dmn}, first match wins. */
class AnswerReviewPolicyTest {

  private static DmnEngine dmnEngine;
  private static DmnDecision decision;

  @BeforeAll
  static void parse() throws Exception {
    dmnEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream model = AnswerReviewPolicyTest.class.getClassLoader()
        .getResourceAsStream(ComplaintProcess.ANSWER_REVIEW_DECISION)) {
      decision = dmnEngine.parseDecision(ComplaintProcess.ANSWER_REVIEW_DECISION_KEY, model);
    }
  }

  @ParameterizedTest(name = "{0}, {1}, {2} EUR, reopened {3}x, drafted by [{4}] → review {5}: {6}")
  @CsvSource(delimiter = '|', textBlock = """
      delivery | critical | 0    | 0 | service-agents            | true  | Critical severity: always checked
      delivery | critical | 0    | 0 | team-leads,service-agents | true  | Critical severity: always checked
      delivery | high     | 1000 | 2 | team-leads,service-agents | false | Drafted by a team lead
      service  | normal   | 0    | 0 | team-leads                | false | Drafted by a team lead
      delivery | normal   | 0    | 1 | service-agents            | true  | Reopened before: the last answer did not resolve it
      billing  | low      | 0    | 3 | service-agents            | true  | Reopened before: the last answer did not resolve it
      delivery | normal   | 250.01 | 0 | service-agents          | true  | Remedy above 250 EUR
      delivery | normal   | 250  | 0 | service-agents            | false | Routine answer: no review
      product  | high     | 0    | 0 | service-agents            | true  | High severity
      service  | normal   | 0    | 0 | service-agents            | true  | A complaint about our service or staff
      billing  | normal   | 0    | 0 | camunda-admin             | true  | Drafted outside the service agents
      billing  | normal   | 0    | 0 |                           | true  | Drafted outside the service agents
      billing  | low      | 10   | 0 | service-agents            | false | Routine answer: no review
      other    | normal   | 0    | 0 | service-agents,auditors   | false | Routine answer: no review
      """)
  void reviewsTheAnswerWhenTheFirstMatchingRuleSaysSo(String category, String severity, String remedyAmount,
      int reopenCount, String groups, boolean reviewNeeded, String why) {
    DmnDecisionRuleResult result = evaluate(Variables.createVariables()
        .putValue("category", category)
        .putValue("severity", severity)
        .putValue("remedyAmount", Double.valueOf(remedyAmount))
        .putValue("reopenCount", reopenCount)
        .putValue("draftedByGroups", groups == null ? "" : groups));

    assertThat((Boolean) result.getEntry("reviewNeeded")).isEqualTo(reviewNeeded);
    assertThat((String) result.getEntry("reviewReason")).isEqualTo(why);
  }

  @Test
  void aMissingSeverityRemedyAmountAndReopenCountCountAsNormalAndZero() {
    DmnDecisionRuleResult result = evaluate(Variables.createVariables()
        .putValue("category", "delivery")
        .putValue("draftedByGroups", "service-agents"));

    assertThat((Boolean) result.getEntry("reviewNeeded")).isFalse();
    assertThat((String) result.getEntry("reviewReason")).isEqualTo("Routine answer: no review");
  }

  @Test
  void aRemedyAmountGivenAsAWholeNumberCountsToo() {
    DmnDecisionRuleResult result = evaluate(Variables.createVariables()
        .putValue("category", "delivery").putValue("severity", "normal").putValue("remedyAmount", 300L)
        .putValue("reopenCount", 0).putValue("draftedByGroups", "service-agents"));

    assertThat((String) result.getEntry("reviewReason")).isEqualTo("Remedy above 250 EUR");
  }

  private static DmnDecisionRuleResult evaluate(VariableMap variables) {
    return dmnEngine.evaluateDecisionTable(decision, variables).getSingleResult();
  }
}
