package io.rootfix.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** Who did a task, and what groups they act in. */
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

  /** The ids of the group's members, read as {@link #groupsOf} reads groups. */
  public List<String> membersOf(String groupId) {
    return commands.execute(context -> context.runWithoutAuthorization(() ->
        identityService.createUserQuery().memberOfGroup(groupId).orderByUserId().asc().list().stream()
            .map(User::getId).toList()));
  }

  /** Whether the user belongs to any of the groups, read as {@link #groupsOf} reads them. */
  public boolean isMemberOf(String userId, String... groupIds) {
    return userId != null && commands.execute(context -> context.runWithoutAuthorization(() ->
        identityService.createGroupQuery().groupMember(userId).groupIdIn(groupIds).count() > 0));
  }

  /**
   * The signed-in person completing the task: four eyes and every "done by" are about who acted, not about whom
   * the task was assigned to (a team lead could set a colleague as assignee and act in her name). Rootfix's own
   * Java calls carry no person; for them the assignee stands in.
   */
  public String of(DelegateTask task) {
    Authentication authentication = identityService.getCurrentAuthentication();
    if (authentication != null && authentication.getUserId() != null) {
      return authentication.getUserId();
    }
    return task.getAssignee();
  }
}
