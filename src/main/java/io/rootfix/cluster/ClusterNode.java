package io.rootfix.cluster;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The name of this node in a cluster ({@code rootfix.node-name}, {@code ROOTFIX_NODE_NAME}), for the people
 * who run it: the engine writes it into the history of every job it runs (ACT_HI_JOB_LOG.HOSTNAME_) and the
 * job executor locks jobs under it (ACT_RU_JOB.LOCK_OWNER_), so Cockpit and the database tell which node
 * ran or holds a job. Without it the engine's defaults stay (the host name; a random lock owner per start).
 * It must differ per node: two nodes under one lock owner could not tell their jobs apart.
 */
@Component
@EnableConfigurationProperties(NodeSettings.class)
class ClusterNode extends AbstractProcessEnginePlugin {

  private final String name;

  ClusterNode(NodeSettings settings) {
    this.name = settings.nodeName();
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (StringUtils.hasText(name)) {
      configuration.setHostname(name);
    }
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    // The job executor is the starter's bean, on the configuration before the engine is built.
    if (StringUtils.hasText(name) && configuration.getJobExecutor() != null) {
      configuration.getJobExecutor().setLockOwner(name);
    }
  }
}
