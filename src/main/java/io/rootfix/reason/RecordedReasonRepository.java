package io.rootfix.reason;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface RecordedReasonRepository extends JpaRepository<RecordedReason, Long> {

  // A query string, not a derived query: Hibernate 6.6 caches the plan of a query string and translates a derived
  // (criteria) query afresh on every call (BENCHMARKS.md "The intake's CPU").
  @Query("select r from RecordedReason r where r.complaint.id = :complaintId order by r.recordedAt, r.id")
  List<RecordedReason> findByComplaint_IdOrderByRecordedAtAscIdAsc(@Param("complaintId") Long complaintId);

  /** Counts per step and code in [from, to): step, code, count. */
  @Query("""
      select r.step, r.code, count(r) from RecordedReason r
      where r.recordedAt >= :from and r.recordedAt < :to
      group by r.step, r.code order by r.step, count(r) desc, r.code""")
  List<Object[]> countByStepAndCode(@Param("from") Instant from, @Param("to") Instant to);
}
