package io.rootfix.remedy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every rule of {@code processes/remedy-policy.dmn}, first match wins; the limit is tested on both sides. */
class RemedyPolicyTest {

  private static DmnEngine dmnEngine;
  private static DmnDecision decision;

  @BeforeAll
  static void parse() throws Exception {
    dmnEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream model = RemedyPolicyTest.class.getClassLoader()
        .getResourceAsStream(RemedyProcess.POLICY_DECISION)) {
      decision = dmnEngine.parseDecision("remedy-policy", model);
    }
  }

  @ParameterizedTest(name = "rule {0}: {1} ({2}) EUR {3}, {4} earlier totalling {5} → {6} EUR {7}, team lead: {8}")
  @CsvSource(nullValues = "null", value = {
      // rule, desired outcome, category, claimed amount, earlier remedies, their total → type, amount, team lead, note starts with
      "1,  answer,      delivery, 120.00, 0, 0,      NONE,        0,      false, The customer wants an answer",
      "1,  answer,      billing,  null,   9, 5000,   NONE,        0,      false, The customer wants an answer",
      "2,  repair,      product,  80.00,  0, 0,      REPAIR,      0,      false, A repair",
      "2,  repair,      product,  900.00, 7, 3000,   REPAIR,      0,      false, A repair",
      "3,  refund,      delivery, null,   0, 0,      NONE,        0,      false, No amount claimed",
      "3,  replacement, delivery, null,   0, 0,      NONE,        0,      false, No amount claimed",
      "4,  replacement, billing,  40.00,  0, 0,      REFUND,      40.00,  false, A wrong charge cannot be replaced",
      "4,  replacement, billing,  500.01, 0, 0,      REFUND,      500.01, true,  A wrong charge cannot be replaced",
      "5,  refund,      product,  500.01, 0, 0,      REFUND,      500.01, true,  Above the EUR 500 limit",
      "5,  refund,      billing,  2500,   6, 1200,   REFUND,      2500,   true,  Above the EUR 500 limit",
      "6,  replacement, delivery, 750.00, 0, 0,      REPLACEMENT, 750.00, true,  Above the EUR 500 limit",
      "7,  refund,      product,  500.00, 5, 100,    REFUND,      500.00, false, Within the EUR 500 limit: granted without approval. The customer had 5 or more",
      "8,  replacement, delivery, 60.00,  12, 400,   REPLACEMENT, 60.00,  false, Within the EUR 500 limit: granted without approval. The customer had 5 or more",
      "9,  refund,      service,  20.00,  2, 1000,   REFUND,      20.00,  false, Within the EUR 500 limit: granted without approval. The customer had EUR 1000 or more",
      "10, replacement, product,  99.95,  1, 1480.5, REPLACEMENT, 99.95,  false, Within the EUR 500 limit: granted without approval. The customer had EUR 1000 or more",
      "11, refund,      delivery, 129.95, 0, 0,      REFUND,      129.95, false, Within the EUR 500 limit: refunded without approval",
      "11, refund,      billing,  0,      4, 999.99, REFUND,      0,      false, Within the EUR 500 limit: refunded without approval",
      "12, replacement, delivery, 500,    0, 0,      REPLACEMENT, 500,    false, Within the EUR 500 limit: replaced without approval",
  })
  void decidesByTheFirstMatchingRule(int rule, String desiredOutcome, String category, Double claimedAmount,
      int remediesLast12Months, double remedyTotalLast12Months, String type, double amount, boolean teamLead,
      String note) {
    DmnDecisionResult result = dmnEngine.evaluateDecision(decision, Variables.createVariables()
        .putValue("desiredOutcome", desiredOutcome)
        .putValue("category", category)
        .putValue("claimedAmount", claimedAmount)
        .putValue("remediesLast12Months", remediesLast12Months)
        .putValue("remedyTotalLast12Months", remedyTotalLast12Months));

    Map<String, Object> decided = result.getSingleResult().getEntryMap();
    assertThat(decided.get("remedyType")).isEqualTo(type);
    assertThat(((Number) decided.get("remedyAmount")).doubleValue()).isEqualTo(amount);
    assertThat(decided.get("teamLeadApproval")).isEqualTo(teamLead);
    assertThat((String) decided.get("remedyPolicyNote")).startsWith(note);
  }

  @ParameterizedTest(name = "{0}: granted, never blocked below the limit however many earlier remedies")
  @CsvSource({"refund", "replacement"})
  void manyEarlierRemediesNeverBlockARemedyBelowTheLimit(String desiredOutcome) {
    DmnDecisionResult result = dmnEngine.evaluateDecision(decision, Variables.createVariables()
        .putValue("desiredOutcome", desiredOutcome).putValue("category", "delivery").putValue("claimedAmount", 499.99)
        .putValue("remediesLast12Months", 40).putValue("remedyTotalLast12Months", 19000.0));

    assertThat(result.getSingleResult().getEntryMap())
        .containsEntry("remedyType", desiredOutcome.toUpperCase())
        .containsEntry("teamLeadApproval", false);
  }
}
