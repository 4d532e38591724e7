package io.rootfix.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rootfix.complaint.ComplaintRecord;
import io.rootfix.complaint.Complaints;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Seals closed complaints in the order they closed, each seal chained to the one before, and verifies
 * the chain. The sealed record is the complaint as closed plus its trail up to the moment it closed, so
 * the same data always gives the same digest.
 */
@Service
public class AuditSeals {

  private final AuditSealRepository seals;
  private final Complaints complaints;
  private final AuditTrail trail;
  private final ObjectMapper json;
  private final Clock clock;
  private final HistoryService history;
  private final HistoryRetention retention;
  private final EntityManager entityManager;

  AuditSeals(AuditSealRepository seals, Complaints complaints, AuditTrail trail, ObjectMapper json,
      Clock clock, HistoryService history, HistoryRetention retention, EntityManager entityManager) {
    this.entityManager = entityManager;
    this.seals = seals;
    this.complaints = complaints;
    this.trail = trail;
    this.json = json;
    this.clock = clock;
    this.history = history;
    this.retention = retention;
  }

  /**
   * Seals every closed complaint that has no seal yet, in a transaction of its own; returns how many. The lock
   * row makes sealers on different nodes take turns, so none loses the race for the next position.
   */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public int sealClosed() {
    entityManager.find(AuditSealLock.class, AuditSealLock.ID, LockModeType.PESSIMISTIC_WRITE);
    List<ComplaintRecord> unsealed = complaints.records(seals.findClosedWithoutSeal());
    AuditSeal last = seals.findTopByOrderByPositionDesc().orElse(null);
    for (ComplaintRecord complaint : unsealed) {
      String previous = last == null ? AuditSeal.GENESIS : last.getDigest();
      last = seals.save(new AuditSeal(last == null ? 1 : last.getPosition() + 1, complaint.id(),
          complaint.trackingNumber(), previous, digest(previous, complaint), Instant.now(clock)));
    }
    return unsealed.size();
  }

  /**
   * Recomputes the whole chain; names the first complaint whose record no longer matches its seal. A
   * complaint whose engine history the history cleanup removed after the time to live is counted as removed
   * by retention, not as tampered with: its seal still holds the chain together, but its content can no
   * longer be checked. History gone before its time is tampering.
   */
  @Transactional(readOnly = true)
  public Verification verify() {
    String previous = AuditSeal.GENESIS;
    List<AuditSeal> chain = seals.findAllByOrderByPositionAsc();
    int removedByRetention = 0;
    for (AuditSeal seal : chain) {
      if (!seal.getPreviousDigest().equals(previous)) {
        return Verification.broken(chain.size(), removedByRetention, seal, "the seal does not follow the seal before it");
      }
      ComplaintRecord complaint = complaints.record(seal.getComplaintId()).orElse(null);
      if (complaint == null) {
        return Verification.broken(chain.size(), removedByRetention, seal, "the complaint is gone");
      }
      if (!digest(previous, complaint).equals(seal.getDigest())) {
        if (!removedByRetention(complaint)) {
          return Verification.broken(chain.size(), removedByRetention, seal,
              "the complaint's record changed after it was sealed");
        }
        removedByRetention++;
      }
      previous = seal.getDigest();
    }
    return new Verification(true, chain.size(), removedByRetention, null, null, null);
  }

  /**
   * The verification result. {@code intact}: no seal broken; {@code removedByRetention}: sealed complaints
   * whose history was removed by the history cleanup after its time to live, so only their place in the
   * chain is checked.
   */
  public record Verification(boolean intact, int seals, int removedByRetention, String firstBrokenTrackingNumber,
      Long position, String reason) {

    static Verification broken(int seals, int removedByRetention, AuditSeal seal, String reason) {
      return new Verification(false, seals, removedByRetention, seal.getTrackingNumber(), seal.getPosition(), reason);
    }
  }

  /** Where one complaint's seal stands, for the audit page. */
  public record SealStatus(boolean sealed, Long position, String digest, String previousDigest, Instant sealedAt,
      String verification) {

    static final String VERIFIED = "verified";
    static final String REMOVED_BY_RETENTION = "history removed by retention";
    static final String NOT_SEALED = "not sealed";
    static final String BROKEN_LINK = "broken: the seal does not follow the seal before it";
    static final String CHANGED = "broken: the complaint's record changed after it was sealed";
  }

  /**
   * Checks one complaint against its seal: its record, and its link to the seal before it (the whole chain
   * is {@link #verify()}).
   */
  @Transactional(readOnly = true)
  public SealStatus status(ComplaintRecord complaint) {
    AuditSeal seal = seals.findByComplaint_TrackingNumber(complaint.trackingNumber()).orElse(null);
    if (seal == null) {
      return new SealStatus(false, null, null, null, null, SealStatus.NOT_SEALED);
    }
    String expectedPrevious = seal.getPosition() == 1 ? AuditSeal.GENESIS
        : seals.findByPosition(seal.getPosition() - 1).map(AuditSeal::getDigest).orElse(null);
    String verification;
    if (!seal.getPreviousDigest().equals(expectedPrevious)) {
      verification = SealStatus.BROKEN_LINK;
    } else if (digest(seal.getPreviousDigest(), complaint).equals(seal.getDigest())) {
      verification = SealStatus.VERIFIED;
    } else {
      verification = removedByRetention(complaint) ? SealStatus.REMOVED_BY_RETENTION : SealStatus.CHANGED;
    }
    return new SealStatus(true, seal.getPosition(), seal.getDigest(), seal.getPreviousDigest(), seal.getSealedAt(),
        verification);
  }

  /** Its retention has passed and the engine no longer has the complaint's process: cleaned up, as it should be. */
  private boolean removedByRetention(ComplaintRecord complaint) {
    return retention.expired(complaint.closedAt(), Instant.now(clock))
        && (complaint.processInstanceId() == null
            || history.createHistoricProcessInstanceQuery().processInstanceId(complaint.processInstanceId()).count() == 0);
  }

  private String digest(String previous, ComplaintRecord complaint) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      sha256.update(previous.getBytes(StandardCharsets.UTF_8));
      sha256.update(json.writeValueAsBytes(canonical(complaint)));
      return HexFormat.of().formatHex(sha256.digest());
    } catch (NoSuchAlgorithmException | JsonProcessingException e) {
      throw new IllegalStateException("Cannot seal complaint " + complaint.trackingNumber(), e);
    }
  }

  /** The complaint as closed and its trail up to closing, in a fixed order. */
  private Map<String, Object> canonical(ComplaintRecord c) {
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("trackingNumber", c.trackingNumber());
    record.put("customerId", c.customerId());
    record.put("channel", c.channel().name());
    record.put("category", c.category().name());
    record.put("description", c.description());
    record.put("desiredOutcome", c.desiredOutcome().name());
    record.put("agreedAnswerDate", String.valueOf(c.agreedAnswerDate()));
    record.put("owner", c.owner());
    record.put("patchDescription", c.patchDescription());
    record.put("rootCauseId", c.rootCauseId());
    record.put("rootCauseDescription", c.rootCauseDescription());
    record.put("oneOffReason", c.oneOffReason());
    record.put("fixDescription", c.fixDescription());
    record.put("answerText", c.answerText());
    record.put("customerComment", c.customerComment());
    record.put("reopenCount", c.reopenCount());
    record.put("closedAt", c.closedAt().toString());
    record.put("closingNote", c.closingNote());
    record.put("trail", trail.of(c.trackingNumber()).stream()
        .filter(entry -> !entry.time().isAfter(c.closedAt()))
        .map(entry -> List.of(entry.time().toString(), entry.actor(), entry.what(), entry.details()))
        .toList());
    return record;
  }
}
