package io.rootfix.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.rootfix.complaint.ComplaintProcess.Element;
import io.rootfix.rootcause.RootCause;
import io.rootfix.rootcause.RootCauseProcess;
import io.rootfix.rootcause.RootCauseService;
import io.rootfix.support.RootfixIntegrationTest;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Agents and team leads read tasks through their definition grants, while the right to work on a task stays
 * per task: an agent sees a team lead's task but cannot claim it.
 */
class TaskReadsByProcessTest extends RootfixIntegrationTest {

  @Autowired
  AuthorizationService authorizationService;

  @Autowired
  RootCauseService rootCauses;

  @Autowired
  PlatformTransactionManager transactions;

  @Test
  void theCandidateGroupMayWorkOnTheTaskAndReadsItThroughItsDefinitionGrant() {
    String trackingNumber = receive();
    String taskId = taskId(trackingNumber, Element.AGREE_EXPECTATION);

    Authorization perTask = taskGrant(Groups.SERVICE_AGENTS, taskId);
    assertThat(perTask.isPermissionGranted(Permissions.UPDATE)).isTrue();
    assertThat(perTask.isPermissionGranted(Permissions.READ)).isFalse();

    assertThat(taskIdsSeenBy(AGENT, trackingNumber)).containsExactly(taskId);
    assertThat(as(AGENT).getForEntity("/engine-rest/task/" + taskId + "/form-variables", Map.class)
        .getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(taskIdsSeenBy(AUDITOR, trackingNumber)).isEmpty();
    assertThat(as(AGENT).postForEntity("/engine-rest/task/" + taskId + "/claim", json("{\"userId\":\"" + AGENT + "\"}"),
        Void.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

    // Claimed: the agent's own grant lets them work on it, and they still read it through the definition.
    Authorization assignee = authorizationService.createAuthorizationQuery()
        .authorizationType(Authorization.AUTH_TYPE_GRANT).userIdIn(AGENT).resourceType(Resources.TASK)
        .resourceId(taskId).singleResult();
    assertThat(assignee.isPermissionGranted(Permissions.UPDATE)).isTrue();
    assertThat(assignee.isPermissionGranted(Permissions.READ)).isFalse();
    assertThat(taskIdsSeenBy(AGENT, trackingNumber)).containsExactly(taskId);
  }

  @Test
  void anAgentSeesATeamLeadsTaskButMayNotClaimIt() {
    String investigation = investigationTask(null);
    assertThat(taskGrant(Groups.TEAM_LEADS, investigation).isPermissionGranted(Permissions.READ)).isFalse();

    assertThat(as(AGENT).getForEntity("/engine-rest/task/" + investigation, Map.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(as(AGENT).postForEntity("/engine-rest/task/" + investigation + "/claim",
        json("{\"userId\":\"" + AGENT + "\"}"), Map.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(taskService.createTaskQuery().taskId(investigation).singleResult().getAssignee()).isNull();

    assertThat(as(LEAD).postForEntity("/engine-rest/task/" + investigation + "/claim",
        json("{\"userId\":\"" + LEAD + "\"}"), Void.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
  }

  @Test
  void aDepartmentWithoutADefinitionGrantKeepsReadingItsTasksPerTask() {
    String investigation = investigationTask("logistics");

    Authorization perTask = taskGrant("logistics", investigation);
    assertThat(perTask.isPermissionGranted(Permissions.READ)).isTrue();
    assertThat(perTask.isPermissionGranted(Permissions.UPDATE)).isTrue();
  }

  private String investigationTask(String ownerGroup) {
    RootCause cause = new TransactionTemplate(transactions).execute(status -> rootCauses.report(
        "Labels peel off", "Address labels come loose in the rain", "delivery", ownerGroup, LEAD));
    return taskService.createTaskQuery().processInstanceId(cause.getProcessInstanceId())
        .taskDefinitionKey(RootCauseProcess.Element.INVESTIGATE).singleResult().getId();
  }

  private Authorization taskGrant(String groupId, String taskId) {
    return authorizationService.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
        .groupIdIn(groupId).resourceType(Resources.TASK).resourceId(taskId).singleResult();
  }

  @SuppressWarnings("unchecked")
  private List<String> taskIdsSeenBy(String user, String trackingNumber) {
    List<Map<String, Object>> tasks = as(user).getForObject(
        "/engine-rest/task?processInstanceBusinessKey=" + trackingNumber, List.class);
    return tasks.stream().map(task -> (String) task.get("id")).toList();
  }
}
