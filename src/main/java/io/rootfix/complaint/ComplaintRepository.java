package io.rootfix.complaint;

import io.rootfix.customer.Customer;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ComplaintRepository extends JpaRepository<Complaint, Long> {

  // A query string, not a derived query: Hibernate 6.6 caches the plan of a query string and translates a derived
  // (criteria) query afresh on every call (BENCHMARKS.md "The intake's CPU").
  @Query("select c from Complaint c where c.trackingNumber = :trackingNumber")
  Optional<Complaint> findByTrackingNumber(@Param("trackingNumber") String trackingNumber);

  Optional<Complaint> findByProcessInstanceId(String processInstanceId);

  List<Complaint> findByStateNot(ComplaintState state);

  List<Complaint> findByState(ComplaintState state);

  /**
   * The complaint with this tracking number, or, for a merged one, the complaint it was merged into (which
   * may have been merged again): both numbers lead to the one that goes on.
   */
  default Optional<Complaint> findFollowingMerges(String trackingNumber) {
    Optional<Complaint> complaint = findByTrackingNumber(trackingNumber);
    for (int hops = 0; complaint.isPresent() && complaint.get().getMergedInto() != null; hops++) {
      if (hops > 100) {
        throw new IllegalStateException("Complaint " + trackingNumber + " is merged in a circle");
      }
      complaint = findByTrackingNumber(complaint.get().getMergedInto());
    }
    return complaint;
  }

  /** The complaint a process or a form names by id: one that is not there is a bug, not a 404. */
  default Complaint require(long id) {
    return findById(id).orElseThrow(() -> new IllegalStateException("No complaint with id " + id));
  }

  List<Complaint> findByMergedIntoOrderByCreatedAtAsc(String trackingNumber);

  /** The customer's open complaints in the category they contacted us about since then, latest contact first. */
  @Query("""
      select c from Complaint c
      where c.customer = :customer and c.category = :category and c.lastContactAt >= :since
        and c.state <> io.rootfix.complaint.ComplaintState.CLOSED
      order by c.lastContactAt desc""")
  List<Complaint> findOpenInCategoryContactedSince(@Param("customer") Customer customer,
      @Param("category") Category category, @Param("since") Instant since);

  /** The customer's other complaints, latest first: their history as the agent sees it. */
  List<Complaint> findTop10ByCustomerAndIdNotOrderByCreatedAtDesc(Customer customer, Long id);

  long countByCustomerAndIdNot(Customer customer, Long id);

  long countByState(ComplaintState state);

  /** Complaints closed in [from, to). */
  @Query("""
      select c from Complaint c
      where c.state = io.rootfix.complaint.ComplaintState.CLOSED and c.closedAt >= :from and c.closedAt < :to""")
  List<Complaint> findClosedBetween(@Param("from") Instant from, @Param("to") Instant to);

  /** The complaints these customers opened after a moment: a matter that came back after its answer. */
  List<Complaint> findByCustomerInAndCreatedAtAfter(Collection<Customer> customers, Instant after);

  /** Closed without the customer ever coming back: no repeat contact and never reopened. */
  @Query("""
      select count(c) from Complaint c
      where c.state = io.rootfix.complaint.ComplaintState.CLOSED and c.repeatContacts = 0 and c.reopenCount = 0""")
  long countClosedAtFirstContact();

  // Projections for the published read side (Complaints): one query, no entity loaded.

  /**
   * The complaints with their customer and the customer's handles, one query however many: what a
   * {@link ComplaintRecord} shows (the seals' verification walks the whole chain through it).
   */
  @Query("select c from Complaint c left join fetch c.customer cu left join fetch cu.handles where c.id in :ids")
  List<Complaint> findWithCustomerByIdIn(@Param("ids") Collection<Long> ids);

  @Query(ComplaintSummary.SELECT + " where c.trackingNumber = :trackingNumber")
  Optional<ComplaintSummary> findSummaryByTrackingNumber(@Param("trackingNumber") String trackingNumber);

  @Query(ComplaintSummary.SELECT + " where c.id = :id")
  Optional<ComplaintSummary> findSummaryById(@Param("id") Long id);

  @Query(ComplaintSummary.SELECT + " where c.id in :ids")
  List<ComplaintSummary> findSummariesByIdIn(@Param("ids") Collection<Long> ids);

  @Query(ComplaintSummary.SELECT + " where c.state in :states order by c.trackingNumber")
  List<ComplaintSummary> findSummariesByStateIn(@Param("states") Collection<ComplaintState> states);
}
