package io.rootfix.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.rootfix.support.RootfixIntegrationTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Rootfix listens to no execution, task or history event as a Spring application event, so the engine publishes
 * none (application.yaml, camunda.bpm.eventing): no parse listener on every activity and flow, no extra history
 * handler. The history handlers left are the engine's own (HistoryForAuditors).
 */
class NoSpringEngineEventsTest extends RootfixIntegrationTest {

  @Autowired
  ProcessEngine processEngine;

  @Test
  void theEnginePublishesNoSpringEvents() {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    assertThat(configuration.getCustomPreBPMNParseListeners()).as("parse listeners")
        .noneMatch(listener -> listener.getClass().getName().contains("Publish"));
    assertThat(configuration.getCustomPostBPMNParseListeners()).as("parse listeners")
        .noneMatch(listener -> listener.getClass().getName().contains("Publish"));
    assertThat(configuration.getCustomHistoryEventHandlers()).as("history handlers")
        .noneMatch(handler -> handler.getClass().getName().contains("Publish"));
  }
}
