package io.rootfix.rootcause;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface RootCauseLinkRepository extends JpaRepository<RootCauseLink, Long> {

  List<RootCauseLink> findByRootCauseIdOrderByLinkedAtAsc(Long rootCauseId);

  List<RootCauseLink> findByRootCauseIdAndToldAtIsNull(Long rootCauseId);

  // Query strings, not derived queries, on the complaint's path: Hibernate 6.6 caches the plan of a query string and
  // translates a derived (criteria) query afresh on every call (BENCHMARKS.md "The intake's CPU").
  @Query("select count(l) from RootCauseLink l where l.rootCause.id = :rootCauseId")
  long countByRootCauseId(@Param("rootCauseId") Long rootCauseId);

  /** Complaints per root cause linked in a period, most first: the Pareto of causes. */
  @Query("""
      select l.rootCause.id as rootCauseId, count(l) as complaints from RootCauseLink l
      where l.linkedAt >= :from and l.linkedAt < :to
      group by l.rootCause.id order by count(l) desc""")
  List<LinkCount> countByRootCause(@Param("from") Instant from, @Param("to") Instant to);

  interface LinkCount {
    Long getRootCauseId();

    long getComplaints();
  }
}
