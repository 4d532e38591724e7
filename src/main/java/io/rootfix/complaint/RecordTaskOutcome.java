package io.rootfix.complaint;

import static io.rootfix.complaint.ComplaintProcess.Element;
import static io.rootfix.complaint.ComplaintProcess.Var;

import java.time.Clock;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Completion listener of every complaint user task: checks what the agent submitted on the form and
 * records it on the complaint, in the transaction that completes the task. Bad input fails the
 * completion with a message naming the field; the task stays open and nothing is stored.
 */
@Component("recordTaskOutcome")
class RecordTaskOutcome implements TaskListener {

  private final ComplaintService complaints;
  private final IdentityService identityService;
  private final Clock clock;

  RecordTaskOutcome(ComplaintService complaints, IdentityService identityService, Clock clock) {
    this.complaints = complaints;
    this.identityService = identityService;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    long id = ((Number) task.getVariable(Var.COMPLAINT_ID)).longValue();
    StepInput input = new StepInput(task.getVariables());
    switch (task.getTaskDefinitionKey()) {
      case Element.AGREE_EXPECTATION -> {
        Expectation expectation = new Expectation(
            input.requiredCode(Var.DESIRED_OUTCOME, DesiredOutcome::fromCode, DesiredOutcome.CODES),
            input.requiredFutureDate(Var.AGREED_ANSWER_DATE, clock),
            input.requiredCode(Var.CONTACT_PREFERENCE, ContactPreference::fromCode, ContactPreference.CODES),
            input.optionalText(Var.EXPECTATION_NOTE, 2000));
        input.check();
        String owner = actor(task);
        complaints.agreeExpectation(id, expectation, owner);
        task.setVariable(Var.OWNER, owner);
      }
      case Element.PATCH_SYMPTOM -> {
        String patch = input.requiredText(Var.PATCH_DESCRIPTION, 4000);
        input.check();
        complaints.recordPatch(id, patch);
      }
      case Element.FIND_ROOT_CAUSE -> {
        String cause = input.requiredText(Var.ROOT_CAUSE_DESCRIPTION, 4000);
        boolean oneOff = input.flag(Var.ONE_OFF);
        String reason = input.optionalText(Var.ONE_OFF_REASON, 2000);
        input.check();
        complaints.recordRootCause(id, cause, oneOff, reason);
        task.setVariable(Var.ONE_OFF, oneOff);
      }
      case Element.FIX_FUNDAMENTALLY -> {
        String fix = input.requiredText(Var.FIX_DESCRIPTION, 4000);
        input.check();
        complaints.recordFix(id, fix);
      }
      case Element.REPORT_BACK -> {
        String answer = input.requiredText(Var.ANSWER_TEXT, 4000);
        input.check();
        complaints.reportBack(id, answer);
      }
      case Element.RECORD_CUSTOMER_CONFIRMATION -> {
        Boolean resolved = input.requiredFlag(Var.RESOLVED);
        String comment = input.optionalText(Var.CUSTOMER_COMMENT, 2000);
        input.check();
        complaints.recordCustomerReply(id, comment);
        task.setVariable(Var.RESOLVED, resolved);
      }
      default -> throw new IllegalStateException("No outcome defined for task " + task.getTaskDefinitionKey());
    }
  }

  /** The agent who claimed the task, or else the user completing it. */
  private String actor(DelegateTask task) {
    if (task.getAssignee() != null) {
      return task.getAssignee();
    }
    Authentication authentication = identityService.getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }
}
