package io.rootfix.audit;

import io.rootfix.process.ParseListeners;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRequirementsGraph;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableInputImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableOutputImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableRuleImpl;
import org.camunda.bpm.dmn.engine.impl.spi.transform.DmnTransformListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.Definitions;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;

/**
 * Gives every process and decision definition the configured history time to live as it is deployed
 * (at start-up or later from Modeler): the engine's default for models without one, and a parse and a
 * transform listener that override what a model says. Definitions deployed before a change of the
 * setting are brought in line at start-up by {@link HistoryRetentionSync}. The removal time is fixed when an instance
 * starts ({@link RemovalTimeAtStart}).
 */
class HistoryRetentionPlugin extends AbstractProcessEnginePlugin {

  private final HistoryRetention retention;
  private final int days;

  HistoryRetentionPlugin(HistoryRetention retention) {
    this.retention = retention;
    this.days = retention.days();
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setHistoryTimeToLive(String.valueOf(days));
    RemovalTimeAtStart.install(configuration, retention);
    ParseListeners.addLast(configuration, new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
        processDefinition.setHistoryTimeToLive(days);
      }
    });
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    // The DMN engine exists only after init; its transformer is the one every deployment uses.
    configuration.getDmnEngineConfiguration().getTransformer().getTransformListeners().add(new DecisionRetention());
  }

  /** Runs after the engine's own handler has read the model's value, and replaces it. */
  private final class DecisionRetention implements DmnTransformListener {

    @Override
    public void transformDecision(Decision decision, DmnDecision dmnDecision) {
      if (dmnDecision instanceof DecisionDefinitionEntity definition) {
        definition.setHistoryTimeToLive(days);
      }
    }

    @Override
    public void transformDecisionTableInput(Input input, DmnDecisionTableInputImpl dmnInput) {}

    @Override
    public void transformDecisionTableOutput(Output output, DmnDecisionTableOutputImpl dmnOutput) {}

    @Override
    public void transformDecisionTableRule(Rule rule, DmnDecisionTableRuleImpl dmnRule) {}

    @Override
    public void transformDecisionRequirementsGraph(Definitions definitions, DmnDecisionRequirementsGraph graph) {}
  }
}
