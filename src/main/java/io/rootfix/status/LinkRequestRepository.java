package io.rootfix.status;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface LinkRequestRepository extends JpaRepository<LinkRequest, LinkRequest.Key> {

  /** Locked: two requests at once for the same link wait for each other, so only one sends. */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select r from LinkRequest r where r.key = :key")
  Optional<LinkRequest> findForUpdate(LinkRequest.Key key);
}
