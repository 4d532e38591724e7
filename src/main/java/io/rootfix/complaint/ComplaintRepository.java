package io.rootfix.complaint;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ComplaintRepository extends JpaRepository<Complaint, Long> {

  Optional<Complaint> findByTrackingNumber(String trackingNumber);

  List<Complaint> findByStateNot(ComplaintState state);

  List<Complaint> findByState(ComplaintState state);
}
