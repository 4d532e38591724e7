package io.rootfix.form;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.impl.cmd.GetCamundaFormDefinitionCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.repository.CamundaFormDefinition;

/**
 * The Camunda Form a task or start event refers to ({@code camunda:formRef}), read inside the engine's command,
 * whoever is signed in: the form decides what may be submitted, not what the person may browse. A deployed
 * form never changes, so each is parsed once per form definition.
 */
public final class DeployedForms {

  private final Map<String, CamundaForm> parsed = new ConcurrentHashMap<>();

  /** The form, or null when the reference names no deployed form. */
  public CamundaForm of(CamundaFormRef ref, String deploymentId, CommandContext context) {
    CamundaFormDefinition definition = context.runWithoutAuthorization(
        () -> new GetCamundaFormDefinitionCmd(ref, deploymentId).execute(context));
    if (definition == null) {
      return null;
    }
    return parsed.computeIfAbsent(definition.getId(), id -> {
      ResourceEntity resource = context.getResourceManager()
          .findResourceByDeploymentIdAndResourceName(definition.getDeploymentId(), definition.getResourceName());
      return CamundaForm.parse(resource.getBytes());
    });
  }
}
