package io.rootfix.audit;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface AuditSealRepository extends JpaRepository<AuditSeal, Long> {

  Optional<AuditSeal> findTopByOrderByPositionDesc();

  List<AuditSeal> findAllByOrderByPositionAsc();

  /**
   * The ids of the closed complaints without a seal, in the order they closed: what the next sealing round chains.
   * The one place audit reads the complaint table itself, by entity name and ids only: the anti-join against the
   * seals stays one indexed query however long the chain grows (docs/developers.md, Module boundaries).
   */
  @Query("""
      select c.id from Complaint c
      where c.state = io.rootfix.complaint.ComplaintState.CLOSED
        and not exists (select s from AuditSeal s where s.complaint.id = c.id)
      order by c.closedAt, c.id""")
  List<Long> findClosedWithoutSeal();

  Optional<AuditSeal> findByComplaint_TrackingNumber(String trackingNumber);

  Optional<AuditSeal> findByPosition(long position);
}
