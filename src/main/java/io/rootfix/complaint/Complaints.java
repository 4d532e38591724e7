package io.rootfix.complaint;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The complaint feature's published read side: what other features may know of a complaint, as read-only records.
 * Other features never touch {@link Complaint}, {@link ComplaintRepository} or the complaint's other entities
 * (ModuleBoundaryTest checks it); they change a complaint only through its process and the commands of
 * {@link ComplaintApi}. Lists are projections, so nothing loads whole entities it does not show.
 */
@Service
@Transactional(readOnly = true)
public class Complaints {

  private final ComplaintRepository complaints;
  private final AnswerEvidenceRepository answers;
  private final EntityManager entityManager;

  Complaints(ComplaintRepository complaints, AnswerEvidenceRepository answers, EntityManager entityManager) {
    this.complaints = complaints;
    this.answers = answers;
    this.entityManager = entityManager;
  }

  /**
   * The complaint with this tracking number or, for a merged one, the complaint it was merged into (which may have
   * been merged again): both numbers lead to the one that goes on. Empty for an unknown number, without an
   * exception that would doom the caller's transaction.
   */
  public Optional<ComplaintSummary> findFollowingMerges(String trackingNumber) {
    Optional<ComplaintSummary> complaint = complaints.findSummaryByTrackingNumber(trackingNumber);
    for (int hops = 0; complaint.isPresent() && complaint.get().mergedInto() != null; hops++) {
      if (hops > 100) {
        throw new IllegalStateException("Complaint " + trackingNumber + " is merged in a circle");
      }
      complaint = complaints.findSummaryByTrackingNumber(complaint.get().mergedInto());
    }
    return complaint;
  }

  /**
   * As {@link #findFollowingMerges}.
   *
   * @throws ComplaintNotFoundException for an unknown tracking number (a 404)
   */
  public ComplaintSummary summary(String trackingNumber) {
    return findFollowingMerges(trackingNumber).orElseThrow(() -> new ComplaintNotFoundException(trackingNumber));
  }

  public Optional<ComplaintSummary> summary(long complaintId) {
    return complaints.findSummaryById(complaintId);
  }

  /** In the order of the ids given; an unknown id is left out. */
  public List<ComplaintSummary> summaries(Collection<Long> complaintIds) {
    return inOrder(complaintIds, complaintIds.isEmpty() ? List.of() : complaints.findSummariesByIdIn(complaintIds),
        ComplaintSummary::id);
  }

  /** The complaints in this state, by tracking number. */
  public List<ComplaintSummary> inState(ComplaintState state) {
    return complaints.findSummariesByStateIn(EnumSet.of(state));
  }

  /** The open complaints (neither closed nor merged), by tracking number. */
  public List<ComplaintSummary> open() {
    return complaints.findSummariesByStateIn(EnumSet.complementOf(EnumSet.of(ComplaintState.CLOSED, ComplaintState.MERGED)));
  }

  /**
   * The whole complaint, following merges as {@link #findFollowingMerges} does.
   *
   * @throws ComplaintNotFoundException for an unknown tracking number
   */
  public ComplaintRecord record(String trackingNumber) {
    return complaints.findFollowingMerges(trackingNumber).map(ComplaintRecord::of)
        .orElseThrow(() -> new ComplaintNotFoundException(trackingNumber));
  }

  /** The complaint with exactly this tracking number, a merged one as it is (auditors see it so). */
  public Optional<ComplaintRecord> recordExactly(String trackingNumber) {
    return complaints.findByTrackingNumber(trackingNumber).map(ComplaintRecord::of);
  }

  public Optional<ComplaintRecord> record(long complaintId) {
    return records(List.of(complaintId)).stream().findFirst();
  }

  /** In the order of the ids given; an unknown id is left out. */
  public List<ComplaintRecord> records(Collection<Long> complaintIds) {
    return inOrder(complaintIds, complaintIds.isEmpty() ? List.of()
        : complaints.findWithCustomerByIdIn(complaintIds).stream().map(ComplaintRecord::of).toList(), ComplaintRecord::id);
  }

  /** Every answer sent about the complaint, oldest first. */
  public List<SentAnswer> answersOf(long complaintId) {
    return answers.findByComplaint_IdOrderBySentAtAscCustomerMessageIdAsc(complaintId).stream()
        .map(SentAnswer::of).toList();
  }

  /**
   * Which closed complaints: closed in [{@code closedFrom}, {@code closedUntil}) (either may be open), of a customer
   * (their id, or part of their name or e-mail address), or with one tracking number; a page of them in closing
   * order.
   */
  public record ClosedCriteria(Instant closedFrom, Instant closedUntil, String customer, String trackingNumber,
      int page, int size) {}

  public record ClosedPage(long total, List<ClosedComplaint> complaints) {}

  /** Two queries, whatever the page size: its total and the page itself, as a projection. */
  public ClosedPage closed(ClosedCriteria criteria) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    StringBuilder where = new StringBuilder("where c.state = io.rootfix.complaint.ComplaintState.CLOSED");
    if (criteria.closedFrom() != null) {
      where.append(" and c.closedAt >= :from");
      parameters.put("from", criteria.closedFrom());
    }
    if (criteria.closedUntil() != null) {
      where.append(" and c.closedAt < :until");
      parameters.put("until", criteria.closedUntil());
    }
    if (criteria.trackingNumber() != null) {
      where.append(" and c.trackingNumber = :trackingNumber");
      parameters.put("trackingNumber", criteria.trackingNumber());
    }
    if (criteria.customer() != null) {
      if (criteria.customer().chars().allMatch(Character::isDigit) && criteria.customer().length() < 19) {
        where.append(" and cu.id = :customerId");
        parameters.put("customerId", Long.valueOf(criteria.customer()));
      } else {
        where.append(" and (lower(cu.name) like :customer escape '!' or lower(cu.email) like :customer escape '!')");
        parameters.put("customer", "%" + criteria.customer().toLowerCase()
            .replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
      }
    }
    TypedQuery<Long> count = entityManager.createQuery(
        "select count(c) from Complaint c left join c.customer cu " + where, Long.class);
    TypedQuery<ClosedComplaint> select = entityManager.createQuery("""
        select new io.rootfix.complaint.ClosedComplaint(c.id, c.trackingNumber, cu.id,
          case when cu.id is null then c.contactName else cu.name end, c.category, c.channel, c.createdAt, c.closedAt, c.reopenCount,
          c.rootCauseId, c.fixDescription, c.oneOff, c.oneOffReason, c.closingNote)
        from Complaint c left join c.customer cu\s""" + where + " order by c.closedAt, c.id", ClosedComplaint.class);
    parameters.forEach((name, value) -> {
      count.setParameter(name, value);
      select.setParameter(name, value);
    });
    return new ClosedPage(count.getSingleResult(), select.setFirstResult(criteria.page() * criteria.size())
        .setMaxResults(criteria.size()).getResultList());
  }

  private static <T> List<T> inOrder(Collection<Long> ids, List<T> found, Function<T, Long> idOf) {
    Map<Long, T> byId = found.stream().collect(Collectors.toMap(idOf, Function.identity()));
    return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
  }
}
