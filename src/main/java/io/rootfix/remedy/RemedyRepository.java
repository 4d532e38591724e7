package io.rootfix.remedy;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface RemedyRepository extends JpaRepository<Remedy, Long> {

  // Query strings, not derived queries, on the complaint's path: Hibernate 6.6 caches the plan of a query string and
  // translates a derived (criteria) query afresh on every call (BENCHMARKS.md "The intake's CPU").
  @Query("select r from Remedy r where r.complaint.trackingNumber = :trackingNumber order by r.decidedAt, r.id")
  List<Remedy> findByComplaint_TrackingNumberOrderByDecidedAtAscIdAsc(@Param("trackingNumber") String trackingNumber);

  List<Remedy> findByComplaint_IdOrderByDecidedAtAscIdAsc(Long complaintId);

  @Query("select count(r) from Remedy r where r.complaint.id = :complaintId")
  long countByComplaint_Id(@Param("complaintId") Long complaintId);

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
