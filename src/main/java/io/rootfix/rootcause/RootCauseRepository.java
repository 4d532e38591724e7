package io.rootfix.rootcause;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface RootCauseRepository extends JpaRepository<RootCause, Long> {

  /**
   * Linking a complaint and telling the linked complaints both lock the root cause, so a complaint is
   * either linked before the telling (and told) or after it (and sees it settled).
   */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select r from RootCause r where r.id = :id")
  Optional<RootCause> lockById(@Param("id") Long id);

  @Query("""
      select r from RootCause r
      where (:state is null or r.state = :state) and (:category is null or r.category = :category)
      order by r.createdAt desc""")
  List<RootCause> search(@Param("state") RootCauseState state, @Param("category") String category);

  /** Open root causes of a category and those fixed since the given moment. */
  @Query("""
      select r from RootCause r
      where r.category = :category
        and (r.state in (io.rootfix.rootcause.RootCauseState.INVESTIGATING, io.rootfix.rootcause.RootCauseState.FIX_IN_PROGRESS)
             or (r.state = io.rootfix.rootcause.RootCauseState.FIXED and r.fixedAt >= :fixedSince))""")
  List<RootCause> candidates(@Param("category") String category, @Param("fixedSince") Instant fixedSince);
}
