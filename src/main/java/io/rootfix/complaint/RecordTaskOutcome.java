package io.rootfix.complaint;

import static io.rootfix.complaint.ComplaintProcess.Element;
import static io.rootfix.complaint.ComplaintProcess.Var;

import io.rootfix.promise.PromiseType;
import io.rootfix.security.TaskActor;
import io.rootfix.web.FormDates;
import java.time.Clock;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completion listener of every complaint user task: checks what the agent submitted on the form and
 * records it on the complaint, in the transaction that completes the task. Bad input fails the
 * completion with a message naming the field; the task stays open and nothing is stored.
 */
@Component("recordTaskOutcome")
class RecordTaskOutcome implements TaskListener {

  private static final LocalTime END_OF_DAY = LocalTime.of(17, 0);

  private final ComplaintService complaints;
  private final TaskActor actor;
  private final Clock clock;

  RecordTaskOutcome(ComplaintService complaints, TaskActor actor, Clock clock) {
    this.complaints = complaints;
    this.actor = actor;
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
        String owner = actor.of(task);
        Instant answerDue = complaints.agreeExpectation(id, expectation, owner);
        task.setVariable(Var.OWNER, owner);
        task.setVariable(Var.ANSWER_DUE_DATE, Date.from(answerDue));
      }
      case Element.PATCH_SYMPTOM -> {
        String patch = input.requiredText(Var.PATCH_DESCRIPTION, 4000);
        input.check();
        complaints.recordPatch(id, patch);
      }
      case Element.FIND_ROOT_CAUSE -> {
        boolean needInformation = input.flag(Var.NEED_CUSTOMER_INFORMATION);
        task.setVariable(Var.NEED_CUSTOMER_INFORMATION, needInformation);
        if (needInformation) {
          String request = input.requiredText(Var.INFORMATION_REQUEST, 2000);
          input.check();
          complaints.awaitInformation(id, request);
          break;
        }
        boolean oneOff = input.flag(Var.ONE_OFF);
        task.setVariable(Var.ONE_OFF, oneOff);
        if (oneOff) {
          String cause = input.requiredText(Var.ROOT_CAUSE_DESCRIPTION, 4000);
          String reason = input.optionalText(Var.ONE_OFF_REASON, 2000);
          input.check();
          complaints.recordRootCause(id, cause, true, reason);
        } else if (input.optionalText(Var.ROOT_CAUSE_ID, 20) != null) {
          Long rootCauseId = input.requiredNumber(Var.ROOT_CAUSE_ID);
          input.check();
          task.setVariable(Var.ROOT_CAUSE_SETTLED, complaints.linkRootCause(id, rootCauseId, actor.of(task)));
          task.setVariable(Var.ROOT_CAUSE_ID, rootCauseId);
          // The report back shows the agent the cause they linked, as for a cause they describe.
          task.setVariable(Var.ROOT_CAUSE_DESCRIPTION, complaints.rootCauseDescription(id));
        } else {
          String cause = input.requiredText(Var.ROOT_CAUSE_DESCRIPTION, 4000);
          String title = input.optionalText(Var.ROOT_CAUSE_TITLE, 200);
          String ownerGroup = input.optionalText(Var.ROOT_CAUSE_OWNER_GROUP, 64);
          input.check();
          long rootCauseId = complaints.reportRootCause(id, title != null ? title : StepInput.shorten(cause, 80),
              cause, ownerGroup, actor.of(task));
          task.setVariable(Var.ROOT_CAUSE_SETTLED, false);
          task.setVariable(Var.ROOT_CAUSE_ID, rootCauseId);
        }
      }
      case Element.AWAIT_CUSTOMER_INFORMATION -> {
        String information = input.requiredText(Var.CUSTOMER_INFORMATION, 4000);
        input.check();
        complaints.informationReceived(id, information);
      }
      case Element.UPDATE_CUSTOMER -> {
        String update = input.requiredText(Var.STATUS_UPDATE, 4000);
        input.check();
        complaints.updateCustomer(id, update);
        task.getExecution().removeVariable(Var.STATUS_UPDATE);
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
    makeExtraPromise(task, id);
  }

  /** Any complaint form lets the agent record one more promise ("I'll call you back today before 17:00"). */
  private void makeExtraPromise(DelegateTask task, long complaintId) {
    StepInput input = new StepInput(task.getVariables());
    boolean promised = input.flag(Var.MAKE_PROMISE);
    if (promised) {
      PromiseType type = input.requiredCode(Var.PROMISE_TYPE, code -> PromiseType.valueOf(code.toUpperCase(Locale.ROOT)),
          "callback|delivery|refund|other");
      String text = input.requiredText(Var.PROMISE_TEXT, 500);
      input.check();
      Instant dueAt = FormDates.parse(task.getVariable(Var.PROMISE_DUE), Var.PROMISE_DUE, clock.getZone(), END_OF_DAY);
      Instant windowFrom = FormDates.parse(task.getVariable(Var.PROMISE_WINDOW_FROM), Var.PROMISE_WINDOW_FROM,
          clock.getZone(), END_OF_DAY);
      String owner = (String) task.getVariable(Var.OWNER);
      complaints.makePromise(complaintId, type, text, windowFrom, dueAt, actor.of(task), owner != null ? owner : actor.of(task));
    }
    // The next form starts without this promise.
    task.getExecution().removeVariables(List.of(Var.MAKE_PROMISE, Var.PROMISE_TYPE, Var.PROMISE_TEXT, Var.PROMISE_DUE,
        Var.PROMISE_WINDOW_FROM));
  }

  /** The agent who claimed the task, or else the user completing it. */
}
