package io.rootfix.reason;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface RecordedReasonRepository extends JpaRepository<RecordedReason, Long> {

  List<RecordedReason> findByComplaint_IdOrderByRecordedAtAscIdAsc(Long complaintId);

  /** Counts per step and code in [from, to): step, code, count. */
  @Query("""
      select r.step, r.code, count(r) from RecordedReason r
      where r.recordedAt >= :from and r.recordedAt < :to
      group by r.step, r.code order by r.step, count(r) desc, r.code""")
  List<Object[]> countByStepAndCode(@Param("from") Instant from, @Param("to") Instant to);
}
