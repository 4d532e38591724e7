package io.rootfix.remedy;

import io.rootfix.complaint.ComplaintProcess;
import io.rootfix.complaint.ComplaintProcess.Var;
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
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The remedy branch of {@code complaint.bpmn}: thin delegates around {@link RemedyService}, referenced by bean
 * name. Variables carry ids and simple values only (the amount as a number in EUR).
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
      RemedyService.Facts facts = remedies.facts(complaintId(execution));
      execution.setVariable(Var.DESIRED_OUTCOME, facts.desiredOutcome());
      execution.setVariable(Var.CATEGORY, facts.category());
      execution.setVariable(Var.CLAIMED_AMOUNT, facts.claimedAmount());
      execution.setVariable(Var.REMEDIES_LAST_12_MONTHS, facts.remediesLast12Months());
      execution.setVariable(Var.REMEDY_TOTAL_LAST_12_MONTHS, facts.remedyTotalLast12Months().doubleValue());
    };
  }

  /** Task_RecordRemedyDecision: the policy's decision goes into the ledger; the branch goes on with its id. */
  @Bean
  JavaDelegate recordRemedyDecision() {
    return execution -> {
      RemedyType type = RemedyType.valueOf((String) execution.getVariable(Var.REMEDY_TYPE));
      Number amount = (Number) execution.getVariable(Var.REMEDY_AMOUNT);
      Remedy remedy = remedies.decide(complaintId(execution), new RemedyService.Decision(type,
          amount == null ? BigDecimal.ZERO : new BigDecimal(amount.toString()),
          Boolean.TRUE.equals(execution.getVariable(Var.TEAM_LEAD_APPROVAL)),
          (String) execution.getVariable(Var.REMEDY_POLICY_NOTE)));
      execution.setVariable(Var.REMEDY_ID, remedy.getId());
      execution.setVariable(Var.REMEDY_AMOUNT, remedy.getAmount().doubleValue());
      execution.setVariable(Var.TEAM_LEAD_APPROVAL, remedy.isApprovalNeeded());
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

  /**
   * Task_ApproveRemedy (on complete): granting is the default; a refusal needs a controlled reason
   * (REMEDY_REFUSAL) and a note, and is recorded with them. Only a team lead decides, whoever the task was
   * assigned to.
   */
  @Bean
  TaskListener recordRemedyApproval(TaskActor actor, ControlledReasons reasons) {
    return task -> {
      String by = actor.of(task);
      if (!actor.isMemberOf(by, ComplaintProcess.TEAM_LEADS, Groups.ADMINS)) {
        throw InvalidInputException.of(Var.REMEDY_APPROVED, "only a team lead approves or refuses a remedy");
      }
      Object approvedValue = task.getVariable(Var.REMEDY_APPROVED);
      boolean approved = approvedValue == null || Boolean.parseBoolean(approvedValue.toString().trim());
      long remedyId = ((Number) task.getVariable(Var.REMEDY_ID)).longValue();
      if (approved) {
        remedies.approve(remedyId, by);
      } else {
        Reason reason = reasons.require(ReasonStep.REMEDY_REFUSAL, task.getVariable(Var.REFUSAL_REASON),
            Var.REFUSAL_REASON, task.getVariable(Var.REFUSAL_NOTE), Var.REFUSAL_NOTE);
        String note = task.getVariable(Var.REFUSAL_NOTE).toString().trim();
        remedies.refuse(remedyId, by, reason.label() + ": " + note);
        reasons.record(complaintId(task), (String) task.getVariable(Var.TRACKING_NUMBER), ReasonStep.REMEDY_REFUSAL,
            reason, note, by);
      }
      task.setVariable(Var.REMEDY_APPROVED, approved);
    };
  }

  private static long complaintId(VariableScope scope) {
    return ((Number) scope.getVariable(Var.COMPLAINT_ID)).longValue();
  }

  private static long remedyId(DelegateExecution execution) {
    return ((Number) execution.getVariable(Var.REMEDY_ID)).longValue();
  }
}
