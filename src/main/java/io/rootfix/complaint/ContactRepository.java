package io.rootfix.complaint;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ContactRepository extends JpaRepository<Contact, Long> {

  List<Contact> findByComplaintOrderByReceivedAtAsc(Complaint complaint);

  List<Contact> findByComplaintIn(Collection<Complaint> complaints);

  @Modifying
  @Query("update Contact c set c.complaint = :to where c.complaint = :from")
  int move(@Param("from") Complaint from, @Param("to") Complaint to);
}
