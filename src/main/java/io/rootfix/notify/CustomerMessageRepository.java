package io.rootfix.notify;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CustomerMessageRepository extends JpaRepository<CustomerMessage, Long> {

  List<CustomerMessage> findByComplaintIdOrderByIdAsc(Long complaintId);

  Optional<CustomerMessage> findFirstByComplaintIdOrderByCreatedAtDesc(Long complaintId);
}
