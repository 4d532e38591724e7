package io.rootfix.audit;

import io.rootfix.complaint.Complaint;
import io.rootfix.promise.PromiseState;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Closed complaints with their key figures, for auditors. One page costs a fixed handful of queries,
 * however many complaints it holds: the page itself, its total, and one grouped query per kind of
 * figure (promises, root causes, seals, remedies).
 */
@Service
@Transactional(readOnly = true)
public class ClosedComplaints {

  /** Most rows in one answer (JSON or CSV); more are on the next pages. */
  public static final int MAX_PAGE_SIZE = 1000;

  private final EntityManager entityManager;
  private final ZoneId zone;

  ClosedComplaints(EntityManager entityManager, Clock clock) {
    this.entityManager = entityManager;
    this.zone = clock.getZone();
  }

  /**
   * Which closed complaints: closed on or after {@code closedFrom} and on or before {@code closedTo} (whole
   * days in the business calendar's zone; either may be open), of a customer (their id, or part of their
   * name or e-mail address), or one tracking number.
   */
  public record Criteria(LocalDate closedFrom, LocalDate closedTo, String customer, String trackingNumber, int page,
      int size) {}

  /**
   * One closed complaint's figures. {@code daysOpen} counts calendar days from receipt to closing (0: closed
   * the day it came in); promises count by how they ended; {@code remedyTotal} is the sum of the refunds and
   * replacements granted.
   */
  public record Figures(String trackingNumber, Long customerId, String customerName, String category,
      String channel, Instant receivedAt, Instant closedAt, long daysOpen, long promisesMade, long promisesKept,
      long promisesRenegotiated, long promisesBroken, BigDecimal remedyTotal, int reopened, Long rootCauseId,
      String rootCause, String fix, String closingNote, boolean sealed) {}

  public record Page(LocalDate closedFrom, LocalDate closedTo, int page, int size, long total, List<Figures> complaints) {}

  public Page find(Criteria criteria) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    StringBuilder where = new StringBuilder("where c.state = io.rootfix.complaint.ComplaintState.CLOSED");
    if (criteria.closedFrom() != null) {
      where.append(" and c.closedAt >= :from");
      parameters.put("from", criteria.closedFrom().atStartOfDay(zone).toInstant());
    }
    if (criteria.closedTo() != null) {
      where.append(" and c.closedAt < :until");
      parameters.put("until", criteria.closedTo().plusDays(1).atStartOfDay(zone).toInstant());
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
    TypedQuery<Complaint> select = entityManager.createQuery(
        "select c from Complaint c left join fetch c.customer cu " + where + " order by c.closedAt, c.id", Complaint.class);
    parameters.forEach((name, value) -> {
      count.setParameter(name, value);
      select.setParameter(name, value);
    });
    long total = count.getSingleResult();
    List<Complaint> complaints = select.setFirstResult(criteria.page() * criteria.size())
        .setMaxResults(criteria.size()).getResultList();

    List<Long> ids = complaints.stream().map(Complaint::getId).toList();
    Map<Long, Map<PromiseState, Long>> promises = promisesByState(ids);
    Map<Long, String[]> rootCauses = rootCauses(complaints.stream().map(Complaint::getRootCauseId)
        .filter(id -> id != null).distinct().toList());
    Set<Long> sealed = sealed(ids);
    Map<Long, BigDecimal> remedies = remedyTotals(ids);

    List<Figures> figures = complaints.stream().map(c -> {
      Map<PromiseState, Long> states = promises.getOrDefault(c.getId(), Map.of());
      String[] rootCause = c.getRootCauseId() == null ? null : rootCauses.get(c.getRootCauseId());
      String fix = c.getFixDescription() != null ? c.getFixDescription()
          : c.isOneOff() ? "One-off, no fundamental fix: " + c.getOneOffReason()
          : rootCause != null ? rootCause[1] : null;
      return new Figures(c.getTrackingNumber(), c.getCustomer() == null ? null : c.getCustomer().getId(),
          c.getCustomer() == null ? c.getContactName() : c.getCustomer().getName(), c.getCategory().code(),
          c.getChannel().code(), c.getCreatedAt(), c.getClosedAt(),
          ChronoUnit.DAYS.between(c.getCreatedAt().atZone(zone).toLocalDate(), c.getClosedAt().atZone(zone).toLocalDate()),
          states.values().stream().mapToLong(Long::longValue).sum(), states.getOrDefault(PromiseState.KEPT, 0L),
          states.getOrDefault(PromiseState.RENEGOTIATED, 0L), states.getOrDefault(PromiseState.BROKEN, 0L),
          remedies.getOrDefault(c.getId(), BigDecimal.ZERO), c.getReopenCount(), c.getRootCauseId(),
          rootCause == null ? null : rootCause[0], fix, c.getClosingNote(), sealed.contains(c.getId()));
    }).toList();
    return new Page(criteria.closedFrom(), criteria.closedTo(), criteria.page(), criteria.size(), total, figures);
  }

  private Map<Long, Map<PromiseState, Long>> promisesByState(List<Long> complaintIds) {
    Map<Long, Map<PromiseState, Long>> counts = new HashMap<>();
    if (complaintIds.isEmpty()) {
      return counts;
    }
    entityManager.createQuery("""
            select p.complaint.id, p.state, count(p) from Promise p
            where p.complaint.id in :ids group by p.complaint.id, p.state""", Object[].class)
        .setParameter("ids", complaintIds).getResultList()
        .forEach(row -> counts.computeIfAbsent((Long) row[0], id -> new EnumMap<>(PromiseState.class))
            .put((PromiseState) row[1], (Long) row[2]));
    return counts;
  }

  /** Title and fix of each root cause. */
  private Map<Long, String[]> rootCauses(List<Long> rootCauseIds) {
    Map<Long, String[]> rootCauses = new HashMap<>();
    if (rootCauseIds.isEmpty()) {
      return rootCauses;
    }
    entityManager.createQuery("select r.id, r.title, r.fixDescription from RootCause r where r.id in :ids", Object[].class)
        .setParameter("ids", rootCauseIds).getResultList()
        .forEach(row -> rootCauses.put((Long) row[0], new String[] {(String) row[1], (String) row[2]}));
    return rootCauses;
  }

  private Set<Long> sealed(List<Long> complaintIds) {
    if (complaintIds.isEmpty()) {
      return Set.of();
    }
    return new HashSet<>(entityManager.createQuery(
            "select s.complaint.id from AuditSeal s where s.complaint.id in :ids", Long.class)
        .setParameter("ids", complaintIds).getResultList());
  }

  /** What was actually paid out or shipped per complaint (a refused or undecided remedy costs nothing). */
  private Map<Long, BigDecimal> remedyTotals(List<Long> complaintIds) {
    Map<Long, BigDecimal> totals = new HashMap<>();
    if (complaintIds.isEmpty()) {
      return totals;
    }
    entityManager.createQuery("""
            select r.complaint.id, sum(r.amount) from Remedy r
            where r.complaint.id in :ids and r.state in (io.rootfix.remedy.RemedyState.PAID,
              io.rootfix.remedy.RemedyState.SHIPPED)
            group by r.complaint.id""", Object[].class)
        .setParameter("ids", complaintIds).getResultList()
        .forEach(row -> totals.put((Long) row[0], (BigDecimal) row[1]));
    return totals;
  }
}
