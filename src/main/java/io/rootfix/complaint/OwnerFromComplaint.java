package io.rootfix.complaint;

import io.rootfix.process.ReadFromRecord;
import java.util.Set;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The complaint's owner and the author of the draft that awaits sending, read from the complaint row by
 * {@code complaint.bpmn}'s assignees ({@code ${owner}}, {@code ${answerDraftedBy != null ? answerDraftedBy : owner}})
 * as each task is created: the row says who owns the complaint (who agreed its expectation) and who wrote the draft a
 * review returned ({@link Complaint#pendingDraftBy}), so the process keeps no copy. A complaint started before
 * 7 December 2026 also has its owner as a variable, and one drafted before 8 December its drafter; the row's value
 * comes before either.
 */
@Component
class OwnerFromComplaint implements ReadFromRecord {

  private final ComplaintRepository complaints;

  OwnerFromComplaint(ComplaintRepository complaints) {
    this.complaints = complaints;
  }

  @Override
  public String processKey() {
    return ComplaintProcess.KEY;
  }

  @Override
  public Set<String> names() {
    return Set.of(ComplaintProcess.Var.OWNER, ComplaintProcess.Var.ANSWER_DRAFTED_BY);
  }

  @Override
  public Object read(String name, VariableScope scope) {
    Long complaintId = ComplaintProcess.COMPLAINT_ID.from(scope);
    return complaintId == null ? null : complaints.findById(complaintId)
        .map(ComplaintProcess.Var.OWNER.equals(name) ? Complaint::getOwner : Complaint::pendingDraftBy).orElse(null);
  }
}
