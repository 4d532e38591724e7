package io.rootfix.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.rootfix.complaint.ComplaintProcess;
import io.rootfix.complaint.ComplaintProcess.Element;
import io.rootfix.complaint.ComplaintProcess.Var;
import io.rootfix.formcontext.FormContext;
import io.rootfix.promise.PromiseProcess;
import io.rootfix.remedy.RemedyProcess;
import io.rootfix.support.RootfixIntegrationTest;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What only feeds a form or repeats Rootfix's own records never reaches the engine's history, while every value
 * that decides or records something still does: the filter must neither let a copy through nor swallow a
 * neighbour, and the process itself still has every variable it works with.
 */
class HistoryForAuditorsTest extends RootfixIntegrationTest {

  @Autowired
  HistoryService historyService;

  @Test
  void copiesAreOnTheProcessButNotInHistoryDisplayDataIsNeitherAndEverythingDecidedIs() {
    String trackingNumber = receive();
    agreeExpectation(trackingNumber, PROMISED);
    executeDueJobs();
    String patchTask = taskId(trackingNumber, Element.PATCH_SYMPTOM);
    assertThat(shown(patchTask, FormContext.COMPLAINT_CONTEXT)).as("the agent still sees the context").isNotNull();
    assertThat(taskService.getVariable(patchTask, FormContext.COMPLAINT_CONTEXT))
        .as("the context is read when the form opens, not stored").isNull();
    assertThat(taskService.getVariable(patchTask, Var.CUSTOMER_NAME))
        .as("Tasklist's card still shows the customer").isNotNull();
    submit(trackingNumber, Element.PATCH_SYMPTOM, Map.of(Var.PATCH_DESCRIPTION, "Apologised and sent a new vase"));
    executeDueJobs();

    String instance = historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(trackingNumber)
        .processDefinitionKey(io.rootfix.complaint.ComplaintProcess.KEY).singleResult().getId();
    // Values a step records and removes where they were submitted are history rows marked removed (ComplaintTaskListeners).
    List<String> inHistory = historyService.createHistoricVariableInstanceQuery().processInstanceId(instance)
        .includeDeleted().list().stream().map(v -> v.getName()).toList();
    assertThat(inHistory).as("variable history")
        .doesNotContainAnyElementsOf(HistoryForAuditors.DISPLAY_ONLY)
        .doesNotContainAnyElementsOf(HistoryForAuditors.COPIES)
        .contains(Var.AGREED_ANSWER_DATE, Var.DESIRED_OUTCOME, Var.CONTACT_PREFERENCE, Var.PATCH_DESCRIPTION)
        .as("the answer's deadline is on the complaint row, where the tasks' due dates read it")
        .doesNotContain(Var.ANSWER_DUE_DATE)
        .as("the owner is on the complaint row, where the tasks' assignee reads it").doesNotContain(Var.OWNER);
    assertThat(historyService.createHistoricDetailQuery().processInstanceId(instance).variableUpdates().list())
        .as("value-set rows (only where a value changed: ValueSetOnChange)")
        .map(detail -> ((HistoricVariableUpdate) detail).getVariableName())
        .doesNotContainAnyElementsOf(HistoryForAuditors.DISPLAY_ONLY)
        .doesNotContainAnyElementsOf(HistoryForAuditors.COPIES);
    List<Map<String, Object>> trail = as(AUDITOR).getForObject("/api/audit/complaints/" + trackingNumber, List.class);
    assertThat(trail).as("the trail's values").map(entry -> (String) entry.get("what"))
        .contains("Value set: " + Var.AGREED_ANSWER_DATE, "Value set: " + Var.PATCH_DESCRIPTION)
        .noneMatch(what -> HistoryForAuditors.COPIES.contains(what.replace("Value set: ", "")));
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance)
        .variableName(Var.PATCH_DESCRIPTION).includeDeleted().singleResult().getValue())
        .as("a form's value keeps its history").isEqualTo("Apologised and sent a new vase");
    assertThat(historyService.createHistoricDetailQuery().processInstanceId(instance).formFields().count())
        .as("no form-property log beside the variable updates").isZero();
    HistoricTaskInstance agreed = historyService.createHistoricTaskInstanceQuery().processInstanceId(instance)
        .taskDefinitionKey(Element.AGREE_EXPECTATION).singleResult();
    assertThat(historyService.createHistoricIdentityLinkLogQuery().taskId(agreed.getId()).count())
        .as("no identity-link log").isZero();
    assertThat(agreed.getAssignee()).as("who held the task stays in the task history").isEqualTo(AGENT);

    // A job's log keeps its run (and which node ran it), not its creation: the job's row and the step tell that.
    assertThat(historyService.createHistoricJobLogQuery().processInstanceId(instance).list())
        .as("the complaint's job log").isNotEmpty()
        .allMatch(log -> !log.isCreationLog())
        .anyMatch(log -> log.isSuccessLog() && log.getHostname() != null);

    // Gateways only route, a plain start event's moment is the instance's own, a business rule task's decision
    // instance says where and when it decided, and the steps of the engine's that register or record something are
    // told by that record: their activity instances are left out, every person's step stays.
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(instance).list())
        .as("the complaint's activity history")
        .noneMatch(activity -> activity.getActivityType().endsWith("Gateway"))
        .noneMatch(activity -> activity.getActivityId().equals(Element.START))
        .extracting(activity -> activity.getActivityId())
        .contains(Element.AGREE_EXPECTATION, Element.PATCH_SYMPTOM)
        .doesNotContain(Element.DETERMINE_ANSWER_DEADLINE, Element.ROUTE_TO_QUEUE)
        .doesNotContainAnyElementsOf(HistoryForAuditors.STEPS_ON_RECORD.get(ComplaintProcess.KEY));
    // ...and the trail still tells each of them: the decisions as their activity rows were shown, once each, the
    // others by their records.
    assertThat(trail).as("the trail").map(entry -> (String) entry.get("what"))
        .containsOnlyOnce("Decided: Route to a queue", "Decided: Determine the default answer deadline")
        .contains("Complaint received", "Message to the customer", "Remedy decided", "Promise made");
    assertThat(trail).filteredOn(entry -> "Decided: Route to a queue".equals(entry.get("what")))
        .singleElement().satisfies(entry -> assertThat(entry.get("details"))
            .isEqualTo(ComplaintProcess.KEY + " / " + Element.ROUTE_TO_QUEUE + ": queue = " + ComplaintProcess.AGENTS));
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(instance).singleResult()
        .getStartActivityId()).as("where the complaint started, on its own history row").isEqualTo(Element.START);

    // Decisions stay with what they answered; the inputs that only repeat the complaint row (category and channel)
    // do not, and those of a decision about values of its moment do.
    List<HistoricDecisionInstance> decisions = historyService.createHistoricDecisionInstanceQuery()
        .processInstanceId(instance).includeInputs().includeOutputs().list();
    assertThat(decisions).extracting(HistoricDecisionInstance::getDecisionDefinitionKey)
        .contains(ComplaintProcess.ANSWER_DEADLINE_DECISION_KEY, ComplaintProcess.ROUTING_DECISION_KEY);
    for (HistoricDecisionInstance decision : decisions) {
      assertThat(decision.getOutputs()).as(decision.getDecisionDefinitionKey() + " outputs").isNotEmpty();
      if (HistoryForAuditors.INPUTS_ON_RECORD.contains(decision.getDecisionDefinitionKey())) {
        assertThat(decision.getInputs()).as(decision.getDecisionDefinitionKey() + " inputs").isEmpty();
      }
    }
    assertThat(decisions).filteredOn(d -> d.getDecisionDefinitionKey().equals(ComplaintProcess.ROUTING_DECISION_KEY))
        .singleElement().satisfies(routing -> assertThat(routing.getOutputs().get(0).getValue())
            .isEqualTo(ComplaintProcess.AGENTS));
    String remedy = historyService.createHistoricProcessInstanceQuery().superProcessInstanceId(instance)
        .processDefinitionKey(RemedyProcess.KEY).singleResult().getId();
    // The remedy policy's inputs are on the remedy row it decided, as it read them; its decision keeps its outcome.
    HistoricDecisionInstance policy = historyService.createHistoricDecisionInstanceQuery().processInstanceId(remedy)
        .decisionDefinitionKey(RemedyProcess.POLICY_DECISION_KEY).includeInputs().includeOutputs().singleResult();
    assertThat(policy.getInputs()).as("the remedy policy's inputs, on the remedy row").isEmpty();
    assertThat(policy.getOutputs()).extracting(output -> output.getVariableName())
        .contains(RemedyProcess.Var.REMEDY_TYPE, RemedyProcess.Var.REMEDY_AMOUNT);
    List<Map<String, Object>> ledger = as(AGENT).getForObject("/api/complaints/" + trackingNumber + "/remedies",
        List.class);
    assertThat(ledger).singleElement().satisfies(row -> assertThat(row)
        .containsEntry("desiredOutcome", "replacement").containsEntry("category", "delivery")
        .containsEntry("remediesLast12Months", 0).as("no amount claimed").doesNotContainKey("claimedAmount"));
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(remedy).list())
        .as("the remedy's variable history: neither its copies of the complaint nor the policy's outputs")
        .map(HistoricVariableInstance::getName)
        .doesNotContainAnyElementsOf(HistoryForAuditors.COPIES_OF_THE_OTHER.get(RemedyProcess.KEY))
        .doesNotContain(RemedyProcess.Var.REMEDY_TYPE, RemedyProcess.Var.REMEDY_AMOUNT);
    // A plain end event's moment and place are the instance's own: no activity row repeats them.
    HistoricProcessInstance settled = historyService.createHistoricProcessInstanceQuery().processInstanceId(remedy)
        .singleResult();
    assertThat(settled.getEndTime()).as("the remedy has ended").isNotNull();
    assertThat(settled.getEndActivityId()).as("where it ended, on its own history row")
        .isEqualTo(RemedyProcess.Element.END);
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(remedy).list())
        .as("the remedy's activity history: not the policy's steps, which the remedy row records")
        .noneMatch(activity -> activity.getActivityType().equals("noneEndEvent"))
        .noneMatch(activity -> activity.getActivityType().equals("businessRuleTask"))
        .extracting(activity -> activity.getActivityId())
        .doesNotContainAnyElementsOf(HistoryForAuditors.STEPS_ON_RECORD.get(RemedyProcess.KEY));
    assertThat(trail).as("the remedy's policy and what it answered, from its decision instance")
        .filteredOn(entry -> "Decided: Decide the remedy by policy".equals(entry.get("what"))).singleElement()
        .satisfies(entry -> assertThat((String) entry.get("details"))
            .startsWith(RemedyProcess.KEY + " / " + RemedyProcess.Element.DECIDE_REMEDY + ": ")
            .contains(RemedyProcess.Var.REMEDY_TYPE + " = " + ledger.get(0).get("type"),
                RemedyProcess.Var.REMEDY_AMOUNT + " = "));

    // The promise watch: its own history row stays, its copy of the promise and its scaffolding (scope, timers,
    // messages, marking kept or broken) do not: the promise ledger tells the trail what became of it.
    List<HistoricProcessInstance> watches = historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKey(PromiseProcess.KEY).processInstanceBusinessKeyLike(trackingNumber + "/%").list();
    assertThat(watches).isNotEmpty();
    for (HistoricProcessInstance watch : watches) {
      assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(watch.getId()).count())
          .as("the watch's variables").isZero();
      assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(watch.getId()).list())
          .as("the watch's activities").extracting(activity -> activity.getActivityId())
          .doesNotContainAnyElementsOf(HistoryForAuditors.STEPS_ON_RECORD.get(PromiseProcess.KEY));
    }
    HistoricProcessInstance running = watches.stream().filter(w -> w.getEndTime() == null).findFirst().orElseThrow();
    assertThat(runtimeService.getVariables(running.getId())).as("the running watch stores no variable").isEmpty();
    assertThat(running.getBusinessKey()).as("its business key names its promise")
        .matches(java.util.regex.Pattern.quote(trackingNumber) + "/\\d+");
  }

  /**
   * A timer removed unfired as its step ends: no job-log entry repeats it. A promise watch's reminder is removed as
   * the promise is kept, which the promise ledger says and the trail shows.
   */
  @Test
  void aTimerRemovedUnfiredLeavesNoJobLogEntry() {
    String trackingNumber = receiveAndPatch();
    findCauseAndReport(trackingNumber);

    // The answer sent kept the answer promise: its watch ended with the reminder still waiting.
    HistoricProcessInstance watch = historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKey(PromiseProcess.KEY).processInstanceBusinessKeyLike(trackingNumber + "/%").finished()
        .list().get(0);
    assertThat(watch.getEndActivityId()).as("the watch ended as the promise was kept")
        .isEqualTo(PromiseProcess.Element.END_KEPT);
    assertThat(historyService.createHistoricJobLogQuery().processInstanceId(watch.getId()).list())
        .as("the watch's job log").noneMatch(log -> log.isDeletionLog());
    List<Map<String, Object>> trail = as(AUDITOR).getForObject("/api/audit/complaints/" + trackingNumber, List.class);
    assertThat(trail).as("the trail").map(entry -> (String) entry.get("what")).contains("Promise kept");
  }

  /**
   * History written before business rule tasks' activity rows were left out has both the row and the decision
   * instance: the trail shows the step once, from the activity row, as it did when that complaint was sealed, so its
   * seal still verifies.
   */
  @Test
  void aDecisionWhoseActivityRowWasWrittenBeforeTheRuleShowsOnce() {
    String trackingNumber = receive();
    String instance = historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(trackingNumber)
        .processDefinitionKey(ComplaintProcess.KEY).singleResult().getId();
    HistoricDecisionInstance routing = historyService.createHistoricDecisionInstanceQuery().processInstanceId(instance)
        .decisionDefinitionKey(ComplaintProcess.ROUTING_DECISION_KEY).singleResult();
    List<Map<String, Object>> trail = as(AUDITOR).getForObject("/api/audit/complaints/" + trackingNumber, List.class);

    // The row the engine wrote for it before, with the same instance, place and moment.
    jdbc.update("insert into ACT_HI_ACTINST (ID_, PROC_DEF_KEY_, PROC_DEF_ID_, ROOT_PROC_INST_ID_, PROC_INST_ID_,"
            + " EXECUTION_ID_, ACT_ID_, ACT_NAME_, ACT_TYPE_, START_TIME_, END_TIME_, DURATION_, ACT_INST_STATE_,"
            + " SEQUENCE_COUNTER_) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 1, 1)",
        routing.getActivityInstanceId(), ComplaintProcess.KEY, routing.getProcessDefinitionId(), instance, instance,
        instance, Element.ROUTE_TO_QUEUE, "Route to a queue", HistoryForAuditors.BUSINESS_RULE_TASK,
        routing.getEvaluationTime(), routing.getEvaluationTime());

    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(instance)
        .activityId(Element.ROUTE_TO_QUEUE).count()).as("the older row is read").isOne();
    List<Map<String, Object>> before = trail.stream()
        .map(entry -> "Decided: Route to a queue".equals(entry.get("what")) ? Map.<String, Object>of("time",
            entry.get("time"), "actor", entry.get("actor"), "what", "Started: Route to a queue", "details",
            ComplaintProcess.KEY + " / " + Element.ROUTE_TO_QUEUE, "internal", entry.get("internal")) : entry)
        .toList();
    List<Map<String, Object>> after = as(AUDITOR).getForObject("/api/audit/complaints/" + trackingNumber, List.class);
    assertThat(after).as("the trail of history written before: the activity row as it was shown, the decision not again")
        .containsExactlyInAnyOrderElementsOf(before);
  }

  /**
   * The answer review keeps the inputs that are values of their moment (severity, remedy amount, times reopened, the
   * drafter's groups, as text); its category, fixed on the complaint row and in the trail, is not repeated.
   */
  @Test
  void theAnswerReviewKeepsItsInputsOfTheMomentNotTheCategoryOnRecord() {
    String trackingNumber = receiveAndPatch();
    findCauseAndReport(trackingNumber);
    String instance = historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(trackingNumber)
        .processDefinitionKey(ComplaintProcess.KEY).singleResult().getId();

    HistoricDecisionInstance review = historyService.createHistoricDecisionInstanceQuery().processInstanceId(instance)
        .decisionDefinitionKey(ComplaintProcess.ANSWER_REVIEW_DECISION_KEY).includeInputs().includeOutputs()
        .singleResult();
    assertThat(review.getInputs()).extracting(input -> input.getClauseId())
        .containsExactlyInAnyOrder("Input_severity", "Input_remedyAmount", "Input_reopenCount",
            "Input_draftedByGroups");
    assertThat(review.getInputs()).filteredOn(input -> input.getClauseId().equals("Input_draftedByGroups"))
        .singleElement().satisfies(input -> assertThat(input.getValue()).isInstanceOf(String.class)
            .asString().contains("service-agents"));
    assertThat(review.getOutputs()).as("what it decided").isNotEmpty();
    List<Map<String, Object>> trail = as(AUDITOR).getForObject("/api/audit/complaints/" + trackingNumber, List.class);
    assertThat(trail).filteredOn(entry -> "Complaint received".equals(entry.get("what"))).singleElement()
        .satisfies(entry -> assertThat((String) entry.get("details")).contains("category delivery"));
  }
}
