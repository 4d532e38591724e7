package io.rootfix;

import static org.assertj.core.api.Assertions.assertThat;

import io.rootfix.complaint.ComplaintProcess;
import io.rootfix.complaint.ComplaintProcess.Element;
import io.rootfix.complaint.ComplaintProcess.Var;
import io.rootfix.support.RootfixIntegrationTest;
import io.rootfix.remedy.RemedyProcess;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * What a process owner does after revising a model (docs/process-owners.md: For process owners): deploy it from Camunda
 * Modeler over the engine REST API, see the new version, and migrate the running instances to it, all as
 * {@code owen} of {@code process-owners}. The revised complaint model behaves as before (later tests in this
 * JVM start their complaints on it); removing an activity is shown on a small process of its own.
 */
class ModelMigrationTest extends RootfixIntegrationTest {

  private static final String OWNER = "owen";
  private static final String DEMO = "migration-demo";
  private static final String CHECK = "Task_CheckInvoice";
  private static final String APPROVE = "Task_Approve";
  private static final String PATCH_INSTRUCTION =
      "Relieve the customer today: a replacement sent, a charge reversed, a loan product. The cause comes next.";

  @Autowired
  RepositoryService repositoryService;

  @Autowired
  HistoryService historyService;

  @Autowired
  IdentityService identityService;

  @Test
  void aRevisedComplaintModelDeployedFromModelerTakesOverTheRunningComplaints() throws IOException {
    String toAgree = receive();
    String toFindCause = receiveAndPatch();
    String waitingForFix = receiveAndPatch();
    submit(waitingForFix, Element.FIND_ROOT_CAUSE, Map.of(Var.ROOT_CAUSE_DESCRIPTION, "Weak packaging", Var.ONE_OFF, false));
    assertThat(runtimeService.getActiveActivityIds(instance(waitingForFix).getId())).contains(Element.WAIT_FOR_FIX);
    String before = instance(toAgree).getProcessDefinitionId();
    int versionBefore = repositoryService.getProcessDefinition(before).getVersion();
    String findCauseTask = taskId(toFindCause, Element.FIND_ROOT_CAUSE);

    // The process owner adds an instruction for agents to Patch the symptom and deploys from Modeler.
    Path model = Path.of(ComplaintProcess.RESOURCE);
    String revised = Files.readString(model)
        .replaceFirst("(<bpmn:userTask id=\"" + Element.PATCH_SYMPTOM + "\"[^>]*>)",
            "$1\n      <bpmn:documentation>" + PATCH_INSTRUCTION + "</bpmn:documentation>");
    String fileName = model.getFileName().toString();
    String after = onlyDefinitionIn(deployFromModeler(ComplaintProcess.KEY, fileName, revised));

    Map<String, Object> latest = as(OWNER).getForObject("/engine-rest/process-definition/key/" + ComplaintProcess.KEY, Map.class);
    assertThat(latest).containsEntry("id", after).containsEntry("version", versionBefore + 1);
    Map<String, Object> again = deployFromModeler(ComplaintProcess.KEY, fileName, revised);
    assertThat(again.get("deployedProcessDefinitions")).as("unchanged: no new version").isNull();

    // Generate the plan (same ids map to each other), check it, and migrate the three in a batch.
    Map<String, Object> plan = as(OWNER).postForObject("/engine-rest/migration/generate", json("""
        {"sourceProcessDefinitionId": "%s", "targetProcessDefinitionId": "%s", "updateEventTriggers": true}"""
        .formatted(before, after)), Map.class);
    assertThat((List<?>) plan.get("instructions")).isNotEmpty();
    Map<String, Object> validation = as(OWNER).postForObject("/engine-rest/migration/validate", plan, Map.class);
    assertThat((List<?>) validation.get("instructionReports")).isEmpty();

    List<String> complaints = List.of(instance(toAgree).getId(), instance(toFindCause).getId(), instance(waitingForFix).getId());
    Map<String, Object> migration = Map.of("migrationPlan", plan, "processInstanceIds", complaints, "skipCustomListeners", true);
    for (String notAnOwner : List.of(AGENT, LEAD)) {
      assertThat(as(notAnOwner).postForEntity("/engine-rest/migration/executeAsync", migration, Map.class).getStatusCode())
          .as(notAnOwner).isEqualTo(HttpStatus.FORBIDDEN);
    }
    ResponseEntity<Map> batch = as(OWNER).postForEntity("/engine-rest/migration/executeAsync", migration, Map.class);
    assertThat(batch.getStatusCode()).as(String.valueOf(batch.getBody())).isEqualTo(HttpStatus.OK);
    runBatch(batch.getBody());
    Map<String, Object> history = as(OWNER).getForObject("/engine-rest/history/batch/" + batch.getBody().get("id"), Map.class);
    assertThat(history.get("endTime")).as("batch done").isNotNull();

    // Every complaint is on the new version, where it was, with its tasks, timers and variables.
    for (String trackingNumber : List.of(toAgree, toFindCause, waitingForFix)) {
      assertThat(instance(trackingNumber).getProcessDefinitionId()).as(trackingNumber).isEqualTo(after);
      assertThat(managementService.createJobQuery().processInstanceId(instance(trackingNumber).getId()).list())
          .as("the keep-in-the-loop timer of " + trackingNumber).isNotEmpty()
          .allSatisfy(job -> assertThat(job.getProcessDefinitionId()).isEqualTo(after));
      assertThat(runtimeService.getVariable(instance(trackingNumber).getId(), Var.TRACKING_NUMBER)).isEqualTo(trackingNumber);
    }
    assertThat(taskId(toFindCause, Element.FIND_ROOT_CAUSE)).isEqualTo(findCauseTask);
    assertThat(taskService.createTaskQuery().taskId(findCauseTask).singleResult().getAssignee()).isEqualTo(AGENT);
    assertThat(runtimeService.getActiveActivityIds(instance(waitingForFix).getId())).contains(Element.WAIT_FOR_FIX);

    // ...and goes on there: the next Patch the symptom carries the new instruction.
    agreeExpectation(toAgree, PROMISED);
    Task patch = taskService.createTaskQuery().processInstanceBusinessKey(toAgree)
        .taskDefinitionKey(Element.PATCH_SYMPTOM).singleResult();
    assertThat(patch.getProcessDefinitionId()).isEqualTo(after);
    assertThat(patch.getDescription()).isEqualTo(PATCH_INSTRUCTION);
    findCauseAndReport(toFindCause);
    fixRootCause(rootCauseOf(waitingForFix), "Stronger boxes");
    assertThat(openTaskKeys(waitingForFix)).contains(Element.REPORT_BACK);
  }

  /**
   * Complaints started before the remedy had its own model finish on their own version: its inline branch calls the
   * same beans with the same variables (a copy of that version is the fixture). Decided, offered to a team lead with
   * the refusal reasons, approved, paid once; no remedy process is called for it.
   */
  @Test
  void aComplaintOnAVersionWithTheRemedyInlineFinishesItsRemedyThere() throws IOException {
    String inline;
    try (InputStream model = getClass().getResourceAsStream("/models/complaint-inline-remedy.bpmn")) {
      inline = new String(model.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(inline).contains("id=\"" + RemedyProcess.Element.PAY_REFUND + "\"").doesNotContain("callActivity");
    String fileName = Path.of(ComplaintProcess.RESOURCE).getFileName().toString();
    String inlineVersion = onlyDefinitionIn(deployFromModeler(ComplaintProcess.KEY, fileName, inline));
    String trackingNumber;
    try {
      ResponseEntity<Map> received = postComplaint("""
          {"customerName": "Eva de Wit", "customerEmail": "%s", "channel": "web", "category": "product",
           "description": "The vase arrived broken.", "desiredOutcome": "refund", "amount": 750,
           "orderReference": "ORD-4711"}""".formatted(newEmail()));
      assertThat(received.getStatusCode()).isEqualTo(HttpStatus.CREATED);
      trackingNumber = (String) received.getBody().get("trackingNumber");
    } finally {
      // The current model again, as a process owner would redeploy it: everything after starts on it.
      deployFromModeler(ComplaintProcess.KEY, fileName, Files.readString(Path.of(ComplaintProcess.RESOURCE)));
    }
    assertThat(instance(trackingNumber).getProcessDefinitionId()).isEqualTo(inlineVersion);

    submit(trackingNumber, Element.AGREE_EXPECTATION, Map.of(Var.DESIRED_OUTCOME, "refund",
        Var.AGREED_ANSWER_DATE, PROMISED, Var.CONTACT_PREFERENCE, "email"));
    executeDueJobs();
    String approval = taskId(trackingNumber, RemedyProcess.Element.APPROVE_REMEDY);
    Task task = taskService.createTaskQuery().taskId(approval).singleResult();
    assertThat(task.getProcessInstanceId()).as("in the complaint itself").isEqualTo(instance(trackingNumber).getId());
    assertThat(taskService.getVariable(approval, RemedyProcess.Var.REFUSAL_REASONS)).as("reasons offered").isNotNull();
    submit(LEAD, trackingNumber, RemedyProcess.Element.APPROVE_REMEDY, Map.of());
    Job payout = managementService.createJobQuery().processInstanceId(instance(trackingNumber).getId())
        .activityId(RemedyProcess.Element.PAY_REFUND).singleResult();
    managementService.executeJob(payout.getId());
    submit(trackingNumber, Element.PATCH_SYMPTOM, Map.of(Var.PATCH_DESCRIPTION, "Refunded"));

    assertThat(openTaskKeys(trackingNumber)).containsExactly(Element.FIND_ROOT_CAUSE);
    assertThat(jdbc.queryForObject("select state from remedy where tracking_number = ?", String.class, trackingNumber))
        .isEqualTo("PAID");
    assertThat(jdbc.queryForObject("select count(*) from payout p join remedy r on r.idempotency_key = p.idempotency_key"
        + " where r.tracking_number = ?", Long.class, trackingNumber)).isEqualTo(1);
    assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey(RemedyProcess.KEY)
        .processInstanceBusinessKey(trackingNumber).count()).isZero();
    // A complaint received now runs on the current version, which calls the remedy.
    String current = receive();
    assertThat((Object) repositoryService.getBpmnModelInstance(instance(current).getProcessDefinitionId())
        .getModelElementById(Element.REMEDY)).as("the call activity").isNotNull();
  }

  /**
   * Complaints received before queues (docs/process-owners.md, step 5) have no queue: the migration plan gives them
   * one, and their next tasks are offered to it. The fixture is complaint.bpmn as it was before Route to a queue.
   */
  @Test
  void aComplaintReceivedBeforeQueuesGetsItsQueueFromTheMigrationPlan() throws IOException {
    String beforeQueues;
    try (InputStream model = getClass().getResourceAsStream("/models/complaint-before-queues.bpmn")) {
      beforeQueues = new String(model.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(beforeQueues).doesNotContain(Element.ROUTE_TO_QUEUE);
    String fileName = Path.of(ComplaintProcess.RESOURCE).getFileName().toString();
    String old = onlyDefinitionIn(deployFromModeler(ComplaintProcess.KEY, fileName, beforeQueues));
    String trackingNumber;
    String withoutQueue;
    String current;
    try {
      trackingNumber = receive();
      withoutQueue = receive();
    } finally {
      current = onlyDefinitionIn(deployFromModeler(ComplaintProcess.KEY, fileName,
          Files.readString(Path.of(ComplaintProcess.RESOURCE))));
    }
    assertThat(instance(trackingNumber).getProcessDefinitionId()).isEqualTo(old);
    assertThat(runtimeService.getVariable(instance(trackingNumber).getId(), Var.QUEUE)).isNull();

    // A plan's variables are set on every complaint it moves: anything but the queue would go around the forms.
    for (String variables : List.of(text(Var.OWNER, "owen"), text(Var.QUEUE, "auditors"),
        text(Var.QUEUE, ComplaintProcess.AGENTS) + ", \"amount\": {\"value\": 1000000, \"type\": \"Long\"}")) {
      ResponseEntity<Map> refused = as(OWNER).postForEntity("/engine-rest/migration/execute", migration(old, current,
          variables, trackingNumber), Map.class);
      assertThat(refused.getStatusCode()).as(variables).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat((String) refused.getBody().get("message")).as(variables).contains("a migration sets no variable but");
      assertThat(instance(trackingNumber).getProcessDefinitionId()).as("not migrated").isEqualTo(old);
      assertThat(runtimeService.getVariable(instance(trackingNumber).getId(), Var.QUEUE)).isNull();
    }
    assertThat(runtimeService.getVariable(instance(trackingNumber).getId(), Var.OWNER)).isNull();

    // A queue nobody is in: the migrated complaints skip Route to a queue and its check, so it is refused here.
    identityService.saveGroup(identityService.newGroup("queue-empty"));
    try {
      for (String queue : List.of("queue-nobody-created", "queue-empty")) {
        ResponseEntity<Map> notSetUp = as(OWNER).postForEntity("/engine-rest/migration/execute",
            migration(old, current, text(Var.QUEUE, queue), trackingNumber), Map.class);
        assertThat(notSetUp.getStatusCode()).as(queue).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) notSetUp.getBody().get("message")).as(queue)
            .contains("queue '" + queue + "' is not set up");
        assertThat(instance(trackingNumber).getProcessDefinitionId()).as("not migrated").isEqualTo(old);
        assertThat(runtimeService.getVariable(instance(trackingNumber).getId(), Var.QUEUE)).isNull();
      }
    } finally {
      identityService.deleteGroup("queue-empty");
    }

    ResponseEntity<Void> migrated = as(OWNER).postForEntity("/engine-rest/migration/execute",
        migration(old, current, text(Var.QUEUE, ComplaintProcess.AGENTS), trackingNumber), Void.class);
    assertThat(migrated.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

    assertThat(instance(trackingNumber).getProcessDefinitionId()).isEqualTo(current);
    agreeExpectation(trackingNumber, PROMISED);
    String patch = taskId(trackingNumber, Element.PATCH_SYMPTOM);
    assertThat(taskService.getIdentityLinksForTask(patch)).filteredOn(link -> link.getGroupId() != null)
        .extracting(link -> link.getGroupId()).containsExactly(ComplaintProcess.AGENTS);

    // Migrated without it, a complaint's tasks go to the whole team: the model's default, so none is stuck.
    ResponseEntity<Void> plain = as(OWNER).postForEntity("/engine-rest/migration/execute", migration(old, current, "",
        withoutQueue), Void.class);
    assertThat(plain.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    agreeExpectation(withoutQueue, PROMISED);
    assertThat(taskService.getIdentityLinksForTask(taskId(withoutQueue, Element.PATCH_SYMPTOM)))
        .filteredOn(link -> link.getGroupId() != null).extracting(link -> link.getGroupId())
        .containsExactly(ComplaintProcess.AGENTS);
  }

  @Test
  void anInstanceAtAnActivityTheNewVersionRemovedIsReportedNotBroken() {
    String v1 = onlyDefinitionIn(deployFromModeler(DEMO, DEMO + ".bpmn", Bpmn.convertToString(demo(true))));
    ProcessInstance atCheck = runtimeService.startProcessInstanceById(v1);
    ProcessInstance atApprove = runtimeService.startProcessInstanceById(v1);
    taskService.complete(taskService.createTaskQuery().processInstanceId(atApprove.getId()).singleResult().getId());

    String v2 = onlyDefinitionIn(deployFromModeler(DEMO, DEMO + ".bpmn", Bpmn.convertToString(demo(false))));
    Map<String, Object> plan = as(OWNER).postForObject("/engine-rest/migration/generate",
        Map.of("sourceProcessDefinitionId", v1, "targetProcessDefinitionId", v2), Map.class);
    assertThat((List<Map<String, Object>>) plan.get("instructions")).extracting(i -> i.get("sourceActivityIds"))
        .containsExactly(List.of(APPROVE));

    // Both at once: refused as a whole, with a report naming the instance and its activity; nothing moved.
    ResponseEntity<Map> refused = as(OWNER).postForEntity("/engine-rest/migration/execute",
        Map.of("migrationPlan", plan, "processInstanceIds", List.of(atCheck.getId(), atApprove.getId())), Map.class);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody()).containsEntry("type", "MigratingProcessInstanceValidationException");
    Map<String, Object> report = (Map<String, Object>) refused.getBody().get("validationReport");
    assertThat(report).containsEntry("processInstanceId", atCheck.getId());
    assertThat((List<Map<String, Object>>) report.get("activityInstanceValidationReports"))
        .singleElement().satisfies(activity -> {
          assertThat(activity).containsEntry("sourceScopeId", CHECK);
          assertThat((List<String>) activity.get("failures")).singleElement().asString().contains("no migration instruction");
        });
    for (ProcessInstance instance : List.of(atCheck, atApprove)) {
      assertThat(processDefinitionOf(instance)).isEqualTo(v1);
    }

    // In a batch, its migration job fails with the same report (an incident in Cockpit); the instance stays.
    Map<String, Object> batch = as(OWNER).postForObject("/engine-rest/migration/executeAsync",
        Map.of("migrationPlan", plan, "processInstanceIds", List.of(atCheck.getId())), Map.class);
    runBatch(batch);
    assertThat(managementService.createJobQuery().jobDefinitionId((String) batch.get("batchJobDefinitionId")).withException()
        .singleResult().getExceptionMessage()).contains(atCheck.getId(), "no migration instruction");
    assertThat(processDefinitionOf(atCheck)).isEqualTo(v1);
    assertThat(as(OWNER).exchange("/engine-rest/batch/" + batch.get("id"), HttpMethod.DELETE, null, Void.class)
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

    // The owner migrates what fits; the other finishes on the old version.
    ResponseEntity<Void> migrated = as(OWNER).postForEntity("/engine-rest/migration/execute",
        Map.of("migrationPlan", plan, "processInstanceIds", List.of(atApprove.getId())), Void.class);
    assertThat(migrated.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(processDefinitionOf(atApprove)).isEqualTo(v2);
    assertThat(processDefinitionOf(atCheck)).isEqualTo(v1);
    for (String step : List.of(CHECK, APPROVE)) {
      taskService.complete(taskService.createTaskQuery().processInstanceId(atCheck.getId()).taskDefinitionKey(step)
          .singleResult().getId());
    }
    taskService.complete(taskService.createTaskQuery().processInstanceId(atApprove.getId()).singleResult().getId());
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(DEMO).count()).isZero();
  }

  /** Version 1 checks the invoice, then approves; version 2 only approves. */
  private static BpmnModelInstance demo(boolean withCheck) {
    AbstractFlowNodeBuilder<?, ?> flow = Bpmn.createExecutableProcess(DEMO).name("Migration demo")
        .camundaHistoryTimeToLive(1)
        .startEvent("Start_Demo").name("Invoice received");
    if (withCheck) {
      flow = flow.userTask(CHECK).name("Check the invoice");
    }
    return flow.userTask(APPROVE).name("Approve the invoice").endEvent("End_Demo").name("Invoice approved").done();
  }

  /** A plan variable holding text, as a JSON member of the plan's "variables". */
  private static String text(String name, String value) {
    return "\"%s\": {\"value\": \"%s\", \"type\": \"String\"}".formatted(name, value);
  }

  /** A migration request for one complaint, its plan generated with these variables (JSON members). */
  private Map<String, Object> migration(String from, String to, String variables, String trackingNumber) {
    Map<String, Object> plan = as(OWNER).postForObject("/engine-rest/migration/generate", json("""
        {"sourceProcessDefinitionId": "%s", "targetProcessDefinitionId": "%s", "updateEventTriggers": true,
         "variables": {%s}}""".formatted(from, to, variables)), Map.class);
    return Map.of("migrationPlan", plan, "processInstanceIds", List.of(instance(trackingNumber).getId()),
        "skipCustomListeners", true);
  }

  /** Deploys as the process owner from Modeler; the deployment must be accepted. */
  private Map<String, Object> deployFromModeler(String name, String fileName, String model) {
    ResponseEntity<Map> response = deployFromModeler(OWNER, name, fileName, model);
    assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }

  private static String onlyDefinitionIn(Map<String, Object> deployment) {
    Map<String, Object> definitions = (Map<String, Object>) deployment.get("deployedProcessDefinitions");
    assertThat(definitions).hasSize(1);
    return definitions.keySet().iterator().next();
  }

  /**
   * The batch's jobs, as the job executor runs them: the seed job, the migration jobs, the monitor. A job
   * that fails keeps its exception, as with the job executor.
   */
  private void runBatch(Map<String, Object> batch) {
    for (String definition : List.of("seedJobDefinitionId", "batchJobDefinitionId", "monitorJobDefinitionId")) {
      for (Job job : managementService.createJobQuery().jobDefinitionId((String) batch.get(definition)).list()) {
        try {
          managementService.executeJob(job.getId());
        } catch (ProcessEngineException failed) {
          // recorded on the job
        }
      }
    }
  }

  private ProcessInstance instance(String trackingNumber) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(ComplaintProcess.KEY)
        .processInstanceBusinessKey(trackingNumber).singleResult();
  }

  private String processDefinitionOf(ProcessInstance instance) {
    return runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
        .getProcessDefinitionId();
  }
}
