package io.rootfix.security;

import static io.rootfix.security.Groups.AUDITORS;
import static io.rootfix.security.Groups.PROCESS_OWNERS;
import static io.rootfix.security.Groups.SERVICE_AGENTS;
import static io.rootfix.security.Groups.TEAM_LEADS;
import static org.camunda.bpm.engine.authorization.Authorization.ANY;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Rootfix's groups and what each may do in the engine, set up at every start (idempotent) in every
 * profile. Members of a task's candidate group may work on that task by the engine's default.
 */
@Component
class CamundaAuthorizations {

  private static final Map<String, String> GROUP_NAMES = Map.of(
      SERVICE_AGENTS, "Service agents",
      TEAM_LEADS, "Team leads",
      PROCESS_OWNERS, "Process owners",
      AUDITORS, "Auditors");

  private final IdentityService identityService;
  private final Authorizations authorizations;

  CamundaAuthorizations(IdentityService identityService, Authorizations authorizations) {
    this.identityService = identityService;
    this.authorizations = authorizations;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(1)
  void setUp() {
    GROUP_NAMES.forEach(this::ensureGroup);

    // Service agents: Tasklist, start a complaint by phone, work the tasks of their group, and read the
    // complaints and promises they work on (Tasklist shows their variables in the task list).
    authorizations.grant(SERVICE_AGENTS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    authorizations.grant(SERVICE_AGENTS, Resources.PROCESS_DEFINITION, ANY,
        ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE);
    for (String key : List.of("complaint", "promise", "send-by-hand", "read-mail")) {
      authorizations.grant(SERVICE_AGENTS, Resources.PROCESS_DEFINITION, key, ProcessDefinitionPermissions.READ_INSTANCE);
    }
    // They read the tasks of every process they can be candidates in through one grant per definition, not
    // one authorization per task; working on a task is decided from the task itself (TaskRights).
    for (String key : List.of("complaint", "promise", "send-by-hand", "read-mail", "root-cause")) {
      authorizations.grant(SERVICE_AGENTS, Resources.PROCESS_DEFINITION, key, ProcessDefinitionPermissions.READ_TASK);
    }
    authorizations.grant(SERVICE_AGENTS, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);

    // Team leads: also see every running complaint and reassign its tasks.
    authorizations.grant(TEAM_LEADS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    authorizations.grant(TEAM_LEADS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    authorizations.grant(TEAM_LEADS, Resources.PROCESS_DEFINITION, ANY,
        ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE,
        ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_TASK,
        ProcessDefinitionPermissions.READ_HISTORY);
    authorizations.grant(TEAM_LEADS, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE, Permissions.READ);
    authorizations.grant(TEAM_LEADS, Resources.TASK, ANY, TaskPermissions.READ, TaskPermissions.TASK_ASSIGN);

    // Process owners: deploy and migrate models, operate running complaints, read everything. They do
    // not work on complaints (no task work, assignment or start), nor delete history, which is the audit
    // trail: not directly, nor by deleting a deployment or definition with its instances.
    authorizations.grant(PROCESS_OWNERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    authorizations.grant(PROCESS_OWNERS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    authorizations.grant(PROCESS_OWNERS, Resources.DEPLOYMENT, ANY, Permissions.CREATE, Permissions.READ);
    authorizations.grant(PROCESS_OWNERS, Resources.PROCESS_DEFINITION, ANY,
        ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.UPDATE, ProcessDefinitionPermissions.SUSPEND,
        ProcessDefinitionPermissions.READ_INSTANCE,
        ProcessDefinitionPermissions.UPDATE_INSTANCE, ProcessDefinitionPermissions.DELETE_INSTANCE,
        ProcessDefinitionPermissions.SUSPEND_INSTANCE, ProcessDefinitionPermissions.MIGRATE_INSTANCE,
        ProcessDefinitionPermissions.RETRY_JOB, ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE,
        ProcessDefinitionPermissions.UPDATE_INSTANCE_VARIABLE, ProcessDefinitionPermissions.READ_TASK,
        ProcessDefinitionPermissions.READ_TASK_VARIABLE, ProcessDefinitionPermissions.READ_HISTORY,
        ProcessDefinitionPermissions.READ_HISTORY_VARIABLE);
    authorizations.grant(PROCESS_OWNERS, Resources.DECISION_DEFINITION, ANY,
        Permissions.READ, Permissions.UPDATE, Permissions.CREATE_INSTANCE, Permissions.READ_HISTORY);
    authorizations.grant(PROCESS_OWNERS, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.ALL);
    authorizations.grant(PROCESS_OWNERS, Resources.PROCESS_INSTANCE, ANY, Permissions.ALL);
    authorizations.grant(PROCESS_OWNERS, Resources.BATCH, ANY, Permissions.ALL);
    authorizations.grant(PROCESS_OWNERS, Resources.TASK, ANY, TaskPermissions.READ);

    // Auditors: read history only, including decisions and the operation log (who did what, when);
    // they cannot work or change anything.
    authorizations.grant(AUDITORS, Resources.PROCESS_DEFINITION, ANY,
        ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_HISTORY);
    authorizations.grant(AUDITORS, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
    authorizations.grant(AUDITORS, Resources.OPERATION_LOG_CATEGORY, ANY, UserOperationLogCategoryPermissions.READ);
  }

  private void ensureGroup(String id, String name) {
    if (identityService.createGroupQuery().groupId(id).count() == 0) {
      Group group = identityService.newGroup(id);
      group.setName(name);
      group.setType("WORKFLOW");
      identityService.saveGroup(group);
    }
  }
}
