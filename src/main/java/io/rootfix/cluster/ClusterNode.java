package io.rootfix.cluster;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The name of this node in a cluster ({@code rootfix.node-name}), for the people who run it: the engine
 * writes it into the history of every job it runs (ACT_HI_JOB_LOG.HOSTNAME_) and the job executor locks
 * jobs under it (ACT_RU_JOB.LOCK_OWNER_), so Cockpit and the database tell which node ran or holds a job.
 * Without it the engine's defaults stay (host name; a random lock owner per start). Must differ per node:
 * a lock owner shared by two nodes would let one release the other's jobs.
 */
@Component
@ConditionalOnProperty("rootfix.node-name")
class ClusterNode extends AbstractProcessEnginePlugin {

  private final String name;

  ClusterNode(@Value("${rootfix.node-name}") String name) {
    this.name = name;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setHostname(name);
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    // The job executor is the starter's bean, set on the configuration before the engine is built.
    if (configuration.getJobExecutor() != null) {
      configuration.getJobExecutor().setLockOwner(name);
    }
  }
}
