package io.rootfix.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rootfix.complaint.Complaint;
import io.rootfix.complaint.ComplaintRepository;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
  private final ComplaintRepository complaints;
  private final AuditTrail trail;
  private final ObjectMapper json;
  private final Clock clock;

  AuditSeals(AuditSealRepository seals, ComplaintRepository complaints, AuditTrail trail, ObjectMapper json,
      Clock clock) {
    this.seals = seals;
    this.complaints = complaints;
    this.trail = trail;
    this.json = json;
    this.clock = clock;
  }

  /** Seals every closed complaint that has no seal yet, in a transaction of its own; returns how many. */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public int sealClosed() {
    List<Complaint> unsealed = seals.findClosedWithoutSeal();
    AuditSeal last = seals.findTopByOrderByPositionDesc().orElse(null);
    for (Complaint complaint : unsealed) {
      String previous = last == null ? AuditSeal.GENESIS : last.getDigest();
      last = seals.save(new AuditSeal(last == null ? 1 : last.getPosition() + 1, complaint.getId(),
          complaint.getTrackingNumber(), previous, digest(previous, complaint), Instant.now(clock)));
    }
    return unsealed.size();
  }

  /** Recomputes the whole chain; names the first complaint whose record no longer matches its seal. */
  @Transactional(readOnly = true)
  public Verification verify() {
    String previous = AuditSeal.GENESIS;
    List<AuditSeal> chain = seals.findAllByOrderByPositionAsc();
    for (AuditSeal seal : chain) {
      if (!seal.getPreviousDigest().equals(previous)) {
        return Verification.broken(chain.size(), seal, "the seal does not follow the seal before it");
      }
      Complaint complaint = complaints.findById(seal.getComplaintId()).orElse(null);
      if (complaint == null) {
        return Verification.broken(chain.size(), seal, "the complaint is gone");
      }
      if (!digest(previous, complaint).equals(seal.getDigest())) {
        return Verification.broken(chain.size(), seal, "the complaint's record changed after it was sealed");
      }
      previous = seal.getDigest();
    }
    return new Verification(true, chain.size(), null, null, null);
  }

  public record Verification(boolean intact, int seals, String firstBrokenTrackingNumber, Long position,
      String reason) {

    static Verification broken(int seals, AuditSeal seal, String reason) {
      return new Verification(false, seals, seal.getTrackingNumber(), seal.getPosition(), reason);
    }
  }

  private String digest(String previous, Complaint complaint) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      sha256.update(previous.getBytes(StandardCharsets.UTF_8));
      sha256.update(json.writeValueAsBytes(canonical(complaint)));
      return HexFormat.of().formatHex(sha256.digest());
    } catch (NoSuchAlgorithmException | JsonProcessingException e) {
      throw new IllegalStateException("Cannot seal complaint " + complaint.getTrackingNumber(), e);
    }
  }

  /** The complaint as closed and its trail up to closing, in a fixed order. */
  private Map<String, Object> canonical(Complaint c) {
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("trackingNumber", c.getTrackingNumber());
    record.put("customerId", c.getCustomer() == null ? null : c.getCustomer().getId());
    record.put("channel", c.getChannel().name());
    record.put("category", c.getCategory().name());
    record.put("description", c.getDescription());
    record.put("desiredOutcome", c.getDesiredOutcome().name());
    record.put("agreedAnswerDate", String.valueOf(c.getAgreedAnswerDate()));
    record.put("owner", c.getOwner());
    record.put("patchDescription", c.getPatchDescription());
    record.put("rootCauseId", c.getRootCauseId());
    record.put("rootCauseDescription", c.getRootCauseDescription());
    record.put("oneOffReason", c.getOneOffReason());
    record.put("fixDescription", c.getFixDescription());
    record.put("answerText", c.getAnswerText());
    record.put("customerComment", c.getCustomerComment());
    record.put("reopenCount", c.getReopenCount());
    record.put("closedAt", c.getClosedAt().toString());
    record.put("closingNote", c.getClosingNote());
    record.put("trail", trail.of(c.getTrackingNumber()).stream()
        .filter(entry -> !entry.time().isAfter(c.getClosedAt()))
        .map(entry -> List.of(entry.time().toString(), entry.actor(), entry.what(), entry.details()))
        .toList());
    return record;
  }
}
