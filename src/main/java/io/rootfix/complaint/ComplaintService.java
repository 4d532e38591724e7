package io.rootfix.complaint;

import io.rootfix.web.InvalidInputException;
import io.rootfix.calendar.BusinessCalendar;
import io.rootfix.notify.Outbox;
import io.rootfix.promise.PromiseBrokenEvent;
import io.rootfix.promise.PromiseRenegotiatedEvent;
import io.rootfix.promise.PromiseService;
import io.rootfix.promise.PromiseSettings;
import io.rootfix.promise.PromiseState;
import io.rootfix.promise.PromiseTexts;
import io.rootfix.promise.PromiseView;
import io.rootfix.promise.PromiseType;
import io.rootfix.rootcause.RootCause;
import io.rootfix.rootcause.RootCauseService;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Handling a complaint between its intake and its answer: the agreed expectation and its promises, the patch, the
 * root cause and its fix, waiting for the customer and keeping them in the loop. Called by the complaint process's
 * delegates and listeners (in the engine's transaction) and by the API. The intake is
 * {@link ComplaintIntakeService}'s, the answer and the closing {@link ComplaintAnswerService}'s.
 */
@Service
@Transactional
public class ComplaintService {

  private final ComplaintRepository complaints;
  private final ComplaintCorrespondence correspondence;
  private final PromiseService promises;
  private final RootCauseService rootCauses;
  private final BusinessCalendar calendar;
  private final Outbox outbox;
  private final String updateInterval;
  private final Clock clock;
  private final LocalTime answerDueTime;

  public ComplaintService(ComplaintRepository complaints, ComplaintCorrespondence correspondence,
      PromiseService promises, RootCauseService rootCauses, BusinessCalendar calendar, Outbox outbox, Clock clock,
      PromiseSettings promiseSettings, ComplaintSettings settings) {
    this.complaints = complaints;
    this.correspondence = correspondence;
    this.promises = promises;
    this.rootCauses = rootCauses;
    this.calendar = calendar;
    this.outbox = outbox;
    this.updateInterval = settings.updateInterval();
    this.clock = clock;
    this.answerDueTime = promiseSettings.answerDueTime();
  }

  /**
   * The date to propose to the customer: their own wish at intake wins; otherwise the policy's default
   * ("2 business days") from now, in business time.
   */
  @Transactional(readOnly = true)
  public LocalDate proposeAnswerDate(long complaintId, String answerWithin) {
    Complaint complaint = get(complaintId);
    if (complaint.getWantedAnswerDate() != null) {
      return complaint.getWantedAnswerDate();
    }
    return LocalDate.ofInstant(calendar.resolve(answerWithin, now()), calendar.zone());
  }

  /** Agreeing the expectation is making the answer promise, whose deadline the complaint row keeps too. */
  public void agreeExpectation(long complaintId, Expectation expectation, String owner) {
    Complaint complaint = get(complaintId);
    Instant dueAt = expectation.agreedAnswerDate().atTime(answerDueTime).atZone(clock.getZone()).toInstant();
    if (!dueAt.isAfter(now())) {
      // "Today" agreed after the usual answer time: the promise holds until the end of the day.
      dueAt = expectation.agreedAnswerDate().plusDays(1).atStartOfDay(clock.getZone()).toInstant().minusSeconds(1);
    }
    complaint.agreeExpectation(expectation, dueAt, owner, now());
    promises.make(new PromiseService.NewPromise(complaint.getId(), complaint.getTrackingNumber(), PromiseType.ANSWER,
        PromiseTexts.answerBy(complaint.getLanguage(), expectation.agreedAnswerDate()),
        null, dueAt, owner));
  }

  public void makePromise(long complaintId, PromiseType type, String text, Instant windowFrom, Instant dueAt,
      String madeBy) {
    Complaint complaint = get(complaintId);
    promises.make(new PromiseService.NewPromise(complaint.getId(), complaint.getTrackingNumber(), type, text,
        windowFrom, dueAt, madeBy));
  }

  /**
   * A promise moved: the complaint's agreed date follows the answer promise, and a date an agent agreed
   * with the customer is confirmed to them in writing. A date moved by the time waited for the customer
   * is told by {@link #resumeAfterWaiting} instead.
   */
  @EventListener
  public void promiseMoved(PromiseRenegotiatedEvent event) {
    Complaint complaint = get(event.complaintId());
    if (event.type() == PromiseType.ANSWER) {
      complaint.answerDateMoved(event.newDueAt(), LocalDate.ofInstant(event.newDueAt(), clock.getZone()), now());
    }
    if (event.renegotiatedBy() != null) {
      correspondence.promiseMoved(complaint, event.promiseText(), event.oldDueAt(), event.newDueAt(), event.reason());
    }
  }

  /** An agent kept a promise of this complaint (chosen on its form): the watch ends as kept. */
  public void keepPromise(long complaintId, long promiseId, String by) {
    Complaint complaint = get(complaintId);
    PromiseView promise = promises.view(promiseId);
    if (!promise.trackingNumber().equals(complaint.getTrackingNumber())) {
      throw InvalidInputException.of(ComplaintProcess.Var.KEPT_PROMISE, "is not a promise of this complaint");
    }
    // Kept meanwhile through the API or by the process: what the agent says is already so.
    if (promise.state() == PromiseState.OPEN) {
      promises.keepByHand(promiseId, by);
    }
  }

  /** The complaint's open promises (the answer promise too), nearest their deadline first. */
  @Transactional(readOnly = true)
  public List<PromiseView> openPromises(long complaintId) {
    return promises.openOf(List.of(complaintId));
  }

  /** The agent closing it keeps every promise still open (the answer promise is kept only by the answer). */
  public void keepAllOpen(long complaintId, String by) {
    for (PromiseView promise : openPromises(complaintId)) {
      if (promise.type() != PromiseType.ANSWER) {
        promises.keepByHand(promise.id(), by);
      }
    }
  }

  /** The agent closing it releases the promises still open, with a note, and tells the customer in their words. */
  public void releaseOpenPromises(long complaintId, String note, String toCustomer, String by) {
    List<PromiseView> released = promises.releaseOpen(complaintId, note, by);
    if (!released.isEmpty()) {
      correspondence.promisesReleased(get(complaintId), released, toCustomer);
    }
  }

  /** A broken promise: the customer gets an apology in the same transaction, not when someone remembers. */
  @EventListener
  public void promiseBroken(PromiseBrokenEvent event) {
    correspondence.apologiseForBrokenPromise(get(event.complaintId()), event.promiseText(), event.dueAt());
  }

  public void acknowledge(long complaintId) {
    correspondence.acknowledge(get(complaintId));
  }

  public void recordPatch(long complaintId, String patchDescription) {
    get(complaintId).recordPatch(patchDescription, now());
  }

  /**
   * Links the complaint to a known root cause. Returns true when it is already fixed or declared
   * won't-fix, so the complaint need not wait.
   */
  public boolean linkRootCause(long complaintId, long rootCauseId, String by) {
    Complaint complaint = get(complaintId);
    RootCause rootCause = rootCauses.link(rootCauseId, complaint.getId(), complaint.getTrackingNumber(), by);
    complaint.linkRootCause(rootCause.getId(), rootCause.getTitle() + ": " + rootCause.getDescription(), now());
    return rootCause.getState().isSettled();
  }

  /** A cause nobody reported yet: it becomes a root cause of its own, investigated and fixed once. */
  public long reportRootCause(long complaintId, String title, String description, String ownerGroup, String by) {
    Complaint complaint = get(complaintId);
    RootCause rootCause = rootCauses.report(title, description, complaint.getCategory().code(), ownerGroup, by);
    rootCauses.link(rootCause.getId(), complaint.getId(), complaint.getTrackingNumber(), by);
    complaint.linkRootCause(rootCause.getId(), description, now());
    return rootCause.getId();
  }

  @Transactional(readOnly = true)
  public String rootCauseDescription(long complaintId) {
    return get(complaintId).getRootCauseDescription();
  }

  /** The root cause's fix (or why it will not be fixed) becomes part of the complaint, for the report. */
  public String recordFixFromRootCause(long complaintId) {
    Complaint complaint = get(complaintId);
    String fix = rootCauses.outcomeText(complaint.getRootCauseId());
    complaint.recordFix(fix, now());
    return fix;
  }

  /** The root causes an agent may link this complaint to. */
  @Transactional(readOnly = true)
  public List<RootCauseService.Candidate> knownRootCauses(long complaintId) {
    return rootCauses.candidates(get(complaintId).getCategory().code());
  }

  public void recordRootCause(long complaintId, String rootCauseDescription, boolean oneOff, String oneOffReason) {
    if (oneOff && (oneOffReason == null || oneOffReason.isBlank())) {
      throw InvalidInputException.of(ComplaintProcess.Var.ONE_OFF_REASON,
          "a one-off needs a written reason why no fundamental fix is needed");
    }
    get(complaintId).recordRootCause(rootCauseDescription, oneOff, oneOffReason, now());
  }

  /** The agent needs information from the customer before finding the root cause. */
  public void awaitInformation(long complaintId, String request) {
    get(complaintId).awaitInformation(request, now());
  }

  /** The question goes out and the answer promise pauses: waiting for the customer does not count. */
  public void askForInformation(long complaintId) {
    Complaint complaint = get(complaintId);
    correspondence.askForInformation(complaint);
    promises.pauseOpen(complaintId, PromiseType.ANSWER);
  }

  public void informationReceived(long complaintId, String information) {
    get(complaintId).informationReceived(information, now());
  }

  /**
   * The answer date moves by the whole business days waited, and the customer hears the new date only when it
   * really changed (a wait of minutes changes nothing).
   */
  public void resumeAfterWaiting(long complaintId) {
    Complaint complaint = get(complaintId);
    complaint.resumeAfterWaiting(now());
    if (promises.resumeOpen(complaintId, PromiseType.ANSWER)) {
      correspondence.newAnswerDate(complaint);
    }
  }

  /** True when the customer heard nothing from us for longer than the update interval (business time). */
  @Transactional(readOnly = true)
  public boolean customerWaitingForUpdate(long complaintId) {
    Complaint complaint = get(complaintId);
    Instant lastHeard = outbox.lastMessageAt(complaintId).orElse(complaint.getCreatedAt());
    return calendar.resolve(updateInterval, lastHeard).isBefore(now());
  }

  public void updateCustomer(long complaintId, String statusUpdate) {
    correspondence.statusUpdate(get(complaintId), statusUpdate);
  }

  public void recordFix(long complaintId, String fixDescription) {
    get(complaintId).recordFix(fixDescription, now());
  }

  /**
   * A merged complaint's number leads to the complaint it was merged into. Public, with the entity, only for remedy
   * until its move (ModuleBoundaryTest); other features use {@link Complaints}.
   */
  @Transactional(readOnly = true)
  public Complaint byTrackingNumber(String trackingNumber) {
    return complaints.findFollowingMerges(trackingNumber)
        .orElseThrow(() -> new ComplaintNotFoundException(trackingNumber));
  }

  /** The complaints merged into this one. */
  @Transactional(readOnly = true)
  public List<String> mergedInto(Complaint survivor) {
    return complaints.findByMergedIntoOrderByCreatedAtAsc(survivor.getTrackingNumber()).stream()
        .map(Complaint::getTrackingNumber).toList();
  }

  @Transactional(readOnly = true)
  public java.util.Optional<Complaint> find(long complaintId) {
    return complaints.findById(complaintId);
  }

  private Complaint get(long complaintId) {
    return complaints.require(complaintId);
  }

  private Instant now() {
    return Instant.now(clock);
  }
}
