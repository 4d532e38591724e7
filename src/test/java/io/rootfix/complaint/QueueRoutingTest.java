package io.rootfix.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import io.rootfix.complaint.ComplaintProcess.Element;
import io.rootfix.promise.PromiseProcess;
import io.rootfix.support.CapturedLog;
import io.rootfix.support.RootfixIntegrationTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The routing policy offers a complaint to a queue, and only to it: its agents see it in Tasklist, the others neither
 * see it there nor take it. A queue that is not set up, or a group that is not a queue, never leaves a complaint
 * offered to nobody. Each test deploys its own version of routing.dmn, as a process owner would, and removes it.
 */
class QueueRoutingTest extends RootfixIntegrationTest {

  private static final String BILLING = "queue-billing";
  private static final String QUEUE_MEMBER = "noor";

  @Autowired
  RepositoryService repositoryService;

  @Autowired
  IdentityService identityService;

  @Autowired
  AuthorizationService authorizationService;

  @Autowired
  HistoryService historyService;

  private final List<String> deployments = new ArrayList<>();
  private final List<String> groups = new ArrayList<>();

  @AfterEach
  void removeRoutingAndQueues() {
    deployments.forEach(id -> repositoryService.deleteDeployment(id, true));
    groups.forEach(identityService::deleteGroup);
  }

  @Test
  void aComplaintRoutedToAQueueIsOfferedToItsAgentsOnlyAndTheOthersCannotTakeIt() {
    queue(BILLING, QUEUE_MEMBER);
    route("billing", BILLING);

    String billing = receive("billing");
    String delivery = receive("delivery");

    String billingTask = taskId(billing, Element.AGREE_EXPECTATION);
    assertThat(candidateGroups(billingTask)).containsExactly(BILLING);
    assertThat(candidateGroups(taskId(delivery, Element.AGREE_EXPECTATION))).containsExactly(ComplaintProcess.AGENTS);
    assertThat(authorizationService.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(billingTask)
        .count()).as("a queue's task needs no authorization row of its own").isZero();

    // Tasklist: the queue's agent sees both, an agent outside the queue only the whole team's complaint.
    for (String filter : List.of(TasklistFilters.DUE_SOONEST, TasklistFilters.GROUP_TASKS)) {
      assertThat(sees(QUEUE_MEMBER, filter, billing)).as(filter).isTrue();
      assertThat(sees(QUEUE_MEMBER, filter, delivery)).as(filter).isTrue();
      assertThat(sees(AGENT, filter, delivery)).as(filter).isTrue();
      assertThat(sees(AGENT, filter, billing)).as(filter).isFalse();
    }

    // The agent outside the queue cannot claim it, is told why in Rootfix's words (not the engine's permission
    // names), and it stays free for the queue.
    ResponseEntity<Map> refused = as(AGENT).postForEntity("/engine-rest/task/" + billingTask + "/claim",
        json("{\"userId\": \"" + AGENT + "\"}"), Map.class);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat((String) refused.getBody().get("message")).isEqualTo("Rootfix: this complaint is in the queue "
        + BILLING + ", which you are not in; a team lead may assign it to you.");
    assertThat(taskService.createTaskQuery().taskId(billingTask).singleResult().getAssignee()).isNull();

    // The queue's agent works it, and the complaint's later tasks stay in the queue.
    claim(QUEUE_MEMBER, billing, Element.AGREE_EXPECTATION);
    submit(QUEUE_MEMBER, billing, Element.AGREE_EXPECTATION, Map.of(ComplaintProcess.Var.DESIRED_OUTCOME, "refund",
        ComplaintProcess.Var.AGREED_ANSWER_DATE, PROMISED, ComplaintProcess.Var.CONTACT_PREFERENCE, "email"));
    executeDueJobs();
    String patch = taskId(billing, Element.PATCH_SYMPTOM);
    assertThat(candidateGroups(patch)).containsExactly(BILLING);
    assertThat(taskService.createTaskQuery().taskId(patch).singleResult().getAssignee()).isEqualTo(QUEUE_MEMBER);
    assertThat(sees(QUEUE_MEMBER, TasklistFilters.MY_COMPLAINTS, billing)).isTrue();

    // A team lead can still hand it to someone outside the queue, who then works it as its assignee.
    assertThat(as(LEAD).postForEntity("/engine-rest/task/" + patch + "/assignee",
        json("{\"userId\": \"" + AGENT + "\"}"), Void.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(sees(AGENT, TasklistFilters.MY_COMPLAINTS, billing)).isTrue();
    assertThat(sees(QUEUE_MEMBER, TasklistFilters.MY_COMPLAINTS, billing)).isFalse();
  }

  /**
   * A promise about to fall due goes to "Renegotiate in time" in the complaint's queue, not to the whole team: a wave
   * of renegotiations stays in the queues, assigned to the complaint's owner. Both are read from the complaint as the
   * task starts and stored nowhere.
   */
  @Test
  @SuppressWarnings("unchecked")
  void renegotiatingAPromiseInTimeIsOfferedToTheComplaintsQueue() {
    queue(BILLING, QUEUE_MEMBER);
    route("billing", BILLING);
    String billing = receive("billing");
    String delivery = receive("delivery");
    claim(QUEUE_MEMBER, billing, Element.AGREE_EXPECTATION);
    for (String trackingNumber : List.of(billing, delivery)) {
      String agent = trackingNumber.equals(billing) ? QUEUE_MEMBER : AGENT;
      submit(agent, trackingNumber, Element.AGREE_EXPECTATION, Map.of(ComplaintProcess.Var.DESIRED_OUTCOME, "refund",
          ComplaintProcess.Var.AGREED_ANSWER_DATE, PROMISED, ComplaintProcess.Var.CONTACT_PREFERENCE, "email"));
    }
    executeDueJobs();

    List<Map<String, Object>> promises = as(QUEUE_MEMBER).getForObject("/api/complaints/" + billing + "/promises",
        List.class);
    Instant dueAt = Instant.parse((String) promises.get(0).get("dueAt"));
    try {
      ClockUtil.setCurrentTime(Date.from(dueAt.minus(Duration.ofHours(3))));
      for (int round = 0; round < 5; round++) {
        executeDueJobs();
      }
    } finally {
      ClockUtil.reset();
    }

    Task inQueue = renegotiation(billing);
    assertThat(candidateGroups(inQueue.getId())).containsExactly(BILLING);
    assertThat(inQueue.getAssignee()).isEqualTo(QUEUE_MEMBER);
    assertThat(candidateGroups(renegotiation(delivery).getId())).as("a complaint of the whole team")
        .containsExactly(ComplaintProcess.AGENTS);
    assertThat(renegotiation(delivery).getAssignee()).as("each complaint's owner").isEqualTo(AGENT);
    assertThat(sees(QUEUE_MEMBER, TasklistFilters.DUE_SOONEST, billing + "/%")).isTrue();
    assertThat(sees(AGENT, TasklistFilters.DUE_SOONEST, billing + "/%")).as("outside the queue").isFalse();
    assertThat(sees(AGENT, TasklistFilters.DUE_SOONEST, delivery + "/%")).isTrue();
    assertThat(runtimeService.createVariableInstanceQuery().processInstanceIdIn(inQueue.getProcessInstanceId())
        .variableName(PromiseProcess.Var.QUEUE).count()).as("the queue is not stored on the watch").isZero();
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(inQueue.getProcessInstanceId())
        .variableName(PromiseProcess.Var.QUEUE).count()).isZero();
    assertThat(runtimeService.createVariableInstanceQuery().processInstanceIdIn(inQueue.getProcessInstanceId())
        .variableName(PromiseProcess.Var.OWNER).count()).as("nor the owner, read from the complaint").isZero();
  }

  @Test
  void aQueueThatIsNotSetUpOrAGroupThatIsNotAQueueLeavesTheComplaintWithTheWholeTeam() {
    groups.add("queue-empty");
    identityService.saveGroup(identityService.newGroup("queue-empty"));
    route("billing", "queue-nobody-created");
    route("delivery", "queue-empty");
    route("product", "auditors");
    route("service", "");

    CapturedLog.Captured<List<String>> routed = CapturedLog.during(Queues.class.getName(),
        () -> List.of("billing", "delivery", "product", "service").stream().map(this::receive).toList());

    for (String trackingNumber : routed.result()) {
      String taskId = taskId(trackingNumber, Element.AGREE_EXPECTATION);
      assertThat(candidateGroups(taskId)).as(trackingNumber).containsExactly(ComplaintProcess.AGENTS);
      assertThat(sees(AGENT, TasklistFilters.DUE_SOONEST, trackingNumber)).as(trackingNumber).isTrue();
      assertThat(runtimeService.getVariable(
          taskService.createTaskQuery().taskId(taskId).singleResult().getProcessInstanceId(),
          ComplaintProcess.Var.QUEUE)).isEqualTo(ComplaintProcess.AGENTS);
    }
    assertThat(routed.messages()).anyMatch(m -> m.contains("'queue-nobody-created' is not set up"))
        .anyMatch(m -> m.contains("'queue-empty' is not set up"))
        .anyMatch(m -> m.contains("names 'auditors', which is not a queue"))
        .anyMatch(m -> m.contains("names '', which is not a queue"));
  }

  /** A group of service agents whose id starts with queue-, with these members. */
  private void queue(String id, String... members) {
    groups.add(id);
    identityService.saveGroup(identityService.newGroup(id));
    for (String member : members) {
      identityService.createMembership(member, id);
    }
  }

  /**
   * A new version of routing.dmn with the category's rule naming the queue, as a process owner writes it in the
   * Modeler. Every rule of a test's categories is changed in the one version the test deploys last.
   */
  private void route(String category, String queue) {
    String model = deployments.isEmpty() ? shippedRouting() : latestRouting();
    String rule = "Rule_" + Character.toUpperCase(category.charAt(0)) + category.substring(1) + "_Queue\">\n"
        + "          <text>";
    int at = model.indexOf(rule);
    assertThat(at).as("rule for " + category).isPositive();
    int from = at + rule.length();
    String changed = model.substring(0, from) + "\"" + queue + "\"" + model.substring(model.indexOf("</text>", from));
    deployments.add(repositoryService.createDeployment().name("routing-" + category)
        .addString("routing.dmn", changed).deploy().getId());
  }

  private static String shippedRouting() {
    try (InputStream in = QueueRoutingTest.class.getClassLoader()
        .getResourceAsStream(ComplaintProcess.ROUTING_DECISION)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private String latestRouting() {
    String id = repositoryService.createDecisionDefinitionQuery()
        .decisionDefinitionKey(ComplaintProcess.ROUTING_DECISION_KEY).latestVersion().singleResult().getId();
    try (InputStream in = repositoryService.getDecisionModel(id)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private String receive(String category) {
    var response = postComplaint(intake().replace("\"category\": \"delivery\"", "\"category\": \"" + category + "\""));
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return (String) response.getBody().get("trackingNumber");
  }

  private Task renegotiation(String trackingNumber) {
    return taskService.createTaskQuery().taskDefinitionKey(PromiseProcess.Element.RENEGOTIATE_IN_TIME)
        .processInstanceBusinessKeyLike(trackingNumber + "/%").singleResult();
  }

  private List<String> candidateGroups(String taskId) {
    return taskService.getIdentityLinksForTask(taskId).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType())).map(IdentityLink::getGroupId).toList();
  }

  /**
   * Whether the user's Tasklist filter lists a task of the complaint (Tasklist's own call, narrowed to it): a tracking
   * number, or a pattern like {@code RF-…/%} for the complaint's promise watches.
   */
  @SuppressWarnings("unchecked")
  private boolean sees(String user, String filterName, String trackingNumber) {
    List<Map<String, Object>> filters = as(user).getForObject("/engine-rest/filter?resourceType=Task", List.class);
    Object id = filters.stream().filter(f -> filterName.equals(f.get("name"))).findFirst().orElseThrow().get("id");
    List<Map<String, Object>> tasks = as(user).postForObject("/engine-rest/filter/" + id + "/list",
        json("{\"processInstanceBusinessKey" + (trackingNumber.contains("%") ? "Like" : "") + "\": \""
            + trackingNumber + "\"}"), List.class);
    return !tasks.isEmpty();
  }
}
