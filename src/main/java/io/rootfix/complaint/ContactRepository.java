package io.rootfix.complaint;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ContactRepository extends JpaRepository<Contact, Long> {

  List<Contact> findByComplaintOrderByReceivedAtAsc(Complaint complaint);
}
