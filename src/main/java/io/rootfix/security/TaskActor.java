package io.rootfix.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** Who did a task: the user who claimed it, or else the user completing it (null for the Java API). */
@Component
public class TaskActor {

  private final IdentityService identityService;
  private final CommandExecutor commands;

  TaskActor(IdentityService identityService, ProcessEngine processEngine) {
    this.identityService = identityService;
    this.commands = ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration())
        .getCommandExecutorTxRequired();
  }

  /**
   * The user's group ids, comma-separated and sorted (empty for nobody). Read whatever the acting user may see
   * of groups: a policy decides on the author's groups, not on what the author may browse in Admin.
   */
  public String groupsOf(String userId) {
    if (userId == null) {
      return "";
    }
    List<String> groups = commands.execute(context -> context.runWithoutAuthorization(() ->
        identityService.createGroupQuery().groupMember(userId).orderByGroupId().asc().list().stream()
            .map(Group::getId).toList()));
    return String.join(",", groups);
  }

  /** Whether the user belongs to any of the groups, read as {@link #groupsOf} reads them. */
  public boolean isMemberOf(String userId, String... groupIds) {
    return userId != null && commands.execute(context -> context.runWithoutAuthorization(() ->
        identityService.createGroupQuery().groupMember(userId).groupIdIn(groupIds).count() > 0));
  }

  public String of(DelegateTask task) {
    if (task.getAssignee() != null) {
      return task.getAssignee();
    }
    Authentication authentication = identityService.getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }
}
