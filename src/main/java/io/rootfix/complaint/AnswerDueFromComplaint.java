package io.rootfix.complaint;

import io.rootfix.process.ReadFromRecord;
import java.util.Date;
import java.util.Set;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The answer promise's deadline, read from the complaint row by the due dates of the complaint's tasks
 * ({@code camunda:dueDate="${answerDueDate}"} in {@code complaint.bpmn}) and of its remedy's approval
 * ({@code remedy.bpmn}) as each task is created. The row has it from the expectation agreed and follows every move of
 * the answer promise ({@link ComplaintService#promiseMoved}), so neither process keeps a copy, and the remedy is not
 * handed one. Complaints agreed before 8 December 2026 have an empty column and their variable, which is read then.
 */
@Configuration
class AnswerDueFromComplaint {

  @Bean
  ReadFromRecord answerDueOfComplaintTasks(ComplaintRepository complaints) {
    return new FromComplaint(ComplaintProcess.KEY, complaints);
  }

  @Bean
  ReadFromRecord answerDueOfRemedyApproval(ComplaintRepository complaints) {
    return new FromComplaint(ComplaintProcess.CALLED_REMEDY, complaints);
  }

  /** Both processes name the complaint row {@code complaintId} and the date {@code answerDueDate}. */
  private record FromComplaint(String processKey, ComplaintRepository complaints) implements ReadFromRecord {

    @Override
    public Set<String> names() {
      return Set.of(ComplaintProcess.Var.ANSWER_DUE_DATE);
    }

    @Override
    public Object read(String name, VariableScope scope) {
      Long complaintId = ComplaintProcess.COMPLAINT_ID.from(scope);
      return complaintId == null ? null : complaints.findById(complaintId)
          .map(Complaint::getAnswerDueAt).map(Date::from).orElse(null);
    }
  }
}
