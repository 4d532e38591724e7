package io.rootfix.audit;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * At start-up, gives every definition already in the database the configured history time to live, so a
 * changed setting applies to the versions deployed before it too (unchanged models are not deployed again).
 * Instances that ended before keep the removal time they got when they ended.
 */
@Component
class HistoryRetentionSync {

  private static final Logger LOG = LoggerFactory.getLogger(HistoryRetentionSync.class);

  private final RepositoryService repository;
  private final HistoryRetention retention;

  HistoryRetentionSync(RepositoryService repository, HistoryRetention retention) {
    this.repository = repository;
    this.retention = retention;
  }

  @EventListener(ApplicationReadyEvent.class)
  void applyToDeployedDefinitions() {
    try {
      int updated = apply();
      if (updated > 0) {
        LOG.info("History time to live set to {} days on {} deployed definitions", retention.days(), updated);
      }
    } catch (RuntimeException e) {
      // Another node of the cluster starting at the same moment may have updated the same definition
      // (optimistic locking); the next start tries again, and new deployments get the setting anyway.
      LOG.warn("Could not set the history time to live on every deployed definition: {}", e.getMessage());
    }
  }

  /** Returns how many definitions it changed. */
  int apply() {
    Integer days = retention.days();
    int updated = 0;
    for (ProcessDefinition definition : repository.createProcessDefinitionQuery().list()) {
      if (!days.equals(definition.getHistoryTimeToLive())) {
        repository.updateProcessDefinitionHistoryTimeToLive(definition.getId(), days);
        updated++;
      }
    }
    for (DecisionDefinition definition : repository.createDecisionDefinitionQuery().list()) {
      if (!days.equals(definition.getHistoryTimeToLive())) {
        repository.updateDecisionDefinitionHistoryTimeToLive(definition.getId(), days);
        updated++;
      }
    }
    return updated;
  }
}
