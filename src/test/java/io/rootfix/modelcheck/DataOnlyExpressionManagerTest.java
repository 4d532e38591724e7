package io.rootfix.modelcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.impl.el.DateTimeFunctions;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.util.ReflectUtil;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.impl.juel.jakarta.el.ELException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The expression manager alone, without the deployment check in front of it: expressions built here, as if a
 * model had slipped through, reach nothing but data.
 */
class DataOnlyExpressionManagerTest {

  private static final JavaDelegate PAY_REFUND = execution -> { };

  @TempDir
  Path dir;

  private final DataOnlyExpressionManager manager =
      new DataOnlyExpressionManager(name -> "payRefund".equals(name) ? PAY_REFUND : null,
          ZoneId.of("Europe/Amsterdam"));
  private ExecutionEntity execution;

  @BeforeEach
  void anExecutionWithVariables() {
    // The engine hands its own execution to expressions as "execution"; the test sees what is called on it.
    execution = mock(ExecutionEntity.class);
    Map<String, Object> variables = Map.of("owner", "sam", "remedyType", "REFUND", "approved", false,
        "reopenCount", 2, "decisionResult", List.of(Map.of("remedyType", "REFUND")), "payRefund", "a variable");
    variables.forEach((name, value) -> {
      when(execution.hasVariable(name)).thenReturn(true);
      when(execution.getVariable(name)).thenReturn(value);
    });
  }

  @Test
  void reflectionRuntimeAndClassLoadersAreOutOfReach() {
    Path marker = dir.resolve("pwned");
    List<String> attacks = List.of(
        "${execution.getClass().forName(\"java.lang.Runtime\").getMethod(\"getRuntime\").invoke(null)"
            + ".exec(\"touch " + marker + "\")}",
        "${owner.getClass().forName(\"java.lang.Runtime\")}",
        "${owner.class.classLoader}",
        "${execution.getClass().getClassLoader()}",
        "${\"\".getClass()}",
        "${execution.processEngineServices.identityService}",
        "${execution.getProcessEngineServices().getIdentityService().createMembership(\"owen\", \"camunda-admin\")}",
        "${payRefund.getClass()}",
        "${decisionResult.getClass()}",
        "${decisionResult[0].getClass()}");

    for (String attack : attacks) {
      assertThatThrownBy(() -> evaluate(attack)).as(attack).isInstanceOf(ELException.class)
          .hasMessageContaining("A model may not");
    }
    assertThat(marker).doesNotExist();
    verify(execution, never()).getProcessEngineServices();
  }

  @Test
  void otherSpringBeansAreNotThere() {
    // Not a delegate: reads as an unset variable, never as the bean.
    assertThat(evaluate("${identityService}")).isNull();
    assertThat(evaluate("${runtimeService == null}")).isEqualTo(true);
  }

  @Test
  void dataIsRead() {
    assertThat(evaluate("${owner}")).isEqualTo("sam");
    assertThat(evaluate("${remedyType == 'REFUND' && !approved}")).isEqualTo(true);
    assertThat(evaluate("${reopenCount >= 2}")).isEqualTo(true);
    assertThat(evaluate("${not empty repeatOf}")).as("an unset variable reads as null").isEqualTo(false);
    assertThat(evaluate("${answerDraftedBy != null ? answerDraftedBy : owner}")).isEqualTo("sam");
    assertThat(evaluate("${decisionResult[0].remedyType}")).isEqualTo("REFUND");
    assertThat(evaluate("${payRefund}")).as("a delegate bean wins over a variable of its name").isSameAs(PAY_REFUND);
  }

  /** Instances of versions deployed before the check still read their variables the old way. */
  @Test
  void theReadsOfEarlierModelsStillWork() {
    DmnDecisionResult decision = mock(DmnDecisionResult.class);
    DmnDecisionResultEntries entries = mock(DmnDecisionResultEntries.class);
    when(decision.getSingleResult()).thenReturn(entries);
    when(entries.getEntry("remedyType")).thenReturn("REFUND");
    when(execution.hasVariable("decision")).thenReturn(true);
    when(execution.getVariable("decision")).thenReturn(decision);

    assertThat(evaluate("${execution.getVariable(\"owner\")}")).isEqualTo("sam");
    assertThat(evaluate("${decision.getSingleResult().getEntry(\"remedyType\")}")).isEqualTo("REFUND");
    assertThatThrownBy(() -> evaluate("${execution.getVariable(\"owner\").getClass()}"))
        .hasMessageContaining("A model may not");
    assertThatThrownBy(() -> evaluate("${execution.getVariables()}")).hasMessageContaining("A model may not");
  }

  /** Tasklist's filters compute dates; nothing else on a date is reachable. */
  @Test
  void filtersComputeDatesAndNothingMore() {
    // A company zone whose midnight is never the server's, so the test fails if the server's day is used.
    ZoneId company = ZoneId.of(ZoneId.systemDefault().getRules().getOffset(Instant.now()).getTotalSeconds() == 14 * 3600
        ? "Europe/Amsterdam" : "Pacific/Kiritimati");
    DataOnlyExpressionManager withFunctions = new DataOnlyExpressionManager(name -> null, company);
    withFunctions.addFunction("dateTime", ReflectUtil.getMethod(DateTimeFunctions.class, "dateTime"));

    Object tomorrow = withFunctions.createValueExpression("${dateTime().withTimeAtStartOfDay().plusDays(1).toDate()}")
        .getValue(withFunctions.getElContext(execution));
    assertThat(tomorrow).isInstanceOf(Date.class);
    assertThat(((Date) tomorrow).toInstant()).as("the end of the company's today")
        .isEqualTo(LocalDate.now(company).plusDays(1).atStartOfDay(company).toInstant());
    for (String attack : List.of("${dateTime().getClass()}", "${dateTime().getChronology()}",
        "${dateTime().toDate().getClass()}", "${dateTime().plusDays(1).getZone()}")) {
      assertThatThrownBy(() -> withFunctions.createValueExpression(attack).getValue(withFunctions.getElContext(execution)))
          .as(attack).hasMessageContaining("A model may not");
    }
  }

  private Object evaluate(String expression) {
    return manager.createValueExpression(expression).getValue(manager.getElContext(execution));
  }
}
