package io.rootfix.complaint;

import io.rootfix.customer.Customer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * First time right: a closed complaint whose first answer settled it. It counts against when the complaint was
 * reopened, or when the customer came back within the repeat window after that answer: a contact attached to the
 * complaint, or a new complaint of theirs in the same category (after it was closed, a contact opens a new one).
 */
@Service
@Transactional(readOnly = true)
public class FirstTimeRight {

  private final ComplaintRepository complaints;
  private final ContactRepository contacts;
  private final AnswerEvidenceRepository answers;
  private final Duration window;

  FirstTimeRight(ComplaintRepository complaints, ContactRepository contacts, AnswerEvidenceRepository answers,
      ComplaintSettings settings) {
    this.complaints = complaints;
    this.contacts = contacts;
    this.answers = answers;
    this.window = settings.repeatWindow();
  }

  /** @param share firstTimeRight / closed; null when none closed */
  public record Share(long closed, long firstTimeRight, Double share) {}

  public record CategoryShare(String category, long closed, long firstTimeRight, Double share) {}

  /**
   * @param reopened closed complaints that were reopened at least once
   * @param cameBackAfterAnswer closed complaints the customer came back about within the window after the answer
   * @param reviewed those whose first answer a team lead reviewed; notReviewed the others
   */
  public record Report(Instant from, Instant to, Duration window, long closed, long firstTimeRight, Double share,
      long reopened, long cameBackAfterAnswer, List<CategoryShare> byCategory, Share reviewed, Share notReviewed) {}

  private record Outcome(Complaint complaint, boolean reviewed, boolean reopened, boolean cameBack) {
    boolean right() {
      return !reopened && !cameBack;
    }
  }

  /** Complaints closed in [from, to). */
  public Report report(Instant from, Instant to) {
    List<Complaint> closed = complaints.findClosedBetween(from, to);
    Map<Long, AnswerEvidence> firstAnswer = closed.isEmpty() ? Map.of()
        : answers.findByComplaint_IdInOrderBySentAtAscCustomerMessageIdAsc(closed.stream().map(Complaint::getId).toList())
            .stream().collect(Collectors.toMap(AnswerEvidence::getComplaintId, Function.identity(), (a, b) -> a));
    Map<Long, List<Contact>> contactsOf = closed.isEmpty() ? Map.of()
        : contacts.findByComplaintIn(closed).stream().collect(Collectors.groupingBy(c -> c.getComplaint().getId()));
    List<Customer> customers = closed.stream().map(Complaint::getCustomer).filter(Objects::nonNull).distinct().toList();
    Instant earliest = closed.stream().map(c -> answeredAt(c, firstAnswer)).filter(Objects::nonNull)
        .min(Comparator.naturalOrder()).orElse(to);
    Map<Long, List<Complaint>> laterOf = customers.isEmpty() ? Map.of()
        : complaints.findByCustomerInAndCreatedAtAfter(customers, earliest).stream()
            .collect(Collectors.groupingBy(c -> c.getCustomer().getId()));

    List<Outcome> outcomes = closed.stream().map(c -> {
      Instant answered = answeredAt(c, firstAnswer);
      AnswerEvidence first = firstAnswer.get(c.getId());
      boolean cameBack = answered != null && (
          contactsOf.getOrDefault(c.getId(), List.of()).stream().anyMatch(k -> within(k.getReceivedAt(), answered))
          || (c.getCustomer() != null && laterOf.getOrDefault(c.getCustomer().getId(), List.of()).stream()
              .anyMatch(other -> !other.getId().equals(c.getId()) && other.getCategory() == c.getCategory()
                  && within(other.getCreatedAt(), answered))));
      return new Outcome(c, first != null && first.isReviewed(), c.getReopenCount() > 0, cameBack);
    }).toList();

    Map<String, List<Outcome>> byCategory = new LinkedHashMap<>();
    for (Category category : Category.values()) {
      List<Outcome> of = outcomes.stream().filter(o -> o.complaint().getCategory() == category).toList();
      if (!of.isEmpty()) {
        byCategory.put(category.code(), of);
      }
    }
    Share all = share(outcomes);
    return new Report(from, to, window, all.closed(), all.firstTimeRight(), all.share(),
        outcomes.stream().filter(Outcome::reopened).count(), outcomes.stream().filter(Outcome::cameBack).count(),
        byCategory.entrySet().stream().map(e -> {
          Share s = share(e.getValue());
          return new CategoryShare(e.getKey(), s.closed(), s.firstTimeRight(), s.share());
        }).toList(),
        share(outcomes.stream().filter(Outcome::reviewed).toList()),
        share(outcomes.stream().filter(o -> !o.reviewed()).toList()));
  }

  /** When the first answer went out: its evidence, or the report time for a complaint without any. */
  private static Instant answeredAt(Complaint complaint, Map<Long, AnswerEvidence> firstAnswer) {
    AnswerEvidence first = firstAnswer.get(complaint.getId());
    return first != null ? first.getSentAt() : complaint.getReportedAt();
  }

  private boolean within(Instant moment, Instant answered) {
    return moment.isAfter(answered) && !moment.isAfter(answered.plus(window));
  }

  private static Share share(List<Outcome> outcomes) {
    long right = outcomes.stream().filter(Outcome::right).count();
    return new Share(outcomes.size(), right, outcomes.isEmpty() ? null : (double) right / outcomes.size());
  }
}
