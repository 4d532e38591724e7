package io.rootfix.remedy;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface RemedyRepository extends JpaRepository<Remedy, Long> {

  List<Remedy> findByComplaint_TrackingNumberOrderByDecidedAtAscIdAsc(String trackingNumber);

  List<Remedy> findByComplaint_IdOrderByDecidedAtAscIdAsc(Long complaintId);

  long countByComplaint_Id(Long complaintId);

  List<Remedy> findByComplaint_IdInOrderByDecidedAtDesc(Collection<Long> complaintIds);

  /** The customer's remedies in these states decided since the moment. */
  @Query("""
      select count(r), coalesce(sum(r.amount), 0) from Remedy r
      where r.customerId = :customerId and r.decidedAt >= :since and r.state in :states""")
  List<Object[]> countAndTotal(@Param("customerId") Long customerId, @Param("since") Instant since,
      @Param("states") Collection<RemedyState> states);

  /** Remedies paid or shipped in the period, by type: count and amount. */
  @Query("""
      select r.type, count(r), coalesce(sum(r.amount), 0) from Remedy r
      where r.executedAt >= :from and r.executedAt < :to
      group by r.type""")
  List<Object[]> executedBetween(@Param("from") Instant from, @Param("to") Instant to);
}
