package io.rootfix.remedy;

import static io.rootfix.remedy.RemedyProcess.CATEGORY;
import static io.rootfix.remedy.RemedyProcess.CLAIMED_AMOUNT;
import static io.rootfix.remedy.RemedyProcess.COMPLAINT_ID;
import static io.rootfix.remedy.RemedyProcess.DESIRED_OUTCOME;
import static io.rootfix.remedy.RemedyProcess.REMEDIES_LAST_12_MONTHS;
import static io.rootfix.remedy.RemedyProcess.REMEDY_AMOUNT;
import static io.rootfix.remedy.RemedyProcess.REMEDY_APPROVED;
import static io.rootfix.remedy.RemedyProcess.REMEDY_ID;
import static io.rootfix.remedy.RemedyProcess.REMEDY_POLICY_NOTE;
import static io.rootfix.remedy.RemedyProcess.REMEDY_TOTAL_LAST_12_MONTHS;
import static io.rootfix.remedy.RemedyProcess.REMEDY_TYPE;
import static io.rootfix.remedy.RemedyProcess.TEAM_LEAD_APPROVAL;
import static io.rootfix.remedy.RemedyProcess.TRACKING_NUMBER;

import io.rootfix.remedy.RemedyProcess.Var;
import io.rootfix.process.TaskForm;
import io.rootfix.process.TaskForms;
import io.rootfix.process.ShownOnForm;
import io.rootfix.reason.ControlledReasons;
import io.rootfix.reason.Reason;
import io.rootfix.reason.ReasonStep;
import io.rootfix.security.Groups;
import io.rootfix.security.TaskActor;
import io.rootfix.web.InvalidInputException;
import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service tasks and task listeners of {@code remedy.bpmn}: thin delegates around {@link RemedyService},
 * referenced by bean name. Variables carry ids and simple values only (the amount as a number in EUR), named in
 * {@link RemedyProcess}. Complaints of a version from before the remedy had its own model run the same beans in
 * their inline branch, with the same variable names.
 */
@Configuration
class RemedyDelegates {

  private final RemedyService remedies;

  RemedyDelegates(RemedyService remedies) {
    this.remedies = remedies;
  }

  /** Task_CountCustomerRemedies: the policy's inputs, with the customer's remedies of the last 12 months. */
  @Bean
  JavaDelegate countCustomerRemedies() {
    return execution -> {
      RemedyService.Facts facts = remedies.facts(COMPLAINT_ID.require(execution));
      DESIRED_OUTCOME.on(execution).set(facts.desiredOutcome());
      CATEGORY.on(execution).set(facts.category());
      CLAIMED_AMOUNT.on(execution).set(facts.claimedAmount());
      REMEDIES_LAST_12_MONTHS.on(execution).set(facts.remediesLast12Months());
      REMEDY_TOTAL_LAST_12_MONTHS.on(execution).set(facts.remedyTotalLast12Months().doubleValue());
    };
  }

  /** Task_RecordRemedyDecision: the policy's decision goes into the ledger; the branch goes on with its id. */
  @Bean
  JavaDelegate recordRemedyDecision() {
    return execution -> {
      RemedyType type = RemedyType.valueOf(REMEDY_TYPE.require(execution));
      Double amount = REMEDY_AMOUNT.from(execution);
      Remedy remedy = remedies.decide(COMPLAINT_ID.require(execution), new RemedyService.Decision(type,
          amount == null ? BigDecimal.ZERO : new BigDecimal(amount.toString()),
          TEAM_LEAD_APPROVAL.isTrue(execution), REMEDY_POLICY_NOTE.from(execution)));
      REMEDY_ID.on(execution).set(remedy.getId());
      REMEDY_AMOUNT.on(execution).set(remedy.getAmount().doubleValue());
      TEAM_LEAD_APPROVAL.on(execution).set(remedy.isApprovalNeeded());
    };
  }

  /** Task_PayRefund (asynchronous, retried): pays once, whatever the number of attempts. */
  @Bean
  JavaDelegate payRefund() {
    return execution -> remedies.payRefund(remedyId(execution));
  }

  /** Task_ShipReplacement (asynchronous, retried): ships once, whatever the number of attempts. */
  @Bean
  JavaDelegate shipReplacement() {
    return execution -> remedies.shipReplacement(remedyId(execution));
  }

  /** shows = refusalReasons (Approve the remedy): the controlled refusal reasons, as the options of the form's select. */
  @Bean
  ShownOnForm refusalReasonsShown(ControlledReasons reasons) {
    return ShownOnForm.named(Var.REFUSAL_REASONS, task -> reasons.choices(ReasonStep.REMEDY_REFUSAL));
  }

  /** Named by remedy models deployed before the forms read what they show when shown (5 December 2026): stored. */
  @Bean
  TaskListener offerRefusalReasons(ShownOnForm refusalReasonsShown) {
    return task -> task.setVariable(Var.REFUSAL_REASONS, refusalReasonsShown.valueFor(task));
  }

  /**
   * Task_ApproveRemedy (on complete): granting is the default; a refusal needs a controlled reason
   * (REMEDY_REFUSAL) and a note, and is recorded with them. Only a team lead decides, whoever the task was
   * assigned to.
   */
  @Bean
  TaskListener recordRemedyApproval(TaskActor actor, ControlledReasons reasons, TaskForms forms) {
    return task -> {
      String by = actor.of(task);
      if (!actor.isMemberOf(by, RemedyProcess.TEAM_LEADS, Groups.ADMINS)) {
        throw InvalidInputException.of(Var.REMEDY_APPROVED, "only a team lead approves or refuses a remedy");
      }
      TaskForm form = forms.of(task);
      // The checkbox starts ticked: granting is the default.
      boolean approved = form.flagOr(Var.REMEDY_APPROVED, true);
      Reason reason = approved ? null : form.reason(reasons, ReasonStep.REMEDY_REFUSAL, Var.REFUSAL_REASON,
          Var.REFUSAL_NOTE);
      String note = approved ? null : form.optionalText(Var.REFUSAL_NOTE, ControlledReasons.NOTE_MAX);
      form.check();
      long remedyId = REMEDY_ID.require(task);
      if (approved) {
        remedies.approve(remedyId, by);
      } else {
        remedies.refuse(remedyId, by, reason.label() + ": " + note);
        reasons.record(COMPLAINT_ID.require(task), TRACKING_NUMBER.from(task), ReasonStep.REMEDY_REFUSAL,
            reason, note, by);
      }
      REMEDY_APPROVED.on(task).set(approved);
    };
  }

  private static long remedyId(DelegateExecution execution) {
    return REMEDY_ID.require(execution);
  }
}
