package io.rootfix.complaint;

import static io.rootfix.complaint.ComplaintProcess.ANSWER_REVIEWED_BY;
import static io.rootfix.complaint.ComplaintProcess.ANSWER_WITHIN;
import static io.rootfix.complaint.ComplaintProcess.AGREED_ANSWER_DATE;
import static io.rootfix.complaint.ComplaintProcess.CHANNEL;
import static io.rootfix.complaint.ComplaintProcess.CLOSE_NOTE;
import static io.rootfix.complaint.ComplaintProcess.CLOSE_REASON;
import static io.rootfix.complaint.ComplaintProcess.COMPLAINT_ID;
import static io.rootfix.complaint.ComplaintProcess.CUSTOMER_COMMENT;
import static io.rootfix.complaint.ComplaintProcess.CUSTOMER_ID;
import static io.rootfix.complaint.ComplaintProcess.CUSTOMER_WAITING_FOR_UPDATE;
import static io.rootfix.complaint.ComplaintProcess.IDENTITY_CONFLICT;
import static io.rootfix.complaint.ComplaintProcess.INTAKE;
import static io.rootfix.complaint.ComplaintProcess.LATEST_CONTACT;
import static io.rootfix.complaint.ComplaintProcess.MERGED_BY;
import static io.rootfix.complaint.ComplaintProcess.MERGED_INTO;
import static io.rootfix.complaint.ComplaintProcess.MERGE_NOTE;
import static io.rootfix.complaint.ComplaintProcess.NEED_CUSTOMER_INFORMATION;
import static io.rootfix.complaint.ComplaintProcess.PREVIOUS_CUSTOMER_COMMENT;
import static io.rootfix.complaint.ComplaintProcess.PREVIOUS_ROOT_CAUSE_DESCRIPTION;
import static io.rootfix.complaint.ComplaintProcess.QUEUE;
import static io.rootfix.complaint.ComplaintProcess.REOPEN_COUNT;
import static io.rootfix.complaint.ComplaintProcess.REOPEN_NOTE;
import static io.rootfix.complaint.ComplaintProcess.REPEAT_CONTACTS;
import static io.rootfix.complaint.ComplaintProcess.REPEAT_OF;
import static io.rootfix.complaint.ComplaintProcess.REVIEW_NEEDED;
import static io.rootfix.complaint.ComplaintProcess.REVIEW_POLICY;
import static io.rootfix.complaint.ComplaintProcess.ROOT_CAUSE_DESCRIPTION;
import static io.rootfix.complaint.ComplaintProcess.TRACKING_NUMBER;
import static io.rootfix.complaint.ComplaintProcess.Var;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rootfix.complaint.ComplaintAnswerService.ReviewDecision;
import io.rootfix.complaint.ComplaintIntakeService.RecognisedContact;
import io.rootfix.customer.Recognition;
import io.rootfix.process.ShownOnForm;
import io.rootfix.reason.ControlledReasons;
import io.rootfix.security.FourEyes;
import io.rootfix.reason.ReasonStep;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service tasks of {@code complaint.bpmn}, referenced by bean name with
 * {@code camunda:delegateExpression}. Each reads the complaint id, calls one service method and writes
 * back simple values.
 */
@Configuration
class ComplaintDelegates {

  private final ComplaintIntakeService intakes;
  private final ComplaintService complaints;
  private final ComplaintAnswerService answers;
  private final ObjectMapper json;
  private final Clock clock;
  private final ControlledReasons reasons;

  ComplaintDelegates(ComplaintIntakeService intakes, ComplaintService complaints, ComplaintAnswerService answers,
      ObjectMapper json, Clock clock, ControlledReasons reasons) {
    this.reasons = reasons;
    this.intakes = intakes;
    this.complaints = complaints;
    this.answers = answers;
    this.json = json;
    this.clock = clock;
  }

  /**
   * Task_RecogniseCustomer: a new matter or a repeat contact (Gateway_OpenMatter); a conflict between the
   * contact details shows on the Agree expectation form.
   */
  @Bean
  JavaDelegate recogniseCustomer() {
    return execution -> {
      ComplaintIntake intake = intake(execution);
      // Handed on to Register complaint or Attach the contact, in this transaction, so they need not check it again.
      INTAKE.on(execution).set(intake);
      RecognisedContact contact = intakes.recogniseContact(intake);
      Recognition recognition = contact.recognition();
      CUSTOMER_ID.on(execution).set(recognition.customer().getId());
      if (contact.repeatOf() != null) {
        // Unset reads as null at Gateway_OpenMatter: a new matter stores no variable for it.
        REPEAT_OF.on(execution).set(contact.repeatOf());
      }
      if (recognition.identityConflict() != null) {
        IDENTITY_CONFLICT.on(execution).set(recognition.identityConflict());
      }
    };
  }

  /**
   * Task_AttachContact: the open complaint's forms show how often the customer came back and what they said
   * last. This contact's own instance ends here.
   */
  @Bean
  JavaDelegate attachContact() {
    return execution -> showOnForms(execution, intakes.attachContact(REPEAT_OF.from(execution), intake(execution)));
  }

  /**
   * The intake as the intake API or the step before handed it on; checked and typed from the variables when nobody
   * did: the phone-intake start form, or a model revised to commit between the steps (a transient value ends there).
   */
  private ComplaintIntake intake(DelegateExecution execution) {
    ComplaintIntake handedOn = INTAKE.from(execution);
    return handedOn != null ? handedOn : intakes.checked(IntakeForm.fromVariables(execution.getVariables()));
  }

  /** Task_MergeIntoSurvivor: the survivor's forms show the merged complaint as the customer's latest contact. */
  @Bean
  JavaDelegate mergeIntoSurvivor() {
    return execution -> showOnForms(execution, intakes.mergeInto(complaintId(execution),
        MERGED_INTO.from(execution), MERGE_NOTE.from(execution), MERGED_BY.from(execution)));
  }

  /** A repeat contact on the owner's forms: how often the customer came back, and what they said last. */
  private void showOnForms(DelegateExecution execution, Contact contact) {
    Complaint complaint = contact.getComplaint();
    RuntimeService runtimeService = execution.getProcessEngineServices().getRuntimeService();
    // An open complaint whose process an administrator ended by hand still takes the contact.
    if (runtimeService.createProcessInstanceQuery().processInstanceId(complaint.getProcessInstanceId()).count() > 0) {
      runtimeService.setVariables(complaint.getProcessInstanceId(), Map.of(
          REPEAT_CONTACTS.name(), complaint.getRepeatContacts(),
          LATEST_CONTACT.name(), contact.summary(clock.getZone())));
    }
  }

  /**
   * The intake's values only Recognise customer and Register complaint read: the complaint and customer rows hold
   * them from here on, and no later step, gateway, decision or form reads them as variables (the forms show the
   * contact details, order and claim from the rows: complaintContext; the customer's words:
   * WrittenOnceShownFromRecord).
   */
  static final Set<String> READ_ONLY_AT_INTAKE = Set.of(Var.CUSTOMER_EMAIL, Var.CUSTOMER_PHONE, Var.CUSTOMER_HANDLE,
      Var.HANDLE_NETWORK, Var.WANTED_ANSWER_DATE, Var.CLAIMED_AMOUNT, Var.ORDER_REFERENCE, Var.LANGUAGE,
      Var.REFERENCED_TRACKING_NUMBER, Var.DESCRIPTION);

  /**
   * Task_RegisterComplaint: the tracking number becomes the business key. The values only the intake read are
   * removed again: set and removed in the starting transaction, they never reach the database.
   */
  @Bean
  JavaDelegate registerComplaint() {
    return execution -> {
      Complaint complaint = intakes.register(intake(execution), execution.getProcessInstanceId(),
          CUSTOMER_ID.require(execution), IDENTITY_CONFLICT.from(execution));
      execution.removeVariables(READ_ONLY_AT_INTAKE);
      // The outcome the customer asks for is on the row too, where Agree expectation shows it; unlike the values
      // above, its history row (what the intake asked) stays, as the agreed one's does.
      execution.removeVariable(Var.DESIRED_OUTCOME);
      COMPLAINT_ID.on(execution).set(complaint.getId());
      TRACKING_NUMBER.on(execution).set(complaint.getTrackingNumber());
      CHANNEL.on(execution).set(complaint.getChannel().code());
      execution.setProcessBusinessKey(complaint.getTrackingNumber());
    };
  }

  /**
   * Task_RouteToQueue, when it ends: the queue routing.dmn named, if it is set up; else the whole team (Queues).
   * Read by every complaint task's candidate group.
   */
  @Bean
  ExecutionListener checkQueue(Queues queues) {
    return execution -> {
      String routed = QUEUE.from(execution);
      String checked = queues.checked(routed, TRACKING_NUMBER.from(execution));
      // Set only when it changes: setting the same value again writes an update and its history.
      if (!checked.equals(routed)) {
        QUEUE.on(execution).set(checked);
      }
    };
  }

  /**
   * Task_ProposeAnswerDate: prefills "Answer promised by" on the Agree expectation form. The policy's time to answer
   * is read here only: removed in the transaction that set it, so it is never a row of its own (its history row and
   * the decision's output keep it). So is the channel, which only the routing and answer-deadline policies read (the
   * complaint row holds it).
   */
  @Bean
  JavaDelegate proposeAnswerDate() {
    return execution -> {
      AGREED_ANSWER_DATE.on(execution).set(
          complaints.proposeAnswerDate(complaintId(execution), ANSWER_WITHIN.from(execution)).toString());
      ANSWER_WITHIN.on(execution).remove();
      CHANNEL.on(execution).remove();
    };
  }

  /** shows = customerHistory (Agree expectation): the customer's earlier complaints and open promises, as text. */
  @Bean
  ShownOnForm customerHistoryShown(CustomerHistory history) {
    return ShownOnForm.named(Var.CUSTOMER_HISTORY,
        task -> Variables.stringValue(history.of(COMPLAINT_ID.require(task))));
  }

  /**
   * shows = previewOpening, previewClosing (Report back): the report as the customer will receive it, around the
   * agent's answer (greeting, the fix, the question whether it is resolved, the signature with the owner's full
   * name), for the form's preview.
   */
  @Bean
  ShownOnForm previewOpeningShown() {
    return ShownOnForm.named(Var.PREVIEW_OPENING,
        task -> Variables.stringValue(answers.reportPreview(COMPLAINT_ID.require(task)).opening()));
  }

  @Bean
  ShownOnForm previewClosingShown() {
    return ShownOnForm.named(Var.PREVIEW_CLOSING,
        task -> Variables.stringValue(answers.reportPreview(COMPLAINT_ID.require(task)).closing()));
  }

  /**
   * Listeners named by complaint models deployed before the forms read what they show when shown (5 December 2026):
   * their tasks get the values stored, as they did.
   */
  @Bean
  TaskListener showCustomerHistory(ShownOnForm customerHistoryShown) {
    return task -> storeLocal(task, customerHistoryShown);
  }

  @Bean
  TaskListener showReportPreview(ShownOnForm previewOpeningShown, ShownOnForm previewClosingShown) {
    return task -> {
      storeLocal(task, previewOpeningShown);
      storeLocal(task, previewClosingShown);
    };
  }

  private static void storeLocal(DelegateTask task, ShownOnForm shown) {
    task.setVariableLocal(shown.name(), shown.valueFor(task));
  }

  /** Task_ReviewAnswer (on create): offered to the team leads but the one who drafted the answer. */
  @Bean
  TaskListener offerReviewToOtherLeads(FourEyes fourEyes) {
    return task -> fourEyes.offerToOthers(task, ComplaintProcess.TEAM_LEADS,
        answers.pendingDraftBy(COMPLAINT_ID.require(task), ComplaintProcess.ANSWER_DRAFTED_BY.from(task)));
  }

  /** Task_RecordFix */
  @Bean
  JavaDelegate recordFixOnComplaint() {
    // Recorded on the complaint, where Report back and Review the answer read it (WrittenOnceShownFromRecord).
    return execution -> complaints.recordFixFromRootCause(complaintId(execution));
  }

  /** shows = knownRootCauses (Find the root cause): the known root causes of the category, for the form's select. */
  @Bean
  ShownOnForm knownRootCausesShown() {
    return ShownOnForm.named(Var.KNOWN_ROOT_CAUSES, task -> {
      List<Map<String, String>> choices = complaints.knownRootCauses(COMPLAINT_ID.require(task)).stream()
          .map(c -> Map.of("label", c.label(), "value", c.id().toString()))
          .toList();
      try {
        return SpinValues.jsonValue(json.writeValueAsString(choices)).create();
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("Cannot write the root cause choices", e);
      }
    });
  }

  /*
   * shows = oneOffReasons, returnReasons, closeReasons, reopenReasons: a step's controlled reasons as the options of
   * the form's select, straight from processes/controlled-reasons.dmn, so the form offers exactly what the check
   * accepts.
   */

  @Bean
  ShownOnForm oneOffReasonsShown() {
    return ShownOnForm.named(Var.ONE_OFF_REASONS, task -> reasons.choices(ReasonStep.ONE_OFF));
  }

  @Bean
  ShownOnForm returnReasonsShown() {
    return ShownOnForm.named(Var.RETURN_REASONS, task -> reasons.choices(ReasonStep.RETURN_ANSWER));
  }

  @Bean
  ShownOnForm closeReasonsShown() {
    return ShownOnForm.named(Var.CLOSE_REASONS, task -> reasons.choices(ReasonStep.CLOSE_WITHOUT_CONFIRMATION));
  }

  @Bean
  ShownOnForm reopenReasonsShown() {
    return ShownOnForm.named(Var.REOPEN_REASONS, task -> reasons.choices(ReasonStep.REOPEN));
  }

  /** Named by complaint models deployed before 5 December 2026 (see showCustomerHistory): stored, as they were. */
  @Bean
  TaskListener offerKnownRootCauses(ShownOnForm knownRootCausesShown) {
    return task -> task.setVariable(Var.KNOWN_ROOT_CAUSES, knownRootCausesShown.valueFor(task));
  }

  /** Named by complaint models deployed before 5 December 2026 (see showCustomerHistory): stored, as they were. */
  @Bean
  TaskListener offerControlledReasons() {
    return task -> {
      switch (task.getTaskDefinitionKey()) {
        case ComplaintProcess.Element.FIND_ROOT_CAUSE ->
            task.setVariable(Var.ONE_OFF_REASONS, reasons.choices(ReasonStep.ONE_OFF));
        // Only on complaints of a version with the remedy inline; remedy.bpmn offers its own.
        case ComplaintProcess.InlineRemedy.APPROVE_REMEDY ->
            task.setVariable(ComplaintProcess.InlineRemedy.REFUSAL_REASONS, reasons.choices(ReasonStep.REMEDY_REFUSAL));
        case ComplaintProcess.Element.REVIEW_ANSWER ->
            task.setVariable(Var.RETURN_REASONS, reasons.choices(ReasonStep.RETURN_ANSWER));
        case ComplaintProcess.Element.RECORD_CUSTOMER_CONFIRMATION -> {
          task.setVariable(Var.CLOSE_REASONS, reasons.choices(ReasonStep.CLOSE_WITHOUT_CONFIRMATION));
          task.setVariable(Var.REOPEN_REASONS, reasons.choices(ReasonStep.REOPEN));
        }
        default -> throw new IllegalStateException("No controlled reasons for task " + task.getTaskDefinitionKey());
      }
    };
  }

  /**
   * Gateway_ReviewNeeded, as it starts: the review policy's decision on the draft (the outputs of "Decide whether the
   * answer needs a review") goes on the complaint row, where Review the answer shows the reason and Send the answer
   * records both. The gateway reads reviewNeeded in this command; neither value stays in the process, and the
   * decision instance keeps what decided them.
   */
  @Bean
  ExecutionListener recordReviewDecision() {
    return execution -> {
      ReviewDecision decision = new ReviewDecision(REVIEW_NEEDED.isTrue(execution), REVIEW_POLICY.from(execution));
      answers.reviewDecided(complaintId(execution), decision);
      REVIEW_NEEDED.on(execution).set(decision.needed());
      REVIEW_POLICY.on(execution).set(decision.policy());
    };
  }

  /** shows = reviewPolicy (Review the answer): why the policy asked for it, from the complaint row. */
  @Bean
  ShownOnForm reviewPolicyShown(ComplaintRepository complaintRows) {
    return ShownOnForm.named(Var.REVIEW_POLICY, task -> {
      String policy = complaintRows.findById(COMPLAINT_ID.require(task)).map(Complaint::getAnswerReviewPolicy)
          .orElse(null);
      // A draft decided before 8 December 2026 has the reason as a variable.
      return Variables.stringValue(policy != null ? policy : REVIEW_POLICY.from(task));
    });
  }

  /** Task_SendAnswer: the answer goes out, with who reviewed it (if the policy asked). */
  @Bean
  JavaDelegate sendAnswer() {
    return execution -> answers.sendAnswer(complaintId(execution),
        new ReviewDecision(REVIEW_NEEDED.isTrue(execution), REVIEW_POLICY.from(execution)),
        ANSWER_REVIEWED_BY.from(execution));
  }

  /** Task_Acknowledge */
  @Bean
  JavaDelegate acknowledgeComplaint() {
    return execution -> complaints.acknowledge(complaintId(execution));
  }

  /** Task_AskCustomer */
  @Bean
  JavaDelegate askCustomerForInformation() {
    return execution -> complaints.askForInformation(complaintId(execution));
  }

  /** Task_ResumeAfterWaiting: the next round of "Find the root cause" starts with an empty choice. */
  @Bean
  JavaDelegate resumeAfterWaiting() {
    return execution -> {
      complaints.resumeAfterWaiting(complaintId(execution));
      NEED_CUSTOMER_INFORMATION.on(execution).remove();
    };
  }

  /** Task_CheckCustomerInLoop: local to the check, so each round decides afresh. */
  @Bean
  JavaDelegate checkCustomerInLoop() {
    return execution -> CUSTOMER_WAITING_FOR_UPDATE.on(execution).setLocal(
        complaints.customerWaitingForUpdate(complaintId(execution)));
  }

  /**
   * What the next round shows as said at reopening: the customer's words and what the agent recorded as still wrong
   * (required with "not resolved" on the form, and otherwise lost with the round's other values).
   */
  private static String stillWrong(String comment, String note) {
    if (note == null || note.isBlank() || note.equals(comment)) {
      return comment;
    }
    return comment == null || comment.isBlank() ? note : comment + "\n\nStill wrong: " + note;
  }

  /**
   * Task_ReopenComplaint: the next round starts with empty forms; what the customer said and the cause
   * found last time stay visible as the previous round's.
   */
  @Bean
  JavaDelegate reopenComplaint() {
    return execution -> {
      REOPEN_COUNT.on(execution).set(answers.reopen(complaintId(execution)));
      PREVIOUS_CUSTOMER_COMMENT.on(execution).set(stillWrong(CUSTOMER_COMMENT.from(execution), REOPEN_NOTE.from(execution)));
      String previousCause = ROOT_CAUSE_DESCRIPTION.from(execution);
      PREVIOUS_ROOT_CAUSE_DESCRIPTION.on(execution).set(previousCause != null ? previousCause
          : complaints.rootCauseDescription(complaintId(execution)));
      execution.removeVariables(List.of(Var.CUSTOMER_COMMENT, Var.RESOLVED, Var.ROOT_CAUSE_DESCRIPTION, Var.ONE_OFF,
          Var.ONE_OFF_REASON, Var.ONE_OFF_NOTE, Var.FIX_DESCRIPTION, Var.ROOT_CAUSE_ID, Var.ROOT_CAUSE_TITLE,
          Var.ROOT_CAUSE_SETTLED, Var.REOPEN_REASON, Var.REOPEN_NOTE, Var.ANSWER_DRAFTED_BY, Var.ANSWER_APPROVED,
          Var.ANSWER_REVIEWED_BY, Var.ANSWER_RETURNED_BY, Var.RETURN_REASON, Var.RETURN_NOTE));
    };
  }

  /** Task_PointToDisputesCommittee */
  @Bean
  JavaDelegate pointToDisputesCommittee() {
    return execution -> answers.pointToDisputesCommittee(complaintId(execution));
  }

  /** Task_CloseComplaint */
  @Bean
  JavaDelegate closeComplaint() {
    return execution -> answers.closeResolved(complaintId(execution));
  }

  /**
   * Task_CloseWithoutReply: the agent's reason (chosen and recorded on "Record the customer's confirmation"), or
   * NO_REPLY when the no-reply timer brought the complaint here.
   */
  @Bean
  JavaDelegate closeWithoutReply() {
    return execution -> {
      String reason = CLOSE_REASON.from(execution);
      if (reason == null) {
        answers.closeWithoutReply(complaintId(execution));
      } else {
        answers.closeWithoutConfirmation(complaintId(execution), reason, CLOSE_NOTE.from(execution));
      }
    };
  }

  static long complaintId(DelegateExecution execution) {
    return COMPLAINT_ID.require(execution);
  }
}
