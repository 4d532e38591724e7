package io.rootfix.notify;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * The outbox. The sender's updates are guarded by the state they expect, so that of two senders (two
 * nodes, or a slow round and the next) only one moves a message: an update that finds another state
 * changes nothing and returns 0.
 */
public interface CustomerMessageRepository extends JpaRepository<CustomerMessage, Long> {

  // A query string, not a derived query: Hibernate 6.6 caches the plan of a query string, while it translates a
  // derived (criteria) query afresh on every call (3 % of the intake's CPU for this one, BENCHMARKS.md).
  @Query("select m from CustomerMessage m where m.complaint.id = :complaintId order by m.id")
  List<CustomerMessage> findByComplaint_IdOrderByIdAsc(@Param("complaintId") Long complaintId);

  /** Whether this complaint's customer has (or is about to get) a message of this kind; one indexed probe. */
  @Query("select count(m) > 0 from CustomerMessage m where m.complaint.id = :complaintId and m.kind = :kind")
  boolean existsForComplaint(@Param("complaintId") Long complaintId, @Param("kind") MessageKind kind);

  Optional<CustomerMessage> findFirstByComplaint_IdOrderByCreatedAtDesc(Long complaintId);

  List<CustomerMessage> findByStateOrderByCreatedAtAscIdAsc(DeliveryState state);

  /** The e-mails we sent with one of these Message-IDs (a reply's In-Reply-To and References). */
  List<CustomerMessage> findByMessageIdIn(Collection<String> messageIds);

  /** A message keeps its first Message-ID through every attempt, so a server that got it twice sees one e-mail. */
  @Modifying
  @Query("update CustomerMessage m set m.messageId = :messageId where m.id = :id and m.messageId is null")
  int assignMessageId(@Param("id") Long id, @Param("messageId") String messageId);

  /** Only the complaint they belong to changes, whatever the sender does with them meanwhile. */
  @Modifying
  @Query("""
      update CustomerMessage m set m.complaint.id = :toComplaintId, m.complaint.trackingNumber = :toTrackingNumber
      where m.complaint.id = :fromComplaintId""")
  int moveToComplaint(@Param("fromComplaintId") Long fromComplaintId, @Param("toComplaintId") Long toComplaintId,
      @Param("toTrackingNumber") String toTrackingNumber);

  /** Pending e-mails whose (next) attempt is due, oldest first. */
  @Query("""
      select m.id from CustomerMessage m
      where m.state = io.rootfix.notify.DeliveryState.PENDING and (m.nextAttemptAt is null or m.nextAttemptAt <= :now)
      order by m.id""")
  List<Long> findDueIds(@Param("now") Instant now, Pageable batch);

  /** Takes a due message for one attempt; 1 when this caller got it. */
  @Modifying
  @Query("""
      update CustomerMessage m
      set m.state = io.rootfix.notify.DeliveryState.SENDING, m.claimedAt = :now, m.attempts = m.attempts + 1
      where m.id = :id and m.state = io.rootfix.notify.DeliveryState.PENDING
        and (m.nextAttemptAt is null or m.nextAttemptAt <= :now)""")
  int claim(@Param("id") Long id, @Param("now") Instant now);

  @Modifying
  @Query("""
      update CustomerMessage m
      set m.state = io.rootfix.notify.DeliveryState.SENT, m.sentAt = :now, m.failure = null, m.nextAttemptAt = null
      where m.id = :id and m.state = io.rootfix.notify.DeliveryState.SENDING""")
  int markSent(@Param("id") Long id, @Param("now") Instant now);

  /** After a failed attempt: pending again from {@code nextAttemptAt}, or for an agent when the sender gives up. */
  @Modifying
  @Query("""
      update CustomerMessage m
      set m.state = :next, m.failure = :failure, m.nextAttemptAt = :nextAttemptAt
      where m.id = :id and m.state = io.rootfix.notify.DeliveryState.SENDING""")
  int markFailed(@Param("id") Long id, @Param("next") DeliveryState next, @Param("failure") String failure,
      @Param("nextAttemptAt") Instant nextAttemptAt);

  /**
   * Claims whose sender stopped before it could say how the attempt ended. The mail server may or may not
   * have the message, so it goes to an agent rather than out a second time.
   */
  @Query("""
      select m.id from CustomerMessage m
      where m.state = io.rootfix.notify.DeliveryState.SENDING and m.claimedAt < :claimedBefore
      order by m.id""")
  List<Long> findStaleClaimIds(@Param("claimedBefore") Instant claimedBefore);

  /** 1 when the claim was still stale and this caller handed it over. */
  @Modifying
  @Query("""
      update CustomerMessage m
      set m.state = io.rootfix.notify.DeliveryState.FOR_AGENT, m.failure = :failure
      where m.id = :id and m.state = io.rootfix.notify.DeliveryState.SENDING and m.claimedAt < :claimedBefore""")
  int handStaleClaimToAgents(@Param("id") Long id, @Param("claimedBefore") Instant claimedBefore,
      @Param("failure") String failure);
}
