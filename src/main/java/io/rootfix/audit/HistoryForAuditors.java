package io.rootfix.audit;

import io.rootfix.complaint.ComplaintProcess;
import io.rootfix.complaint.ComplaintProcess.Element;
import io.rootfix.complaint.ComplaintProcess.Var;
import io.rootfix.formcontext.FormContext;
import io.rootfix.promise.PromiseProcess;
import io.rootfix.remedy.RemedyProcess;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.history.JobState;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricDecisionEvaluationEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricDecisionInstanceEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricIdentityLinkLogEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricJobLogEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;

/**
 * The engine's history keeps what auditors read — activities, tasks, user operations, incidents, jobs, decisions
 * and the values people and policies decided — and leaves out what only repeats Rootfix's own records or serves a
 * form. Every history event passes through here on its way to the engine's own handler.
 *
 * <p>Left out:
 * <ul>
 *   <li><b>Display data</b> ({@link #DISPLAY_ONLY}): projections of Rootfix's tables (the complaint's and root
 *   cause's context, the customer's history, the open promises offered as options). Models deployed since 5 December
 *   no longer store them: forms read them when shown ({@code ShownOnForms}); instances of older versions still write
 *   them, so the names stay listed, as do the option lists and previews among {@link #COPIES}.</li>
 *   <li><b>Copies of Rootfix's records</b> ({@link #COPIES}, in the complaint and its remedy): the intake's fields (customer, contact details,
 *   order, claim, description — the complaint and customer rows hold them, so personal data is not duplicated into
 *   history), identifiers, option lists a form offered (the choice made is a value of its own), text previews, the
 *   remedy policy's counts (on the remedy row), the outputs of decisions their decision instances keep and nobody
 *   changes after (the remedy's type and amount among them since 8 December: the trail shows them with the decision
 *   and in "Remedy decided"); and the remedy's copies of the complaint's values ({@link #COPIES_OF_THE_OTHER}).</li>
 *   <li><b>The promise watch's variables</b>: a copy of the promise row and its timer dates; the trail's
 *   "Promise made / renegotiated / kept / broken" come from the promise ledger.</li>
 *   <li><b>Gateways' activity instances</b>: a gateway only routes; where the path went is the activity that
 *   followed, and the decision behind it is a variable or a decision instance. The trail never showed them (so no
 *   seal changes), and they were 23 of a complaint's 51 activity rows. (The plain process tests, which measure model
 *   coverage, run without this filter.)</li>
 *   <li><b>Plain start events' instances</b> (not a timer's or a message's, which say what started a step): the
 *   instance's own history row, or its sub-process's activity row, holds when it started and where. They were four
 *   of a complaint's activity rows: its own start, its remedy's, its promise watch's and the watch's round.</li>
 *   <li><b>Form-property and identity-link logs</b>: a submitted form's values are already variable updates, and
 *   who held a task is in the task's history and the user-operation log.</li>
 *   <li><b>The inputs of the decisions that read only Rootfix's records</b> ({@link #INPUTS_ON_RECORD}: the
 *   answer deadline and the routing, by category and channel, fixed on the complaint row at intake; the remedy
 *   policy, whose every input the remedy row it decided holds as read). The decision instance keeps which version
 *   decided and what it answered. The answer review's inputs (the drafter's groups, the times reopened) are values of
 *   their moment on no row, and stay; of its inputs only the category, fixed on the complaint row, goes
 *   ({@link #SINGLE_INPUTS_ON_RECORD}).</li>
 *   <li><b>A value-set row for a value set once</b> ({@link ValueSetOnChange}): the variable's history row holds the
 *   same name, value and time, and the trail reads it there; a value's first change writes the value it had before
 *   as a row of its own, so every value a variable had stays.</li>
 *   <li><b>A job's "created" log entry</b>: the job's row says when it was created while it waits, and the step that
 *   made it is in the activity history. Its failures (with the error), its success (with the node that ran it) and
 *   its deletion stay: operators read those. But not a timer's deletion: most timers are removed unfired as the
 *   step they watched ends (a reminder for a promise kept, the daily check of a complaint that closed), which the
 *   activity history says; a person who deletes a job is in the user-operation log.</li>
 * </ul>
 * History written before a rule existed keeps its entries, so earlier seals still verify; a seal made now covers the
 * trail without them. Each rule is tested in {@code HistoryForAuditorsTest} and counted in
 * {@code EngineRowsPerComplaintTest}.
 */
class HistoryForAuditors extends AbstractProcessEnginePlugin {

  static final Set<String> DISPLAY_ONLY = Set.of(FormContext.COMPLAINT_CONTEXT, FormContext.ROOT_CAUSE_CONTEXT,
      Var.CUSTOMER_HISTORY, Var.OPEN_PROMISES);

  /** Variables of the complaint whose history would only repeat a record of Rootfix's or a form's helper. */
  static final Set<String> COPIES = Set.of(
      // the intake, on the complaint and customer rows
      Var.CUSTOMER_NAME, Var.CUSTOMER_EMAIL, Var.CUSTOMER_PHONE, Var.CUSTOMER_HANDLE, Var.HANDLE_NETWORK,
      Var.CHANNEL, Var.CATEGORY, Var.DESCRIPTION, Var.WANTED_ANSWER_DATE, Var.CLAIMED_AMOUNT, Var.ORDER_REFERENCE,
      Var.LANGUAGE, Var.REFERENCED_TRACKING_NUMBER,
      // identifiers of rows and instances
      Var.COMPLAINT_ID, Var.TRACKING_NUMBER, Var.CUSTOMER_ID, RemedyProcess.Var.REMEDY_ID,
      // what a form offered or previewed, and who may review a draft
      Var.KNOWN_ROOT_CAUSES, Var.ONE_OFF_REASONS, RemedyProcess.Var.REFUSAL_REASONS, Var.RETURN_REASONS,
      Var.CLOSE_REASONS, Var.REOPEN_REASONS, Var.PREVIEW_OPENING, Var.PREVIEW_CLOSING, Var.DRAFTED_BY_GROUPS,
      RemedyProcess.Var.ATTACHMENTS,
      // the remedy policy's inputs, on the remedy row
      RemedyProcess.Var.REMEDIES_LAST_12_MONTHS, RemedyProcess.Var.REMEDY_TOTAL_LAST_12_MONTHS,
      // decisions' outputs their decision instances keep (and the trail shows with the decision), which no person
      // changes: the answer deadline's time to answer (removed where it is read), the remedy policy's note, whether a
      // team lead approves, the remedy's type and amount (on the remedy row as the ledger took them, the trail's
      // "Remedy decided"), the answer review's decision and its reason (on the complaint row, then the answer's
      // evidence)
      Var.ANSWER_WITHIN, RemedyProcess.Var.REMEDY_POLICY_NOTE, RemedyProcess.Var.TEAM_LEAD_APPROVAL,
      RemedyProcess.Var.REMEDY_TYPE, RemedyProcess.Var.REMEDY_AMOUNT, Var.REVIEW_NEEDED, Var.REVIEW_POLICY);

  /**
   * The complaint's values handed to its remedy, left out of the remedy's history: the wanted outcome (the remedy row
   * keeps it as the policy read it) and the answer date (its approval task's due date). The complaint's
   * copies of the remedy's outcome, its type and amount, are among {@link #COPIES} (the decision instance and the
   * remedy ledger hold them).
   */
  static final Map<String, Set<String>> COPIES_OF_THE_OTHER = Map.of(
      RemedyProcess.KEY, Set.of(RemedyProcess.Var.DESIRED_OUTCOME, RemedyProcess.Var.ANSWER_DUE_DATE));

  /**
   * Decisions whose every input is on Rootfix's rows as the decision read it: the answer deadline's and the
   * routing's on the complaint row (category and channel, fixed at intake), the remedy policy's on the remedy row it
   * decided (the complaint's wanted outcome, category and claim, the customer's remedies and their total).
   */
  static final Set<String> INPUTS_ON_RECORD = Set.of(ComplaintProcess.ANSWER_DEADLINE_DECISION_KEY,
      ComplaintProcess.ROUTING_DECISION_KEY, RemedyProcess.POLICY_DECISION_KEY);

  /**
   * Single inputs on Rootfix's rows of a decision whose other inputs are values of their moment: the answer review's
   * category (fixed on the complaint row at intake, and in the trail's "Complaint received"). Its severity (on the
   * row, but shown in no trail line), remedy amount, times reopened and the drafter's groups stay. By the input's id
   * in the table: an input renamed in Modeler is kept, never lost.
   */
  static final Map<String, Set<String>> SINGLE_INPUTS_ON_RECORD = Map.of(
      ComplaintProcess.ANSWER_REVIEW_DECISION_KEY, Set.of("Input_category"));

  /**
   * Steps whose activity row would only repeat a record the trail shows from Rootfix's own tables, by process. Each
   * is a step of the engine's, not a person's, and {@code HistoryForAuditorsTest} checks the record is in the trail:
   * <ul>
   *   <li>the complaint: recognising the customer and registering the complaint ("Complaint received", with the
   *   customer on the complaint row), proposing the answer date (the date agreed is the answer promise), the
   *   acknowledgement ("Message to the customer"), the remedy's call (the remedy's own instance and "Remedy
   *   decided"), recording the root cause's fix ("Root cause fixed") and the closing end event ("Complaint
   *   closed");</li>
   *   <li>the remedy: counting the customer's remedies and recording the decision ("Remedy decided", with the
   *   counts);</li>
   *   <li>the promise watch: its scope, its timers and messages, and marking the promise kept or broken (the promise
   *   ledger's "Promise made / renegotiated / kept / broken"). Its tasks for people and its reminder stay.</li>
   * </ul>
   * The steps the readable story reads (sending the answer, closing, reopening…) stay.
   */
  static final Map<String, Set<String>> STEPS_ON_RECORD = Map.of(
      ComplaintProcess.KEY, Set.of(Element.RECOGNISE_CUSTOMER, Element.REGISTER, Element.PROPOSE_ANSWER_DATE,
          Element.ACKNOWLEDGE, Element.REMEDY, Element.RECORD_FIX, Element.END_CLOSED),
      RemedyProcess.KEY, Set.of(RemedyProcess.Element.COUNT_CUSTOMER_REMEDIES,
          RemedyProcess.Element.RECORD_REMEDY_DECISION),
      PromiseProcess.KEY, Set.of(PromiseProcess.Element.WATCH, PromiseProcess.Element.REMINDER,
          PromiseProcess.Element.RENEGOTIATE_IN_TIME_TIMER, PromiseProcess.Element.DEADLINE,
          PromiseProcess.Element.KEPT, PromiseProcess.Element.NEW_DATE_AGREED, PromiseProcess.Element.MARK_KEPT,
          PromiseProcess.Element.MARK_BROKEN));

  /** The engine's activity type of a business rule task, whose decision instance says where and when it decided. */
  static final String BUSINESS_RULE_TASK = "businessRuleTask";

  /** The engine's job handler types of timers all begin so ({@code timer-transition}, {@code timer-start-event}…). */
  private static final String TIMER_JOB_TYPES = "timer-";

  /** The engine's activity type of a start event with no trigger (a timer's or a message's has its own). */
  private static final String NONE_START_EVENT = "startEvent";

  /** The engine's activity type of an end event that throws nothing (an error's or a terminate's has its own). */
  private static final String NONE_END_EVENT = "noneEndEvent";

  /** The processes whose variables {@link #COPIES} names: the complaint, and its remedy (inline in old versions). */
  private static final Set<String> WITH_COPIES = Set.of(ComplaintProcess.KEY, RemedyProcess.KEY);

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    // The engine's database handler, but writing value-set rows only when a value changes (ValueSetOnChange); first in
    // the list, where the engine puts its own. Other handlers (Spring's history events) stay behind it.
    configuration.setEnableDefaultDbHistoryEventHandler(false);
    configuration.getCustomHistoryEventHandlers().add(0, new ValueSetOnChange());
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    // The engine reads its handler from the configuration for every event, so wrapping it after init is enough.
    configuration.setHistoryEventHandler(new Filter(configuration.getHistoryEventHandler()));
  }

  /** Whether the event goes into the engine's history. */
  static boolean isKept(HistoryEvent event) {
    if (event instanceof HistoricVariableUpdateEventEntity variable) {
      String name = variable.getVariableName();
      if (PromiseProcess.KEY.equals(variable.getProcessDefinitionKey())) {
        return false;
      }
      return !DISPLAY_ONLY.contains(name)
          && !(WITH_COPIES.contains(variable.getProcessDefinitionKey()) && COPIES.contains(name))
          && !COPIES_OF_THE_OTHER.getOrDefault(variable.getProcessDefinitionKey(), Set.of()).contains(name);
    }
    if (event instanceof HistoricActivityInstanceEventEntity activity) {
      String type = activity.getActivityType();
      return (type == null || !(type.endsWith("Gateway") || NONE_START_EVENT.equals(type)
          || NONE_END_EVENT.equals(type) || BUSINESS_RULE_TASK.equals(type)))
          && !STEPS_ON_RECORD.getOrDefault(activity.getProcessDefinitionKey(), Set.of()).contains(activity.getActivityId());
    }
    if (event instanceof HistoricDecisionEvaluationEvent decision) {
      // Kept, without the inputs that only repeat the complaint row.
      HistoricDecisionInstanceEntity root = decision.getRootHistoricDecisionInstance();
      if (root != null && INPUTS_ON_RECORD.contains(root.getDecisionDefinitionKey())) {
        root.setInputs(List.of());
      } else if (root != null && root.getInputs() != null
          && SINGLE_INPUTS_ON_RECORD.containsKey(root.getDecisionDefinitionKey())) {
        Set<String> onRecord = SINGLE_INPUTS_ON_RECORD.get(root.getDecisionDefinitionKey());
        root.setInputs(root.getInputs().stream().filter(input -> !onRecord.contains(input.getClauseId())).toList());
      }
      return true;
    }
    if (event instanceof HistoricJobLogEvent job) {
      return job.getState() != JobState.CREATED.getStateCode()
          && !(job.getState() == JobState.DELETED.getStateCode() && job.getJobDefinitionType() != null
              && job.getJobDefinitionType().startsWith(TIMER_JOB_TYPES));
    }
    return !(event instanceof HistoricFormPropertyEventEntity || event instanceof HistoricIdentityLinkLogEventEntity);
  }

  private record Filter(HistoryEventHandler engine) implements HistoryEventHandler {

    @Override
    public void handleEvent(HistoryEvent event) {
      if (isKept(event)) {
        engine.handleEvent(event);
      }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
      events.forEach(this::handleEvent);
    }
  }
}
