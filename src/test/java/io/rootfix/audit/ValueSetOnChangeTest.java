package io.rootfix.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.rootfix.complaint.ComplaintProcess;
import io.rootfix.complaint.ComplaintProcess.Var;
import io.rootfix.support.RootfixIntegrationTest;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A value set once has no value-set row of its own, and the trail still shows it, from the variable's history row;
 * every value a variable had before a change stays, written when it first changes: in separate commands, in one
 * command, when it is removed, and whoever changes it.
 */
class ValueSetOnChangeTest extends RootfixIntegrationTest {

  private static final String PROBE = "auditProbe";

  @Autowired
  private HistoryService historyService;

  @Autowired
  private IdentityService identityService;

  @Autowired
  private ProcessEngineConfigurationImpl engine;

  @AfterEach
  void realTime() {
    ClockUtil.reset();
    identityService.clearAuthentication();
  }

  @Test
  void aValueSetOnceHasNoValueSetRowAndTheTrailShowsItFromTheVariablesHistory() {
    String trackingNumber = receive();
    agreeExpectation(trackingNumber, PROMISED);
    executeDueJobs();
    String instance = instanceOf(trackingNumber);

    HistoricVariableInstance preference = historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(instance).variableName(Var.CONTACT_PREFERENCE).includeDeleted().singleResult();
    assertThat(preference.getValue()).isEqualTo("email");
    assertThat(valuesSet(instance, Var.CONTACT_PREFERENCE)).as("value-set rows").isEmpty();
    assertThat(trail(trackingNumber, Var.CONTACT_PREFERENCE)).containsExactly(
        preference.getCreateTime().toInstant() + " email");
    // The agreed date was proposed first and then agreed: both values stay.
    assertThat(trail(trackingNumber, Var.AGREED_ANSWER_DATE)).hasSizeGreaterThanOrEqualTo(1)
        .last().asString().endsWith(" " + PROMISED);
  }

  @Test
  void everyValueAVariableHadStaysWhenItChangesInSeparateCommands() {
    String trackingNumber = receive();
    String instance = instanceOf(trackingNumber);
    Instant start = Instant.now().plusSeconds(60).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);

    for (int i = 0; i < 3; i++) {
      ClockUtil.setCurrentTime(Date.from(start.plusSeconds(60L * i)));
      runtimeService.setVariable(instance, PROBE, List.of("first", "second", "third").get(i));
    }

    assertThat(valuesSet(instance, PROBE)).containsExactly("first", "second", "third");
    assertThat(trail(trackingNumber, PROBE)).containsExactly(start + " first", start.plusSeconds(60) + " second",
        start.plusSeconds(120) + " third");
  }

  @Test
  void aValueChangedTwiceInOneCommandIsWrittenOnceForEachValue() {
    String trackingNumber = receive();
    String instance = instanceOf(trackingNumber);

    inOneCommand(instance, execution -> {
      execution.setVariable(PROBE, "a");
      execution.setVariable(PROBE, "b");
      execution.setVariable(PROBE, "c");
    });

    // One row for each value, none twice (the same moment, so in any order).
    assertThat(valuesSet(instance, PROBE)).containsExactlyInAnyOrder("a", "b", "c");
    assertThat(trail(trackingNumber, PROBE)).hasSize(3);
  }

  /** A form's "true" kept as a boolean, a ledger confirming the policy's amount: no change, nothing written. */
  @Test
  void aValueSetAgainToTheSameWritesNoValueSetRowAndTheNextChangeKeepsBoth() {
    String trackingNumber = receive();
    String instance = instanceOf(trackingNumber);

    inOneCommand(instance, execution -> {
      execution.setVariable(PROBE, "123");
      execution.setVariable(PROBE, 123L);
    });
    runtimeService.setVariable(instance, PROBE, 123L);

    assertThat(valuesSet(instance, PROBE)).as("value-set rows").isEmpty();
    assertThat(trail(trackingNumber, PROBE)).singleElement().asString().endsWith(" 123");
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance).variableName(PROBE)
        .singleResult().getValue()).as("the history row keeps the last type").isEqualTo(123L);

    runtimeService.setVariable(instance, PROBE, 124L);

    assertThat(valuesSet(instance, PROBE)).containsExactly(123L, 124L);
    assertThat(trail(trackingNumber, PROBE)).hasSize(2);
  }

  @Test
  void aValueRemovedKeepsTheValueItHad() {
    String trackingNumber = receive();
    String instance = instanceOf(trackingNumber);
    runtimeService.setVariable(instance, PROBE, "only");

    runtimeService.removeVariable(instance, PROBE);

    assertThat(valuesSet(instance, PROBE)).first().isEqualTo("only");
    assertThat(trail(trackingNumber, PROBE)).first().asString().endsWith(" only");
  }

  /** A date's text has whole seconds only: a date moved by a millisecond is a change, and both values stay. */
  @Test
  void aDateMovedByAMillisecondIsAChange() {
    String trackingNumber = receive();
    String instance = instanceOf(trackingNumber);
    Date first = new Date(1_796_000_000_123L);
    runtimeService.setVariable(instance, PROBE, first);

    runtimeService.setVariable(instance, PROBE, new Date(first.getTime() + 1));

    assertThat(valuesSet(instance, PROBE)).containsExactly(first, new Date(first.getTime() + 1));
    assertThat(ValueSetOnChange.sameText(first, new Date(first.getTime()))).isTrue();
    assertThat(ValueSetOnChange.sameText(String.valueOf(first), first)).as("a date's text is not the date").isFalse();
    assertThat(ValueSetOnChange.sameText(100.0, 100L)).as("100.0 reads otherwise than 100").isFalse();
  }

  /** A policy's outcome the next step reads and removes: one history row, marked removed, and the trail shows it. */
  @Test
  void aValueRemovedInTheCommandThatSetItIsOneHistoryRowAndStaysInTheTrail() {
    String trackingNumber = receive();
    String instance = instanceOf(trackingNumber);

    inOneCommand(instance, execution -> {
      execution.setVariable(PROBE, "read once");
      execution.removeVariable(PROBE);
    });

    assertThat(valuesSet(instance, PROBE)).as("value-set rows").isEmpty();
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance).variableName(PROBE)
        .includeDeleted().singleResult().getState()).isEqualTo(HistoricVariableInstance.STATE_DELETED);
    assertThat(trail(trackingNumber, PROBE)).singleElement().asString().endsWith(" read once");
  }

  /** Whether the first value is written must not depend on whether the person changing it may read history. */
  @Test
  void aValueChangedByAnAgentIsWrittenOnceForEachValue() {
    String trackingNumber = receive();
    String instance = instanceOf(trackingNumber);

    identityService.setAuthentication(AGENT, List.of(ComplaintProcess.AGENTS));
    for (String value : List.of("one", "two", "three")) {
      inOneCommand(instance, execution -> execution.setVariable(PROBE, value));
    }
    identityService.clearAuthentication();

    assertThat(valuesSet(instance, PROBE)).containsExactlyInAnyOrder("one", "two", "three");
  }

  private String instanceOf(String trackingNumber) {
    return historyService.createHistoricProcessInstanceQuery().processDefinitionKey(ComplaintProcess.KEY)
        .processInstanceBusinessKey(trackingNumber).singleResult().getId();
  }

  private void inOneCommand(String instance, Consumer<ExecutionEntity> work) {
    engine.getCommandExecutorTxRequired().execute(command -> {
      work.accept(command.getExecutionManager().findExecutionById(instance));
      return null;
    });
  }

  /** The value-set rows of one variable, oldest first. */
  private List<Object> valuesSet(String instance, String name) {
    return historyService.createHistoricDetailQuery().processInstanceId(instance).variableUpdates()
        .orderByTime().asc().orderPartiallyByOccurrence().asc().list().stream()
        .map(HistoricVariableUpdate.class::cast)
        .filter(update -> update.getVariableName().equals(name))
        .map(HistoricVariableUpdate::getValue)
        .toList();
  }

  /** The trail's "Value set" entries of one variable, as the auditor reads them: time and value. */
  private List<String> trail(String trackingNumber, String name) {
    List<Map<String, Object>> trail = as(AUDITOR).getForObject("/api/audit/complaints/" + trackingNumber, List.class);
    return trail.stream().filter(entry -> ("Value set: " + name).equals(entry.get("what")))
        .map(entry -> Instant.parse((String) entry.get("time")) + " " + entry.get("details"))
        .toList();
  }
}
