package io.rootfix.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.rootfix.complaint.ComplaintProcess.Element;
import io.rootfix.complaint.ComplaintProcess.Var;
import io.rootfix.rootcause.RootCause;
import io.rootfix.rootcause.RootCauseProcess;
import io.rootfix.rootcause.RootCauseService;
import io.rootfix.support.CapturedLog;
import io.rootfix.support.RootfixIntegrationTest;
import io.rootfix.support.SignedIn;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Agents and team leads read tasks through their definition grants and work on a task because the task names them
 * (assignee, owner, candidate user, candidate group), with no authorization row per task: the attacks are the
 * second agent, the agent on a team lead's task, the agent a task was taken from, and a department's tasks.
 */
class TaskRightsTest extends RootfixIntegrationTest {

  private static final String SECOND_AGENT = "noor";

  @Autowired
  AuthorizationService authorizationService;

  @Autowired
  RootCauseService rootCauses;

  @Autowired
  PlatformTransactionManager transactions;

  @Autowired
  FilterService filterService;

  @Autowired
  IdentityService identityService;

  @Test
  void theCandidateGroupReadsClaimsAndCompletesATaskThatHasNoGrantOfItsOwn() {
    String trackingNumber = receive();
    String taskId = taskId(trackingNumber, Element.AGREE_EXPECTATION);
    assertThat(taskGrants(taskId)).as("no authorization row for the task").isZero();

    assertThat(taskIdsSeenBy(AGENT, trackingNumber)).containsExactly(taskId);
    assertThat(as(AGENT).getForEntity("/engine-rest/task/" + taskId + "/form-variables", Map.class)
        .getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(taskIdsSeenBy(AUDITOR, trackingNumber)).isEmpty();
    assertThat(as(AUDITOR).postForEntity("/engine-rest/task/" + taskId + "/claim",
        json("{\"userId\":\"" + AUDITOR + "\"}"), Map.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

    claim(AGENT, trackingNumber, Element.AGREE_EXPECTATION);
    assertThat(taskGrants(taskId)).as("claiming writes no row either").isZero();
    assertThat(submitForm(AGENT, taskId, Map.of(Var.DESIRED_OUTCOME, "refund", Var.AGREED_ANSWER_DATE, PROMISED,
        Var.CONTACT_PREFERENCE, "email")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(taskService.createTaskQuery().taskId(taskId).count()).as("completed").isZero();
  }

  @Test
  void anAgentSeesATeamLeadsTaskButMayNeitherClaimNorCompleteIt() {
    String investigation = investigationTask(null);
    assertThat(taskGrants(investigation)).isZero();

    assertThat(as(AGENT).getForEntity("/engine-rest/task/" + investigation, Map.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(as(AGENT).postForEntity("/engine-rest/task/" + investigation + "/claim",
        json("{\"userId\":\"" + AGENT + "\"}"), Map.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(as(AGENT).postForEntity("/engine-rest/task/" + investigation + "/assignee",
        json("{\"userId\":\"" + AGENT + "\"}"), Map.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(as(AGENT).postForEntity("/engine-rest/task/" + investigation + "/submit-form",
        json("{\"variables\":{}}"), Map.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(taskService.createTaskQuery().taskId(investigation).singleResult().getAssignee()).isNull();

    assertThat(as(LEAD).postForEntity("/engine-rest/task/" + investigation + "/claim",
        json("{\"userId\":\"" + LEAD + "\"}"), Void.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
  }

  @Test
  void anAgentATaskWasTakenFromNoLongerWorksOnIt() {
    String trackingNumber = receive();
    String taskId = claim(AGENT, trackingNumber, Element.AGREE_EXPECTATION);
    // A team lead hands it to a colleague; the candidate group is removed, so only the assignee holds it now.
    assertThat(as(LEAD).postForEntity("/engine-rest/task/" + taskId + "/assignee",
        json("{\"userId\":\"" + SECOND_AGENT + "\"}"), Void.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(as(LEAD).postForEntity("/engine-rest/task/" + taskId + "/identity-links/delete",
        json("{\"groupId\":\"" + Groups.SERVICE_AGENTS + "\",\"type\":\"candidate\"}"), Void.class).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);

    Map<String, Object> form = Map.of(Var.DESIRED_OUTCOME, "refund", Var.AGREED_ANSWER_DATE, PROMISED,
        Var.CONTACT_PREFERENCE, "email");
    assertThat(submitForm(AGENT, taskId, form).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(as(AGENT).postForEntity("/engine-rest/task/" + taskId + "/claim",
        json("{\"userId\":\"" + AGENT + "\"}"), Map.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo(SECOND_AGENT);

    assertThat(submitForm(SECOND_AGENT, taskId, form).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(taskGrants(taskId)).isZero();
  }

  @Test
  void aDepartmentWithoutADefinitionGrantKeepsItsGrantsPerTask() {
    String investigation = investigationTask("logistics");

    Authorization perTask = authorizationService.createAuthorizationQuery()
        .authorizationType(Authorization.AUTH_TYPE_GRANT).groupIdIn("logistics").resourceType(Resources.TASK)
        .resourceId(investigation).singleResult();
    assertThat(perTask.isPermissionGranted(Permissions.READ)).isTrue();
    assertThat(perTask.isPermissionGranted(Permissions.UPDATE)).isTrue();
  }

  @Test
  void tasklistsFilterOfTheTasksOfferedToMeRunsWithoutTheAuthorizationJoinAndFindsTheSame() {
    String trackingNumber = receive();
    String offered = taskId(trackingNumber, Element.AGREE_EXPECTATION);
    String department = investigationTask("logistics");
    Filter dueSoonest = filterService.createFilterQuery().filterName("Due soonest").singleResult();

    Sql count = sqlOf(() -> as(AGENT, List.of(Groups.SERVICE_AGENTS), () -> filterService.count(dueSoonest.getId())));
    assertThat(count.statement()).contains("ACT_RU_IDENTITYLINK").doesNotContain("ACT_RU_AUTHORIZATION");
    List<String> page = as(AGENT, List.of(Groups.SERVICE_AGENTS), () -> filterService.<Task>list(dueSoonest.getId())
        .stream().map(Task::getId).toList());
    assertThat(page).contains(offered).doesNotContain(department);
    assertThat(count.result()).isEqualTo((long) page.size());
    // The same tasks the engine finds with its authorization join, asked for the agent's group by name.
    Sql joined = sqlOf(() -> as(AGENT, List.of(Groups.SERVICE_AGENTS), () -> taskService.createTaskQuery()
        .taskCandidateGroupIn(List.of(Groups.SERVICE_AGENTS)).includeAssignedTasks().count()));
    assertThat(joined.statement()).contains("ACT_RU_AUTHORIZATION");
    assertThat(joined.result()).isEqualTo(count.result());
  }

  @Test
  void aQueryForSomeoneElsesOrAGroupsTasksKeepsTheJoinAndFindsNothingUnreadable() {
    String department = investigationTask("logistics");
    receive();

    Sql colleague = sqlOf(() -> as(AUDITOR, List.of(Groups.AUDITORS),
        () -> taskService.createTaskQuery().taskCandidateUser(AGENT).includeAssignedTasks().count()));
    assertThat(colleague.statement()).contains("ACT_RU_AUTHORIZATION");
    assertThat(colleague.result()).as("the auditor reads no task, whoever it is offered to").isZero();

    Sql group = sqlOf(() -> as(AUDITOR, List.of(Groups.AUDITORS),
        () -> taskService.createTaskQuery().taskCandidateGroup("logistics").count()));
    assertThat(group.statement()).contains("ACT_RU_AUTHORIZATION");
    assertThat(group.result()).as("the auditor reads no department's task").isZero();

    Sql widened = sqlOf(() -> as(AUDITOR, List.of(Groups.AUDITORS), () -> taskService.createTaskQuery()
        .or().taskCandidateUser(AUDITOR).taskId(department).endOr().count()));
    assertThat(widened.statement()).contains("ACT_RU_AUTHORIZATION");
    assertThat(widened.result()).as("an 'or' branch is not the person's own offers").isZero();

    Sql own = sqlOf(() -> as(AUDITOR, List.of(Groups.AUDITORS),
        () -> taskService.createTaskQuery().taskCandidateUser(AUDITOR).count()));
    assertThat(own.statement()).doesNotContain("ACT_RU_AUTHORIZATION");
    assertThat(own.result()).as("nothing is offered to an auditor").isZero();
  }

  record Sql(String statement, Long result) {}

  /** The count statement the engine sent while the work ran, read from MyBatis' log. */
  private static Sql sqlOf(Supplier<Long> work) {
    CapturedLog.Captured<Long> captured = CapturedLog.during(
        "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.selectTaskCountByQueryCriteria", work);
    List<String> statements = captured.messages().stream().filter(message -> message.contains("Preparing:")).toList();
    assertThat(statements).as("one count statement").hasSize(1);
    return new Sql(statements.get(0), captured.result());
  }

  private <T> T as(String user, List<String> groups, Supplier<T> work) {
    return SignedIn.as(identityService, user, groups, work);
  }

  private String investigationTask(String ownerGroup) {
    RootCause cause = new TransactionTemplate(transactions).execute(status -> rootCauses.report(
        "Labels peel off", "Address labels come loose in the rain", "delivery", ownerGroup, LEAD));
    return taskService.createTaskQuery().processInstanceId(cause.getProcessInstanceId())
        .taskDefinitionKey(RootCauseProcess.Element.INVESTIGATE).singleResult().getId();
  }

  private long taskGrants(String taskId) {
    return authorizationService.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(taskId).count();
  }

  @SuppressWarnings("unchecked")
  private List<String> taskIdsSeenBy(String user, String trackingNumber) {
    List<Map<String, Object>> tasks = as(user).getForObject(
        "/engine-rest/task?processInstanceBusinessKey=" + trackingNumber, List.class);
    return tasks.stream().map(task -> (String) task.get("id")).toList();
  }
}
