package io.rootfix.promise;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface PromiseRepository extends JpaRepository<Promise, Long> {

  // Query strings, not derived queries, on the complaint's path: Hibernate 6.6 caches the plan of a query string and
  // translates a derived (criteria) query afresh on every call (BENCHMARKS.md "The intake's CPU").
  @Query("select p from Promise p where p.complaint.trackingNumber = :trackingNumber order by p.madeAt, p.id")
  List<Promise> findByComplaint_TrackingNumberOrderByMadeAtAscIdAsc(@Param("trackingNumber") String trackingNumber);

  @Query("select p from Promise p where p.complaint.id = :complaintId and p.state = :state")
  List<Promise> findByComplaint_IdAndState(@Param("complaintId") Long complaintId, @Param("state") PromiseState state);

  @Query("select p from Promise p where p.complaint.id = :complaintId and p.type = :type and p.state = :state")
  List<Promise> findByComplaint_IdAndTypeAndState(@Param("complaintId") Long complaintId,
      @Param("type") PromiseType type, @Param("state") PromiseState state);

  /** Open promises nearest their deadline first, one page of them (index idx_promise_state_due). */
  List<Promise> findByStateAndDueAtBeforeOrderByDueAtAscIdAsc(PromiseState state, Instant dueBefore, Pageable page);

  List<Promise> findByStateOrderByDueAtAscIdAsc(PromiseState state, Pageable page);

  List<Promise> findByComplaint_IdInAndStateOrderByDueAtAsc(Collection<Long> complaintIds, PromiseState state);

  @Query("select p.state as state, count(p) as count from Promise p group by p.state")
  List<StateCount> countByState();

  /** Kept at a new date that was agreed only after the old one had passed. */
  @Query("""
      select count(distinct p) from Promise p join p.renegotiations r
      where p.state = io.rootfix.promise.PromiseState.RENEGOTIATED and r.customerToldInTime = false""")
  long countRenegotiatedLate();

  interface StateCount {
    PromiseState getState();

    long getCount();
  }
}
