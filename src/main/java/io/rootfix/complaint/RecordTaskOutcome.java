package io.rootfix.complaint;

import static io.rootfix.complaint.ComplaintProcess.Element;
import static io.rootfix.complaint.ComplaintProcess.Var;

import io.rootfix.promise.PromiseType;
import io.rootfix.reason.ControlledReasons;
import io.rootfix.reason.Reason;
import io.rootfix.reason.ReasonStep;
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
  private final ControlledReasons reasons;

  RecordTaskOutcome(ComplaintService complaints, TaskActor actor, Clock clock, ControlledReasons reasons) {
    this.reasons = reasons;
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
          // A one-off is explained by its reason and note (issue #20): a described cause is optional.
          String cause = input.optionalText(Var.ROOT_CAUSE_DESCRIPTION, 4000);
          Reason reason = input.reason(reasons, ReasonStep.ONE_OFF, Var.ONE_OFF_REASON, Var.ONE_OFF_NOTE);
          input.check();
          String note = noteOf(task, Var.ONE_OFF_NOTE);
          complaints.recordRootCause(id, cause != null ? cause : note, true, reason.label() + ": " + note);
          recordReason(task, id, ReasonStep.ONE_OFF, reason, note);
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
        String author = actor.of(task);
        complaints.draftAnswer(id, answer, author);
        task.setVariable(Var.ANSWER_DRAFTED_BY, author);
        task.setVariable(Var.DRAFTED_BY_GROUPS, actor.groupsOf(author));
      }
      case Element.REVIEW_ANSWER -> {
        Boolean approved = input.requiredFlag(Var.ANSWER_APPROVED);
        String reviewer = actor.of(task);
        if (Boolean.TRUE.equals(approved)) {
          // Four eyes: the author of an answer does not approve it.
          if (reviewer != null && reviewer.equals(task.getVariable(Var.ANSWER_DRAFTED_BY))) {
            input.reject(Var.ANSWER_APPROVED, "a team lead other than the author of the answer reviews it");
          }
          input.check();
          task.setVariable(Var.ANSWER_REVIEWED_BY, reviewer);
        } else {
          Reason reason = input.reason(reasons, ReasonStep.RETURN_ANSWER, Var.RETURN_REASON, Var.RETURN_NOTE);
          input.check();
          recordReason(task, id, ReasonStep.RETURN_ANSWER, reason, noteOf(task, Var.RETURN_NOTE));
          task.setVariable(Var.ANSWER_RETURNED_BY, reviewer);
        }
        task.setVariable(Var.ANSWER_APPROVED, approved);
      }
      case Element.RECORD_CUSTOMER_CONFIRMATION -> {
        boolean closeUnconfirmed = input.flag(Var.CLOSE_WITHOUT_CONFIRMATION);
        String comment = input.optionalText(Var.CUSTOMER_COMMENT, 2000);
        if (closeUnconfirmed) {
          Reason reason = input.reason(reasons, ReasonStep.CLOSE_WITHOUT_CONFIRMATION, Var.CLOSE_REASON, Var.CLOSE_NOTE);
          input.check();
          recordReason(task, id, ReasonStep.CLOSE_WITHOUT_CONFIRMATION, reason, noteOf(task, Var.CLOSE_NOTE));
        } else {
          Boolean resolved = input.requiredFlag(Var.RESOLVED);
          Reason reopen = Boolean.FALSE.equals(resolved)
              ? input.reason(reasons, ReasonStep.REOPEN, Var.REOPEN_REASON, Var.REOPEN_NOTE)
              : null;
          input.check();
          if (reopen != null) {
            recordReason(task, id, ReasonStep.REOPEN, reopen, noteOf(task, Var.REOPEN_NOTE));
          }
          // A close reason submitted without closing must not close the complaint later, when nobody replies.
          task.getExecution().removeVariables(List.of(Var.CLOSE_REASON, Var.CLOSE_NOTE));
          task.setVariable(Var.RESOLVED, resolved);
        }
        keepChosenPromise(task, id);
        if (closeUnconfirmed || Boolean.TRUE.equals(task.getVariable(Var.RESOLVED))) {
          settleOpenPromises(task, id);
        }
        complaints.recordCustomerReply(id, comment);
        task.setVariable(Var.CLOSE_WITHOUT_CONFIRMATION, closeUnconfirmed);
      }
      default -> throw new IllegalStateException("No outcome defined for task " + task.getTaskDefinitionKey());
    }
    keepChosenPromise(task, id);
    makeExtraPromise(task, id);
  }

  /** Any form that offers promises lets the agent mark one of the complaint's open promises kept. */
  private void keepChosenPromise(DelegateTask task, long complaintId) {
    StepInput input = new StepInput(task.getVariables());
    if (input.optionalText(Var.KEPT_PROMISE, 20) != null) {
      Long promiseId = input.requiredNumber(Var.KEPT_PROMISE);
      input.check();
      complaints.keepPromise(complaintId, promiseId, actor.of(task));
    }
    // The next form starts with nothing chosen (and a second call for the same task does nothing).
    task.getExecution().removeVariable(Var.KEPT_PROMISE);
  }

  /**
   * The complaint closes from this form: no promise stays open. The agent says whether the rest were kept or are
   * released, with a note and what the customer is told; nothing new is promised on a complaint that closes.
   */
  private void settleOpenPromises(DelegateTask task, long complaintId) {
    StepInput input = new StepInput(task.getVariables());
    if (input.flag(Var.MAKE_PROMISE)) {
      input.reject(Var.MAKE_PROMISE, "the complaint closes: promise nothing new on it, or do not close it yet");
    }
    boolean anyOpen = complaints.openPromises(complaintId).stream().anyMatch(p -> p.type() != PromiseType.ANSWER);
    if (!anyOpen) {
      input.check();
      return;
    }
    String settle = input.requiredCode(Var.PROMISES_ON_CLOSE, RecordTaskOutcome::settlement, "kept|released");
    String note = "released".equals(settle) ? input.requiredText(Var.RELEASE_NOTE, 2000) : null;
    String toCustomer = "released".equals(settle) ? input.requiredText(Var.RELEASE_MESSAGE, 2000) : null;
    input.check();
    if ("kept".equals(settle)) {
      complaints.keepAllOpen(complaintId, actor.of(task));
    } else {
      complaints.releaseOpenPromises(complaintId, note, toCustomer, actor.of(task));
    }
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
        Var.PROMISE_WINDOW_FROM, Var.PROMISES_ON_CLOSE, Var.RELEASE_NOTE, Var.RELEASE_MESSAGE));
  }

  private static String settlement(String code) {
    if (!"kept".equals(code) && !"released".equals(code)) {
      throw new IllegalArgumentException(code);
    }
    return code;
  }

  private void recordReason(DelegateTask task, long complaintId, String step, Reason reason, String note) {
    reasons.record(complaintId, (String) task.getVariable(Var.TRACKING_NUMBER), step, reason, note, actor.of(task));
  }

  private static String noteOf(DelegateTask task, String field) {
    return task.getVariable(field).toString().trim();
  }
}
