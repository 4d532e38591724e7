package io.rootfix.complaint;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AnswerEvidenceRepository extends JpaRepository<AnswerEvidence, Long> {

  List<AnswerEvidence> findByComplaintIdOrderBySentAtAscCustomerMessageIdAsc(Long complaintId);

  long countByComplaintId(Long complaintId);

  Optional<AnswerEvidence> findFirstByComplaintIdOrderBySentAtDesc(Long complaintId);

  List<AnswerEvidence> findByComplaintIdInOrderBySentAtAscCustomerMessageIdAsc(Collection<Long> complaintIds);
}
