package io.rootfix.audit;

import io.rootfix.complaint.ClosedComplaint;
import io.rootfix.complaint.Complaints;
import io.rootfix.promise.PromiseState;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
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

  private final Complaints complaints;
  private final EntityManager entityManager;
  private final ZoneId zone;

  ClosedComplaints(Complaints complaints, EntityManager entityManager, Clock clock) {
    this.complaints = complaints;
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
    Complaints.ClosedPage page = complaints.closed(new Complaints.ClosedCriteria(
        criteria.closedFrom() == null ? null : criteria.closedFrom().atStartOfDay(zone).toInstant(),
        criteria.closedTo() == null ? null : criteria.closedTo().plusDays(1).atStartOfDay(zone).toInstant(),
        criteria.customer(), criteria.trackingNumber(), criteria.page(), criteria.size()));
    List<ClosedComplaint> closed = page.complaints();

    List<Long> ids = closed.stream().map(ClosedComplaint::id).toList();
    Map<Long, Map<PromiseState, Long>> promises = promisesByState(ids);
    Map<Long, String[]> rootCauses = rootCauses(closed.stream().map(ClosedComplaint::rootCauseId)
        .filter(id -> id != null).distinct().toList());
    Set<Long> sealed = sealed(ids);
    Map<Long, BigDecimal> remedies = remedyTotals(ids);

    List<Figures> figures = closed.stream().map(c -> {
      Map<PromiseState, Long> states = promises.getOrDefault(c.id(), Map.of());
      String[] rootCause = c.rootCauseId() == null ? null : rootCauses.get(c.rootCauseId());
      String fix = c.fixDescription() != null ? c.fixDescription()
          : c.oneOff() ? "One-off, no fundamental fix: " + c.oneOffReason()
          : rootCause != null ? rootCause[1] : null;
      return new Figures(c.trackingNumber(), c.customerId(), c.customerName(), c.category().code(),
          c.channel().code(), c.receivedAt(), c.closedAt(),
          ChronoUnit.DAYS.between(c.receivedAt().atZone(zone).toLocalDate(), c.closedAt().atZone(zone).toLocalDate()),
          states.values().stream().mapToLong(Long::longValue).sum(), states.getOrDefault(PromiseState.KEPT, 0L),
          states.getOrDefault(PromiseState.RENEGOTIATED, 0L), states.getOrDefault(PromiseState.BROKEN, 0L),
          remedies.getOrDefault(c.id(), BigDecimal.ZERO), c.reopened(), c.rootCauseId(),
          rootCause == null ? null : rootCause[0], fix, c.closingNote(), sealed.contains(c.id()));
    }).toList();
    return new Page(criteria.closedFrom(), criteria.closedTo(), criteria.page(), criteria.size(), page.total(), figures);
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
