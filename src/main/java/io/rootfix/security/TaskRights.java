package io.rootfix.security;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.AuthorizationCommandChecker;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.GenericManagerFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Who may read and work on a task, without an authorization row per task for the people who work complaints.
 *
 * <p>The engine's default writes a grant for every task's candidate group, candidate user, assignee and owner, and
 * deletes it when the task ends: 17 rows per complaint, and at a month-end backlog over a hundred thousand rows that
 * every Tasklist query of theirs joins against ({@code AUTH.RESOURCE_ID_ in (RES.ID_, D.KEY_, '*')}) and that every
 * command with authorization checks reads first ({@code select distinct GROUP_ID_}, camunda-bpm-platform#5485). For
 * service agents and team leads, and for their members, Rootfix writes none of these:
 * <ul>
 *   <li><b>Reading</b> comes from one grant per process definition ({@code READ_TASK}, {@link CamundaAuthorizations}).
 *   </li>
 *   <li><b>Working</b> on a task — claiming, completing, assigning, changing it — is decided from the task itself, as
 *   the per-task grant decided it: the person is its assignee or owner, one of its candidate users, or a member of one
 *   of its candidate groups. Otherwise the engine's own check applies (a team lead's {@code TASK_ASSIGN} on every
 *   task, an admin). {@link PeopleCommands} then says <em>how</em> (through the form, claim before completing,
 *   agents take only free tasks).</li>
 * </ul>
 * Queues ({@link Groups#isQueue}: groups of service agents the routing policy offers a share of the complaints to)
 * count as service agents: no row for their tasks either. Any other group (a root cause's owning department) and its
 * members keep the engine's default rows, {@code READ} included: they hold no definition grant, and their tasks are
 * few. Grants written before this existed stay valid and go with their tasks.
 *
 * <p>So in Rootfix whoever a task is offered to may read it. A query for exactly that — the tasks offered to the
 * signed-in person or their groups, which is what Tasklist's filters ask ({@code ${currentUser()}} as candidate
 * user) — is therefore run without the engine's authorization join, which only repeats the candidacy and was most
 * of the query's cost (H2, 10,000 open tasks: the count 250–760 ms with it, 70–130 ms without). Any other task
 * query, and one that names someone else or any group, keeps the join.
 */
@Component
class TaskRights extends AbstractProcessEnginePlugin {

  /** The groups that hold {@code READ_TASK} on every definition whose tasks they can be candidates for. */
  static final Set<String> BY_PROCESS = Set.of(Groups.SERVICE_AGENTS, Groups.TEAM_LEADS);

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setResourceAuthorizationProvider(new Provider());
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandChecker> checkers = configuration.getCommandCheckers();
    checkers.replaceAll(checker -> checker instanceof AuthorizationCommandChecker ? new Checker() : checker);
    configuration.getSessionFactories().put(AuthorizationManager.class, new GenericManagerFactory(Queries.class));
  }

  /**
   * Whether the query asks only for tasks offered to the signed-in person (as candidate user, through which the
   * engine adds their groups), with nothing that widens it: no group named, no involvement, no "or" branch.
   * Everything else a query may say only narrows it.
   */
  static boolean asksForOwnOffers(TaskQueryImpl query, Authentication authentication) {
    return authentication != null && authentication.getUserId() != null
        && authentication.getUserId().equals(query.getCandidateUser())
        && query.getQueries().size() == 1
        && query.getCandidateGroup() == null && query.getCandidateGroupsInternal() == null
        && query.getCandidateGroupLike() == null && query.getInvolvedUser() == null
        && !Boolean.TRUE.equals(query.isWithCandidateGroupsInternal())
        && !Boolean.TRUE.equals(query.isWithoutCandidateGroupsInternal())
        && !Boolean.TRUE.equals(query.isWithCandidateUsers())
        && !Boolean.TRUE.equals(query.isWithoutCandidateUsers());
  }

  /** The engine's authorization manager, without the join on queries for the person's own offered tasks. */
  public static class Queries extends AuthorizationManager {

    @Override
    public void configureTaskQuery(TaskQueryImpl query) {
      super.configureTaskQuery(query);
      if (asksForOwnOffers(query, getCurrentAuthentication())) {
        query.getAuthCheck().setAuthorizationCheckEnabled(false);
      }
    }
  }

  /**
   * Whether the signed-in person holds the task by its own fields and links: what the engine's per-task grant
   * stood for. Read from the task within the command, so a link removed or an assignee changed counts at once.
   */
  static boolean holds(TaskEntity task) {
    CommandContext context = Context.getCommandContext();
    Authentication authentication = context == null ? null : context.getAuthentication();
    if (authentication == null || authentication.getUserId() == null) {
      return false;
    }
    String user = authentication.getUserId();
    if (user.equals(task.getAssignee()) || user.equals(task.getOwner())) {
      return true;
    }
    List<String> groups = authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
    return task.getIdentityLinks().stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
        .anyMatch(link -> user.equals(link.getUserId())
            || (link.getGroupId() != null && groups.contains(link.getGroupId())));
  }

  /** The engine's checks, with holding the task standing in for the per-task grant. */
  static class Checker extends AuthorizationCommandChecker {

    @Override
    public void checkTaskWork(TaskEntity task) {
      if (!holds(task)) {
        super.checkTaskWork(task);
      }
    }

    @Override
    public void checkTaskAssign(TaskEntity task) {
      if (!holds(task)) {
        super.checkTaskAssign(task);
      }
    }

    @Override
    public void checkUpdateTaskVariable(TaskEntity task) {
      // Refused to people anyway (PeopleCommands); kept equal to what the per-task UPDATE grant allowed.
      if (!holds(task)) {
        super.checkUpdateTaskVariable(task);
      }
    }
  }

  /** Writes no per-task grant for the groups that read by process, nor for their members. */
  static class Provider extends DefaultAuthorizationProvider {

    private static final AuthorizationEntity[] NONE = new AuthorizationEntity[0];

    @Override
    public AuthorizationEntity[] newTaskAssignee(Task task, String oldAssignee, String newAssignee) {
      return byProcess(newAssignee) ? NONE : super.newTaskAssignee(task, oldAssignee, newAssignee);
    }

    @Override
    public AuthorizationEntity[] newTaskOwner(Task task, String oldOwner, String newOwner) {
      return byProcess(newOwner) ? NONE : super.newTaskOwner(task, oldOwner, newOwner);
    }

    @Override
    public AuthorizationEntity[] newTaskUserIdentityLink(Task task, String userId, String type) {
      return byProcess(userId) ? NONE : super.newTaskUserIdentityLink(task, userId, type);
    }

    @Override
    public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
      // With historic instance permissions on, the default also writes a historic task grant: keep it whole.
      if (!(BY_PROCESS.contains(groupId) || Groups.isQueue(groupId)) || isHistoricInstancePermissionsEnabled()) {
        return super.newTaskGroupIdentityLink(task, groupId, type);
      }
      return NONE;
    }

    /**
     * Whether the user belongs to a group that reads tasks by process. A task assigned to an agent must not bring
     * back a per-task grant either: an agent owning thousands of open complaints had as many, and Tasklist's count
     * took 38 s at 100,000 open complaints on PostgreSQL.
     */
    private boolean byProcess(String userId) {
      if (userId == null || isHistoricInstancePermissionsEnabled()) {
        return false;
      }
      CommandContext context = Context.getCommandContext();
      return context.runWithoutAuthorization(() -> context.getReadOnlyIdentityProvider().createGroupQuery()
          .groupMember(userId).groupIdIn(BY_PROCESS.toArray(String[]::new)).count() > 0);
    }
  }
}
