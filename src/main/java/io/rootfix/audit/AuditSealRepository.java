package io.rootfix.audit;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AuditSealRepository extends JpaRepository<AuditSeal, Long> {

  Optional<AuditSeal> findTopByOrderByPositionDesc();

  List<AuditSeal> findAllByOrderByPositionAsc();

  boolean existsByComplaintId(Long complaintId);

  Optional<AuditSeal> findByTrackingNumber(String trackingNumber);
}
