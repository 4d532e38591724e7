package io.rootfix.complaint;

import io.rootfix.process.ReadFromRecord;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Names a process's expressions read from its complaint's row ({@code complaintId}, which the complaint and the remedy
 * it calls both have), each by its own getter: {@link OwnerFromComplaint}, {@link AnswerDueFromComplaint}.
 */
record ComplaintRowRead(String processKey, Map<String, Function<Complaint, Object>> reads,
    ComplaintRepository complaints) implements ReadFromRecord {

  @Override
  public Set<String> names() {
    return reads.keySet();
  }

  @Override
  public Object read(String name, VariableScope scope) {
    Long complaintId = ComplaintProcess.COMPLAINT_ID.from(scope);
    return complaintId == null ? null : complaints.findById(complaintId).map(reads.get(name)).orElse(null);
  }
}
