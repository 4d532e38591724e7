package io.rootfix.security;

import static org.camunda.bpm.engine.authorization.Resources.TASK;

import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Service agents and team leads read tasks through one grant per process definition ({@code READ_TASK},
 * {@link CamundaAuthorizations}), not through one authorization per task. The engine's default gives a
 * task's candidate group {@code READ} and {@code UPDATE} on that task; every task query with authorization
 * checks (Tasklist's) then joins each task against each of the group's per-task rows, which grows with open
 * tasks × authorizations and took seconds per query at a few thousand open complaints on PostgreSQL.
 *
 * <p>So for these two groups the per-task authorization carries only the permission to work on the task
 * ({@code UPDATE}): who may claim and complete a task stays decided per task by the engine, as before (an
 * agent still cannot claim or complete a team lead's task), while reading moves to the definition grant.
 * The same holds for a member of these groups as a task's assignee, owner or candidate user. Any other group
 * (a root cause's owning department) and its members keep the engine's default, {@code READ} included: they
 * have no definition grant, and their rows are few.
 */
@Component
class TaskReadsByProcess extends AbstractProcessEnginePlugin {

  /** The groups that hold {@code READ_TASK} on every definition whose tasks they can be candidates for. */
  static final Set<String> READ_BY_PROCESS = Set.of(Groups.SERVICE_AGENTS, Groups.TEAM_LEADS);

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setResourceAuthorizationProvider(new Provider());
  }

  static class Provider extends DefaultAuthorizationProvider {

    @Override
    public AuthorizationEntity[] newTaskAssignee(Task task, String oldAssignee, String newAssignee) {
      return readsByProcess(newAssignee)
          ? workOnly(task, newAssignee, null) : super.newTaskAssignee(task, oldAssignee, newAssignee);
    }

    @Override
    public AuthorizationEntity[] newTaskOwner(Task task, String oldOwner, String newOwner) {
      return readsByProcess(newOwner)
          ? workOnly(task, newOwner, null) : super.newTaskOwner(task, oldOwner, newOwner);
    }

    @Override
    public AuthorizationEntity[] newTaskUserIdentityLink(Task task, String userId, String type) {
      return readsByProcess(userId) ? workOnly(task, userId, null) : super.newTaskUserIdentityLink(task, userId, type);
    }

    @Override
    public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
      // With historic instance permissions on, the default also writes a historic task grant: keep it whole.
      if (!READ_BY_PROCESS.contains(groupId) || isHistoricInstancePermissionsEnabled()) {
        return super.newTaskGroupIdentityLink(task, groupId, type);
      }
      return workOnly(task, null, groupId);
    }

    private AuthorizationEntity[] workOnly(Task task, String userId, String groupId) {
      return new AuthorizationEntity[] {
          createOrUpdateAuthorization(task, userId, groupId, TASK, false, getDefaultUserPermissionForTask())};
    }

    /**
     * Whether the user belongs to a group that reads tasks by process. A task assigned to an agent must not
     * bring back a per-task READ grant either: an agent owning thousands of open complaints had as many, and
     * Tasklist's count took 38 s at 100,000 open complaints on PostgreSQL.
     */
    private boolean readsByProcess(String userId) {
      if (userId == null || isHistoricInstancePermissionsEnabled()) {
        return false;
      }
      CommandContext context = Context.getCommandContext();
      return context.runWithoutAuthorization(() -> context.getReadOnlyIdentityProvider().createGroupQuery()
          .groupMember(userId).groupIdIn(READ_BY_PROCESS.toArray(String[]::new)).count() > 0);
    }
  }
}
