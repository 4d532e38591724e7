package io.rootfix.complaint;

import static io.rootfix.complaint.ComplaintProcess.ANSWER_APPROVED;
import static io.rootfix.complaint.ComplaintProcess.ANSWER_DRAFTED_BY;
import static io.rootfix.complaint.ComplaintProcess.ANSWER_RETURNED_BY;
import static io.rootfix.complaint.ComplaintProcess.ANSWER_REVIEWED_BY;
import static io.rootfix.complaint.ComplaintProcess.CLOSE_WITHOUT_CONFIRMATION;
import static io.rootfix.complaint.ComplaintProcess.COMPLAINT_ID;
import static io.rootfix.complaint.ComplaintProcess.DRAFTED_BY_GROUPS;
import static io.rootfix.complaint.ComplaintProcess.NEED_CUSTOMER_INFORMATION;
import static io.rootfix.complaint.ComplaintProcess.ONE_OFF;
import static io.rootfix.complaint.ComplaintProcess.REMEDY_AMOUNT;
import static io.rootfix.complaint.ComplaintProcess.RESOLVED;
import static io.rootfix.complaint.ComplaintProcess.ROOT_CAUSE_SETTLED;
import static io.rootfix.complaint.ComplaintProcess.SEVERITY;
import static io.rootfix.complaint.ComplaintProcess.TRACKING_NUMBER;

import io.rootfix.complaint.ComplaintProcess.Element;
import io.rootfix.complaint.ComplaintProcess.Var;
import io.rootfix.process.TaskForm;
import io.rootfix.process.TaskForms;
import io.rootfix.reason.ControlledReasons;
import io.rootfix.reason.Reason;
import io.rootfix.reason.ReasonStep;
import io.rootfix.rootcause.RootCauseProcess;
import io.rootfix.security.FourEyes;
import io.rootfix.security.TaskActor;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The completion listener of each complaint user task, named in {@code complaint.bpmn}
 * ({@code <camunda:taskListener event="complete" delegateExpression="${recordPatch}"/>}): checks what the agent
 * submitted on the form and records it on the complaint, in the transaction that completes the task, then the
 * promise part every complaint form offers ({@link FormPromises}). Bad input fails the completion with a message
 * naming the field; the task stays open and nothing is stored. A new user task adds a bean here.
 */
@Configuration
class ComplaintTaskListeners {

  private final ComplaintService complaints;
  private final ComplaintAnswerService answers;
  private final TaskActor actor;
  private final TaskForms forms;
  private final ControlledReasons reasons;
  private final FormPromises promises;
  private final FourEyes fourEyes;
  private final RemedyLedger remedies;

  ComplaintTaskListeners(ComplaintService complaints, ComplaintAnswerService answers, TaskActor actor, TaskForms forms,
      ControlledReasons reasons, FormPromises promises, FourEyes fourEyes, RemedyLedger remedies) {
    this.fourEyes = fourEyes;
    this.remedies = remedies;
    this.complaints = complaints;
    this.answers = answers;
    this.actor = actor;
    this.forms = forms;
    this.reasons = reasons;
    this.promises = promises;
  }

  /** One task's own part: what its form asks, recorded on the complaint. */
  private interface Step {
    void record(DelegateTask task, long complaintId, TaskForm form);
  }

  /**
   * What a form submits that its step records on the complaint and no later gateway, decision or step reads as a
   * variable: removed when the task completes, in the command that set it, so it costs its history row (who
   * submitted what, which the audit trail reads) and no runtime row. Later forms show it from the complaint row
   * (WrittenOnceShownFromRecord); the same name submitted on another task is not kept either.
   */
  static final List<String> RECORDED_NOT_KEPT = List.of(Var.DESIRED_OUTCOME, Var.CONTACT_PREFERENCE,
      Var.EXPECTATION_NOTE, Var.PATCH_DESCRIPTION, Var.ROOT_CAUSE_DESCRIPTION, Var.ROOT_CAUSE_ID, Var.STATUS_UPDATE,
      Var.ANSWER_TEXT);

  private TaskListener step(Step step) {
    return task -> {
      long id = COMPLAINT_ID.require(task);
      step.record(task, id, forms.of(task));
      promises.record(task, id);
      task.getExecution().removeVariables(RECORDED_NOT_KEPT);
    };
  }

  /** A step whose form asks for one required text (at most 4,000 characters), recorded by one service call. */
  private static Step oneText(String field, BiConsumer<Long, String> record) {
    return (task, id, form) -> {
      String text = form.requiredText(field, 4000);
      form.check();
      record.accept(id, text);
    };
  }

  /** Task_AgreeExpectation: the agent becomes the complaint's owner; the answer date becomes a promise. */
  @Bean
  TaskListener recordExpectation() {
    return step((task, id, form) -> {
      Expectation expectation = new Expectation(
          form.requiredCode(Var.DESIRED_OUTCOME, DesiredOutcome::fromCode, DesiredOutcome.CODES),
          form.requiredFutureDate(Var.AGREED_ANSWER_DATE),
          form.requiredCode(Var.CONTACT_PREFERENCE, ContactPreference::fromCode, ContactPreference.CODES),
          form.optionalText(Var.EXPECTATION_NOTE, 2000));
      form.check();
      // The agent becomes the owner on the row, which the later tasks' assignee reads (OwnerFromComplaint); the
      // answer promise's deadline, their due date, is on the row too (AnswerDueFromComplaint).
      complaints.agreeExpectation(id, expectation, actor.of(task));
    });
  }

  /** Task_PatchSymptom */
  @Bean
  TaskListener recordPatch() {
    return step(oneText(Var.PATCH_DESCRIPTION, complaints::recordPatch));
  }

  /**
   * Task_FindRootCause: ask the customer first, or a one-off with a controlled reason, or link a known root cause,
   * or describe a new one (which starts its investigation).
   */
  @Bean
  TaskListener recordRootCauseFinding() {
    return step((task, id, form) -> {
      boolean needInformation = form.flag(Var.NEED_CUSTOMER_INFORMATION);
      NEED_CUSTOMER_INFORMATION.on(task).set(needInformation);
      if (needInformation) {
        String request = form.requiredText(Var.INFORMATION_REQUEST, 2000);
        form.check();
        complaints.awaitInformation(id, request);
        return;
      }
      boolean oneOff = form.flag(Var.ONE_OFF);
      ONE_OFF.on(task).set(oneOff);
      if (oneOff) {
        // A one-off is explained by its reason and note (issue #20): a described cause is optional.
        String cause = form.optionalText(Var.ROOT_CAUSE_DESCRIPTION, 4000);
        Reason reason = form.reason(reasons, ReasonStep.ONE_OFF, Var.ONE_OFF_REASON, Var.ONE_OFF_NOTE);
        String note = form.optionalText(Var.ONE_OFF_NOTE, ControlledReasons.NOTE_MAX);
        form.check();
        complaints.recordRootCause(id, cause != null ? cause : note, true, reason.label() + ": " + note);
        recordReason(task, id, ReasonStep.ONE_OFF, reason, note);
        return;
      }
      // Only a one-off has a reason and note, which the next forms show as such: none sent along with a cause.
      task.getExecution().removeVariables(List.of(Var.ONE_OFF_REASON, Var.ONE_OFF_NOTE));
      if (form.has(Var.ROOT_CAUSE_ID)) {
        Long rootCauseId = form.requiredNumber(Var.ROOT_CAUSE_ID, RootCauseProcess.BUSINESS_KEY_PREFIX);
        form.check();
        // The report back shows the cause linked from the complaint row, as one described (WrittenOnceShownFromRecord).
        ROOT_CAUSE_SETTLED.on(task).set(complaints.linkRootCause(id, rootCauseId, actor.of(task)));
      } else {
        String cause = form.requiredText(Var.ROOT_CAUSE_DESCRIPTION, 4000);
        String title = form.optionalText(Var.ROOT_CAUSE_TITLE, 200);
        String ownerGroup = form.optionalText(Var.ROOT_CAUSE_OWNER_GROUP, 64);
        form.check();
        complaints.reportRootCause(id, title != null ? title : TaskForm.shorten(cause, 80),
            cause, ownerGroup, actor.of(task));
        ROOT_CAUSE_SETTLED.on(task).set(false);
      }
    });
  }

  /** Task_AwaitCustomerInformation: the agent writes down what the customer told them. */
  @Bean
  TaskListener recordCustomerInformation() {
    return step(oneText(Var.CUSTOMER_INFORMATION, complaints::informationReceived));
  }

  /** Task_UpdateCustomer: the update goes out; the next round's form starts empty (RECORDED_NOT_KEPT). */
  @Bean
  TaskListener recordCustomerUpdate() {
    return step(oneText(Var.STATUS_UPDATE, complaints::updateCustomer));
  }

  /**
   * Task_ReportBack: the answer is drafted (stored, not sent, with who drafted it). The review policy right after reads
   * the drafter's groups, the complaint's severity and its remedy's amount, handed to it from the rows, not stored
   * (its decision instance records them as inputs).
   */
  @Bean
  TaskListener recordAnswerDraft() {
    return step((task, id, form) -> {
      String answer = form.requiredText(Var.ANSWER_TEXT, 4000);
      form.check();
      String author = actor.of(task);
      // The row says who drafted it (a returned draft goes back to them; they do not review it): OwnerFromComplaint.
      Complaint complaint = answers.draftAnswer(id, answer, author);
      DRAFTED_BY_GROUPS.on(task).set(actor.groupsOf(author));
      SEVERITY.on(task).set(complaint.getSeverity().code());
      REMEDY_AMOUNT.on(task).set(remedies.latestAmount(id));
    });
  }

  /** Task_ReviewAnswer: approve (someone other than its author), or return it with a controlled reason. */
  @Bean
  TaskListener recordAnswerReview() {
    return step((task, id, form) -> {
      Boolean approved = form.requiredFlag(Var.ANSWER_APPROVED);
      String reviewer = actor.of(task);
      // Offered by name (FourEyes): someone who left the team leads since then no longer decides.
      if (!fourEyes.mayDecide(reviewer, ComplaintProcess.TEAM_LEADS)) {
        form.reject(Var.ANSWER_APPROVED, "only a team lead reviews an answer");
      }
      if (Boolean.TRUE.equals(approved)) {
        // Four eyes: the author of an answer does not approve it (the task is not offered to her either).
        if (reviewer != null && reviewer.equals(answers.pendingDraftBy(id, ANSWER_DRAFTED_BY.from(task)))) {
          form.reject(Var.ANSWER_APPROVED, "a team lead other than the author of the answer reviews it");
        }
        form.check();
        ANSWER_REVIEWED_BY.on(task).set(reviewer);
      } else {
        Reason reason = form.reason(reasons, ReasonStep.RETURN_ANSWER, Var.RETURN_REASON, Var.RETURN_NOTE);
        String note = form.optionalText(Var.RETURN_NOTE, ControlledReasons.NOTE_MAX);
        form.check();
        recordReason(task, id, ReasonStep.RETURN_ANSWER, reason, note);
        ANSWER_RETURNED_BY.on(task).set(reviewer);
      }
      ANSWER_APPROVED.on(task).set(approved);
    });
  }

  /**
   * Task_RecordCustomerConfirmation: resolved, not resolved (with a controlled reason), or closed without the
   * customer's confirmation (with one); a complaint that closes settles its open promises.
   */
  /** The close reason (controlled-reasons.dmn) for a customer we could not reach. */
  static final String CUSTOMER_UNREACHABLE = "CUSTOMER_UNREACHABLE";

  @Bean
  TaskListener recordCustomerConfirmation() {
    return step((task, id, form) -> {
      boolean closeUnconfirmed = form.flag(Var.CLOSE_WITHOUT_CONFIRMATION);
      String comment = form.optionalText(Var.CUSTOMER_COMMENT, 2000);
      boolean closes = closeUnconfirmed;
      if (closeUnconfirmed) {
        Reason reason = form.reason(reasons, ReasonStep.CLOSE_WITHOUT_CONFIRMATION, Var.CLOSE_REASON, Var.CLOSE_NOTE);
        String note = form.optionalText(Var.CLOSE_NOTE, ControlledReasons.NOTE_MAX);
        // The form hides "What did the customer say?" for this reason; a caller who sends it anyway is told why.
        if (comment != null && reason != null && CUSTOMER_UNREACHABLE.equals(reason.code())) {
          form.reject(Var.CUSTOMER_COMMENT, "the customer could not be reached, so they said nothing to record");
        }
        form.check();
        recordReason(task, id, ReasonStep.CLOSE_WITHOUT_CONFIRMATION, reason, note);
      } else {
        Boolean resolved = form.requiredFlag(Var.RESOLVED);
        Reason reopen = Boolean.FALSE.equals(resolved)
            ? form.reason(reasons, ReasonStep.REOPEN, Var.REOPEN_REASON, Var.REOPEN_NOTE)
            : null;
        String note = reopen != null ? form.optionalText(Var.REOPEN_NOTE, ControlledReasons.NOTE_MAX) : null;
        form.check();
        if (reopen != null) {
          recordReason(task, id, ReasonStep.REOPEN, reopen, note);
        }
        // A close reason submitted without closing must not close the complaint later, when nobody replies.
        task.getExecution().removeVariables(List.of(Var.CLOSE_REASON, Var.CLOSE_NOTE));
        RESOLVED.on(task).set(resolved);
        closes = resolved;
      }
      promises.keepChosen(task, id);
      if (closes) {
        promises.settleOpen(task, id);
      }
      answers.recordCustomerReply(id, comment);
      CLOSE_WITHOUT_CONFIRMATION.on(task).set(closeUnconfirmed);
    });
  }

  /**
   * Instances started before each task had its own listener name {@code ${recordTaskOutcome}} on all of them;
   * this hands each such task to its own listener, so they complete as before until they are migrated
   * (docs/process-structure.md). No new task is added here.
   */
  @Bean
  TaskListener recordTaskOutcome(BeanFactory beans) {
    Map<String, String> listenerOf = Map.of(
        Element.AGREE_EXPECTATION, "recordExpectation",
        Element.PATCH_SYMPTOM, "recordPatch",
        Element.FIND_ROOT_CAUSE, "recordRootCauseFinding",
        Element.AWAIT_CUSTOMER_INFORMATION, "recordCustomerInformation",
        Element.UPDATE_CUSTOMER, "recordCustomerUpdate",
        Element.REPORT_BACK, "recordAnswerDraft",
        Element.REVIEW_ANSWER, "recordAnswerReview",
        Element.RECORD_CUSTOMER_CONFIRMATION, "recordCustomerConfirmation");
    return task -> {
      String listener = listenerOf.get(task.getTaskDefinitionKey());
      if (listener == null) {
        throw new IllegalStateException("No outcome defined for task " + task.getTaskDefinitionKey());
      }
      beans.getBean(listener, TaskListener.class).notify(task);
    };
  }

  private void recordReason(DelegateTask task, long complaintId, String step, Reason reason, String note) {
    reasons.record(complaintId, TRACKING_NUMBER.from(task), step, reason, note, actor.of(task));
  }
}
