package io.rootfix.complaint;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface AnswerEvidenceRepository extends JpaRepository<AnswerEvidence, Long> {

  // Query strings, not derived queries, on the complaint's path: Hibernate 6.6 caches the plan of a query string and
  // translates a derived (criteria) query afresh on every call (BENCHMARKS.md "The intake's CPU").
  @Query("select a from AnswerEvidence a where a.complaint.id = :complaintId order by a.sentAt, a.customerMessageId")
  List<AnswerEvidence> findByComplaint_IdOrderBySentAtAscCustomerMessageIdAsc(@Param("complaintId") Long complaintId);

  @Query("select count(a) from AnswerEvidence a where a.complaint.id = :complaintId")
  long countByComplaint_Id(@Param("complaintId") Long complaintId);

  Optional<AnswerEvidence> findFirstByComplaint_IdOrderBySentAtDesc(Long complaintId);

  List<AnswerEvidence> findByComplaint_IdInOrderBySentAtAscCustomerMessageIdAsc(Collection<Long> complaintIds);
}
