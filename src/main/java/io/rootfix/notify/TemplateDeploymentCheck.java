package io.rootfix.notify;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ResourceReport;
import org.camunda.bpm.engine.impl.bpmn.parser.ResourceReportImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.springframework.stereotype.Component;

/**
 * A message template is deployed like a model (from {@code templates/} at start-up, or over the engine REST API),
 * and refused like one: a {@code .txt} resource that names no message kind or language, has no subject, or uses a
 * placeholder its kind does not have is a {@link ParseException}, which the REST API answers 400 naming the file,
 * the line and the placeholder. Nothing of a refused deployment is stored.
 */
@Component
class TemplateDeploymentCheck extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<Deployer> preDeployers = configuration.getCustomPreDeployers() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreDeployers());
    preDeployers.add(new Check());
    configuration.setCustomPreDeployers(preDeployers);
  }

  static final class Check implements Deployer {

    @Override
    public void deploy(DeploymentEntity deployment) {
      if (!deployment.isNew() || deployment.getResources() == null) {
        return;
      }
      List<ResourceReport> reports = new ArrayList<>();
      for (ResourceEntity resource : deployment.getResources().values()) {
        if (!MessageTemplate.isTemplate(resource.getName())) {
          continue;
        }
        List<Problem> problems = MessageTemplate.check(resource.getName(),
                new String(resource.getBytes(), StandardCharsets.UTF_8)).stream()
            .map(p -> (Problem) new TemplateProblem(p, resource.getName())).toList();
        if (!problems.isEmpty()) {
          reports.add(new ResourceReportImpl(resource.getName(), problems, List.of()));
        }
      }
      if (!reports.isEmpty()) {
        throw new TemplateRefusedException(reports);
      }
    }
  }

  /** The engine's problem type, so Modeler and the REST API show it as they show a model's. */
  record TemplateProblem(MessageTemplate.Problem problem, String resource) implements Problem {
    @Override
    public String getMessage() {
      return problem.message();
    }

    @Override
    public int getLine() {
      return problem.line();
    }

    @Override
    public int getColumn() {
      return 0;
    }

    @Override
    public String getMainElementId() {
      return null;
    }

    @Override
    public List<String> getElementIds() {
      return List.of();
    }
  }

  static final class TemplateRefusedException extends ParseException {
    TemplateRefusedException(List<ResourceReport> reports) {
      super(message(reports), reports.get(0).getResourceName(), reports.get(0).getErrors(), List.of());
      resorceReports.clear();
      resorceReports.addAll(reports);
    }

    private static String message(List<ResourceReport> reports) {
      StringBuilder message = new StringBuilder("Message template refused: ");
      for (ResourceReport report : reports) {
        for (Problem problem : report.getErrors()) {
          message.append(report.getResourceName()).append(problem.getLine() > 0 ? " line " + problem.getLine() : "")
              .append(": ").append(problem.getMessage()).append("; ");
        }
      }
      return message.substring(0, message.length() - 2);
    }
  }
}
