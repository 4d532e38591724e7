package io.rootfix.complaint;

import io.rootfix.process.ReadFromRecord;
import java.util.Date;
import java.util.Map;
import java.util.function.Function;
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

  /** Both processes name the date {@code answerDueDate}. */
  private static final Map<String, Function<Complaint, Object>> ANSWER_DUE = Map.of(ComplaintProcess.Var.ANSWER_DUE_DATE,
      complaint -> complaint.getAnswerDueAt() == null ? null : Date.from(complaint.getAnswerDueAt()));

  @Bean
  ReadFromRecord answerDueOfComplaintTasks(ComplaintRepository complaints) {
    return new ComplaintRowRead(ComplaintProcess.KEY, ANSWER_DUE, complaints);
  }

  @Bean
  ReadFromRecord answerDueOfRemedyApproval(ComplaintRepository complaints) {
    return new ComplaintRowRead(ComplaintProcess.CALLED_REMEDY, ANSWER_DUE, complaints);
  }
}
