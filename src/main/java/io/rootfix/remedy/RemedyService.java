package io.rootfix.remedy;

import io.rootfix.calendar.BusinessCalendar;
import io.rootfix.complaint.ComplaintFacts;
import io.rootfix.complaint.RemedyLedger;
import io.rootfix.promise.PromiseService;
import io.rootfix.promise.PromiseState;
import io.rootfix.promise.PromiseTexts;
import io.rootfix.promise.PromiseType;
import io.rootfix.web.InvalidInputException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Remedies by policy, executed exactly once. The decision is recorded in the ledger (one Remedy row with
 * its idempotency key); paying or shipping calls the port with that key and records the reference. Called
 * by the remedy process's delegates, in the engine's transaction. What it needs of the complaint comes through
 * the complaint's published {@link ComplaintFacts}.
 */
@Service
@EnableConfigurationProperties(RemedySettings.class)
@Transactional
public class RemedyService implements RemedyLedger {

  /** The remedies that count for the customer's abuse signal: granted, whether executed yet or not. */
  private static final EnumSet<RemedyState> GRANTED =
      EnumSet.of(RemedyState.GRANTED, RemedyState.PAID, RemedyState.SHIPPED);

  private final RemedyRepository remedies;
  private final ComplaintFacts complaints;
  private final PaymentGateway payments;
  private final ShippingService shipping;
  private final PromiseService promises;
  private final BusinessCalendar calendar;
  private final Clock clock;
  private final String refundWithin;
  private final String deliveryFrom;
  private final String deliveryWithin;

  RemedyService(RemedyRepository remedies, ComplaintFacts complaints, PaymentGateway payments,
      ShippingService shipping, PromiseService promises, BusinessCalendar calendar, Clock clock,
      RemedySettings settings) {
    this.remedies = remedies;
    this.complaints = complaints;
    this.payments = payments;
    this.shipping = shipping;
    this.promises = promises;
    this.calendar = calendar;
    this.clock = clock;
    this.refundWithin = settings.refundWithin();
    this.deliveryFrom = settings.deliveryFrom();
    this.deliveryWithin = settings.deliveryWithin();
  }

  /** What the policy needs to know about the complaint and its customer (the DMN's inputs). */
  public record Facts(String desiredOutcome, String category, Double claimedAmount, int remediesLast12Months,
      BigDecimal remedyTotalLast12Months) {}

  /**
   * The complaint's facts for the policy, with the abuse signal: the customer's granted remedies and their
   * total in the 12 months before now.
   */
  @Transactional(readOnly = true)
  public Facts facts(long complaintId) {
    return facts(complaints.of(complaintId));
  }

  private Facts facts(ComplaintFacts.Facts complaint) {
    int count = 0;
    BigDecimal total = BigDecimal.ZERO;
    if (complaint.customerId() != null) {
      Object[] row = remedies.countAndTotal(complaint.customerId(), now().minus(365, ChronoUnit.DAYS), GRANTED).get(0);
      count = ((Number) row[0]).intValue();
      total = row[1] instanceof BigDecimal b ? b : new BigDecimal(row[1].toString());
    }
    return new Facts(complaint.desiredOutcome(), complaint.category(),
        complaint.claimedAmount() == null ? null : complaint.claimedAmount().doubleValue(), count,
        total.setScale(2, RoundingMode.HALF_UP));
  }

  @Override
  @Transactional(readOnly = true)
  public Double latestAmount(long complaintId) {
    List<Remedy> decided = remedies.findByComplaint_IdOrderByDecidedAtAscIdAsc(complaintId);
    return decided.isEmpty() ? null : decided.get(decided.size() - 1).getAmount().doubleValue();
  }

  /** What remedy-policy.dmn decided. */
  public record Decision(RemedyType type, BigDecimal amount, boolean teamLeadApproval, String policyNote) {}

  /**
   * Records the decision in the ledger, with the abuse signal at this moment. A refund or replacement granted
   * by policy is promised to the customer at once; one above the limit once a team lead approves it.
   */
  public Remedy decide(long complaintId, Decision decision) {
    ComplaintFacts.Facts complaint = complaints.of(complaintId);
    Facts facts = facts(complaint);
    long n = remedies.countByComplaint_Id(complaintId) + 1;
    Remedy remedy = remedies.save(new Remedy(complaint.complaintId(), complaint.trackingNumber(),
        complaint.customerId(), decision.type(),
        decision.amount().setScale(2, RoundingMode.HALF_UP), decision.policyNote(),
        decision.teamLeadApproval() && executable(decision.type()), facts,
        // Unique per complaint and remedy; the same on every attempt to pay or ship it.
        complaint.trackingNumber() + "/remedy-" + n + "/" + decision.type().name().toLowerCase(Locale.ROOT),
        now()));
    if (remedy.getState() == RemedyState.GRANTED && executable(remedy.getType())) {
      promise(remedy, complaint);
    }
    return remedy;
  }

  /** A team lead grants the remedy above the limit: it is promised to the customer now. */
  public void approve(long remedyId, String by) {
    Remedy remedy = get(remedyId);
    remedy.approve(by, now());
    promise(remedy, complaints.of(remedy.getComplaintId()));
  }

  /** A team lead refuses it, with a written reason; nothing is paid or shipped. */
  public void refuse(long remedyId, String by, String reason) {
    if (reason == null || reason.isBlank()) {
      throw InvalidInputException.of(RemedyProcess.Var.REFUSAL_REASON, "a refusal needs a written reason");
    }
    get(remedyId).refuse(by, reason.trim(), now());
  }

  /**
   * Pays the refund exactly once. A retry after a failure, or after a crash between the payout and the
   * commit, calls the gateway again with the same idempotency key: the gateway pays nothing new and answers
   * with the first payout's reference. A remedy already recorded as paid is left as it is.
   */
  public String payRefund(long remedyId) {
    Remedy remedy = get(remedyId);
    requireType(remedy, RemedyType.REFUND);
    if (remedy.isExecuted()) {
      return remedy.getExternalReference();
    }
    String reference = payments.pay(remedy.getIdempotencyKey(), remedy.getAmount(), remedy.getCurrency(),
        remedy.getTrackingNumber());
    executed(remedy, reference);
    return reference;
  }

  /** Ships the replacement exactly once, as {@link #payRefund} pays. */
  public String shipReplacement(long remedyId) {
    Remedy remedy = get(remedyId);
    requireType(remedy, RemedyType.REPLACEMENT);
    if (remedy.isExecuted()) {
      return remedy.getExternalReference();
    }
    String reference = shipping.ship(remedy.getIdempotencyKey(),
        complaints.of(remedy.getComplaintId()).orderReference(), remedy.getTrackingNumber());
    executed(remedy, reference);
    return reference;
  }

  @Transactional(readOnly = true)
  public List<RemedyView> ofComplaint(String trackingNumber) {
    return remedies.findByComplaint_TrackingNumberOrderByDecidedAtAscIdAsc(trackingNumber).stream().map(RemedyView::of).toList();
  }

  /** Remedies paid or shipped in the period: their cost, by type and as a share of the period's total. */
  @Transactional(readOnly = true)
  public RemedyInsights insights(Instant from, Instant to) {
    List<Object[]> rows = remedies.executedBetween(from, to);
    BigDecimal total = rows.stream().map(r -> (BigDecimal) r[2]).reduce(BigDecimal.ZERO, BigDecimal::add)
        .setScale(2, RoundingMode.HALF_UP);
    List<RemedyInsights.ByType> byType = rows.stream()
        .map(r -> new RemedyInsights.ByType((RemedyType) r[0], ((Number) r[1]).longValue(),
            ((BigDecimal) r[2]).setScale(2, RoundingMode.HALF_UP),
            total.signum() == 0 ? null : ((BigDecimal) r[2]).divide(total, 4, RoundingMode.HALF_UP).doubleValue()))
        .sorted(java.util.Comparator.comparing(RemedyInsights.ByType::type))
        .toList();
    long count = byType.stream().mapToLong(RemedyInsights.ByType::count).sum();
    return new RemedyInsights(from, to, Remedy.EUR, count, total, byType);
  }

  private void executed(Remedy remedy, String reference) {
    remedy.executed(reference, now());
    // The promise may be broken by now (a long incident); a late payment keeps nothing.
    if (remedy.getPromiseId() != null && promises.view(remedy.getPromiseId()).state() == PromiseState.OPEN) {
      promises.keep(remedy.getPromiseId());
    }
  }

  /** A refund keeps a REFUND promise, a replacement a DELIVERY promise with its delivery window. */
  private void promise(Remedy remedy, ComplaintFacts.Facts complaint) {
    Instant now = now();
    String owner = complaint.owner();
    String amount = remedy.getCurrency() + " " + remedy.getAmount().toPlainString();
    PromiseService.NewPromise spec = remedy.getType() == RemedyType.REFUND
        ? new PromiseService.NewPromise(remedy.getComplaintId(), remedy.getTrackingNumber(), PromiseType.REFUND,
            PromiseTexts.refundPaid(complaint.language(), amount), null, calendar.resolve(refundWithin, now), owner)
        : new PromiseService.NewPromise(remedy.getComplaintId(), remedy.getTrackingNumber(), PromiseType.DELIVERY,
            PromiseTexts.replacementOnItsWay(complaint.language()), calendar.resolve(deliveryFrom, now), calendar.resolve(deliveryWithin, now),
            owner);
    remedy.promised(promises.make(spec).getId());
  }

  private static boolean executable(RemedyType type) {
    return type == RemedyType.REFUND || type == RemedyType.REPLACEMENT;
  }

  /**
   * Only a granted remedy of the right type goes out, whatever the process variables say: a refund waiting for a
   * team lead, or refused, is never paid, even if something started the process at the payout.
   */
  private static void requireType(Remedy remedy, RemedyType type) {
    if (remedy.getType() != type) {
      throw new IllegalStateException("Remedy " + remedy.getId() + " is a " + remedy.getType() + ", not a " + type);
    }
    if (!remedy.isExecuted() && remedy.getState() != RemedyState.GRANTED) {
      throw new IllegalStateException("Remedy " + remedy.getId() + " is " + remedy.getState() + ", not granted: "
          + "nothing is paid or shipped");
    }
  }

  private Remedy get(long remedyId) {
    return remedies.findById(remedyId).orElseThrow(() -> new IllegalStateException("No remedy with id " + remedyId));
  }

  private Instant now() {
    return Instant.now(clock);
  }
}
