package io.rootfix.complaint;

import io.rootfix.complaint.ComplaintProcess.Var;
import io.rootfix.process.ShownOnForm;
import io.rootfix.remedy.RemedyProcess;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the customer or an agent wrote once and later complaint forms show again (the channel they came by, their
 * words and the outcome they ask for, what was agreed with them, what was done to relieve them, the root cause found
 * and its fundamental fix, the drafted answer), read from the complaint row when a form opens. The step that
 * writes one records it on the complaint and keeps no process variable of it
 * ({@link ComplaintTaskListeners#RECORDED_NOT_KEPT}, Register complaint, Propose the answer date, Record the fix):
 * the row is where the value lives, its variable history (the submitted form) is what the auditor reads of who wrote
 * it, and a copy in the process would cost every complaint two or three engine rows per value and could say something
 * else.
 *
 * <p>Shown on every complaint task under the name the forms already read (forms that show a value have it as a
 * disabled field, which Camunda Forms does not submit back); the description also on the remedy's tasks, which read
 * it from the complaint they were called for.
 */
@Configuration
class WrittenOnceShownFromRecord {

  private static final Set<String> ON_COMPLAINT = Set.of(ComplaintProcess.KEY);

  @Bean
  static ShownOnForm descriptionShown(ObjectProvider<ComplaintRepository> complaints) {
    return fromComplaint(complaints, Set.of(ComplaintProcess.KEY, RemedyProcess.KEY), Var.DESCRIPTION,
        Complaint::getDescription);
  }

  /** "Received via" in every complaint form's heading. */
  @Bean
  static ShownOnForm channelShown(ObjectProvider<ComplaintRepository> complaints) {
    return fromComplaint(complaints, ON_COMPLAINT, Var.CHANNEL, complaint -> codeOf(complaint.getChannel()));
  }

  @Bean
  static ShownOnForm desiredOutcomeShown(ObjectProvider<ComplaintRepository> complaints) {
    return fromComplaint(complaints, ON_COMPLAINT, Var.DESIRED_OUTCOME,
        complaint -> codeOf(complaint.getDesiredOutcome()));
  }

  /** How the customer wants to hear from us: "Send the answer by" on Report back. */
  @Bean
  static ShownOnForm contactPreferenceShown(ObjectProvider<ComplaintRepository> complaints) {
    return fromComplaint(complaints, ON_COMPLAINT, Var.CONTACT_PREFERENCE,
        complaint -> codeOf(complaint.getContactPreference()));
  }

  @Bean
  static ShownOnForm expectationNoteShown(ObjectProvider<ComplaintRepository> complaints) {
    return fromComplaint(complaints, ON_COMPLAINT, Var.EXPECTATION_NOTE, Complaint::getExpectationNote);
  }

  @Bean
  static ShownOnForm patchDescriptionShown(ObjectProvider<ComplaintRepository> complaints) {
    return fromComplaint(complaints, ON_COMPLAINT, Var.PATCH_DESCRIPTION, Complaint::getPatchDescription);
  }

  /**
   * The cause this round found, on the forms after Find the root cause; not on that form itself, where it is the
   * field the agent fills in (empty in a reopened complaint's next round, whose previous cause is shown apart). A
   * one-off whose cause nobody described has its note stand in for it on the row: shown once, as the note.
   */
  @Bean
  static ShownOnForm rootCauseDescriptionShown(ObjectProvider<ComplaintRepository> complaints) {
    ShownOnForm onRecord = fromComplaint(complaints, ON_COMPLAINT, Var.ROOT_CAUSE_DESCRIPTION,
        WrittenOnceShownFromRecord::describedCause);
    return ShownOnForm.onEveryTask(ON_COMPLAINT, Var.ROOT_CAUSE_DESCRIPTION,
        task -> ComplaintProcess.Element.FIND_ROOT_CAUSE.equals(task.getTaskDefinitionKey()) ? null
            : onRecord.valueFor(task));
  }

  static String describedCause(Complaint complaint) {
    String cause = complaint.getRootCauseDescription();
    boolean noteStandsIn = complaint.isOneOff() && cause != null && complaint.getOneOffReason() != null
        && complaint.getOneOffReason().endsWith(": " + cause);
    return noteStandsIn ? null : cause;
  }

  /** The fix of the root cause this round found (Complaint#recordRootCause forgets an earlier round's). */
  @Bean
  static ShownOnForm fixDescriptionShown(ObjectProvider<ComplaintRepository> complaints) {
    return fromComplaint(complaints, ON_COMPLAINT, Var.FIX_DESCRIPTION, Complaint::getFixDescription);
  }

  /** The latest draft: what the reviewer reads, what a returned or reopened answer starts from, what was sent. */
  @Bean
  static ShownOnForm answerTextShown(ObjectProvider<ComplaintRepository> complaints) {
    return fromComplaint(complaints, ON_COMPLAINT, Var.ANSWER_TEXT, Complaint::getAnswerDraft);
  }

  private static String codeOf(CodedValue value) {
    return value == null ? null : value.code();
  }

  private static ShownOnForm fromComplaint(ObjectProvider<ComplaintRepository> complaints, Set<String> processKeys,
      String name, Function<Complaint, String> value) {
    return ShownOnForm.onEveryTask(processKeys, name, task -> {
      Long complaintId = ComplaintProcess.COMPLAINT_ID.from(task);
      String text = complaintId == null ? null
          : complaints.getObject().findById(complaintId).map(value).orElse(null);
      return text == null ? null : Variables.stringValue(text);
    });
  }
}
