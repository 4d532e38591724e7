package io.rootfix.complaint;

import io.rootfix.process.ReadFromRecord;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The complaint's owner and the author of the draft that awaits sending, read from the complaint row by
 * {@code complaint.bpmn}'s assignees ({@code ${owner}}, {@code ${answerDraftedBy != null ? answerDraftedBy : owner}})
 * as each task is created: the row says who owns the complaint (who agreed its expectation) and who wrote the draft a
 * review returned ({@link Complaint#pendingDraftBy}), so the process keeps no copy. A complaint started before
 * 7 December 2026 also has its owner as a variable, and one drafted before 8 December its drafter; the row's value
 * comes before either.
 */
@Configuration
class OwnerFromComplaint {

  @Bean
  ReadFromRecord ownerAndDrafterOfComplaintTasks(ComplaintRepository complaints) {
    return new ComplaintRowRead(ComplaintProcess.KEY, Map.of(ComplaintProcess.Var.OWNER, Complaint::getOwner,
        ComplaintProcess.Var.ANSWER_DRAFTED_BY, Complaint::pendingDraftBy), complaints);
  }
}
