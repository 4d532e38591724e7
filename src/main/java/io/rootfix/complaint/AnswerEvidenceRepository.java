package io.rootfix.complaint;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AnswerEvidenceRepository extends JpaRepository<AnswerEvidence, Long> {

  List<AnswerEvidence> findByComplaint_IdOrderBySentAtAscCustomerMessageIdAsc(Long complaintId);

  long countByComplaint_Id(Long complaintId);

  Optional<AnswerEvidence> findFirstByComplaint_IdOrderBySentAtDesc(Long complaintId);

  List<AnswerEvidence> findByComplaint_IdInOrderBySentAtAscCustomerMessageIdAsc(Collection<Long> complaintIds);
}
