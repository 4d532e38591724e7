package io.rootfix.audit;

import io.rootfix.complaint.Complaint;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface AuditSealRepository extends JpaRepository<AuditSeal, Long> {

  Optional<AuditSeal> findTopByOrderByPositionDesc();

  List<AuditSeal> findAllByOrderByPositionAsc();

  /** Closed complaints without a seal, in the order they closed: what the next sealing round chains. */
  @Query("""
      select c from Complaint c
      where c.state = io.rootfix.complaint.ComplaintState.CLOSED
        and not exists (select s from AuditSeal s where s.complaint.id = c.id)
      order by c.closedAt, c.id""")
  List<Complaint> findClosedWithoutSeal();

  Optional<AuditSeal> findByComplaint_TrackingNumber(String trackingNumber);

  Optional<AuditSeal> findByPosition(long position);
}
