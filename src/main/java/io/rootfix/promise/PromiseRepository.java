package io.rootfix.promise;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface PromiseRepository extends JpaRepository<Promise, Long> {

  List<Promise> findByComplaint_TrackingNumberOrderByMadeAtAscIdAsc(String trackingNumber);

  List<Promise> findByComplaint_IdAndState(Long complaintId, PromiseState state);

  List<Promise> findByComplaint_IdAndTypeAndState(Long complaintId, PromiseType type, PromiseState state);

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
