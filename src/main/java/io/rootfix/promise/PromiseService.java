package io.rootfix.promise;

import io.rootfix.calendar.BusinessCalendar;
import io.rootfix.promise.PromisePolicy.Timers;
import io.rootfix.web.ConflictException;
import io.rootfix.web.InvalidInputException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.PageRequest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Makes promises, starts their watch, and records how they end. */
@Service
@Transactional
public class PromiseService {

  /** How far a paused watch parks its timers: beyond any real wait for a customer. */
  private static final java.time.Duration PARKED = java.time.Duration.ofDays(3650);

  private final PromiseRepository promises;
  private final PromisePolicy policy;
  private final PromiseWatch watch;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final BusinessCalendar calendar;

  public PromiseService(PromiseRepository promises, PromisePolicy policy, PromiseWatch watch,
      ApplicationEventPublisher events, Clock clock, BusinessCalendar calendar) {
    this.calendar = calendar;
    this.promises = promises;
    this.policy = policy;
    this.watch = watch;
    this.events = events;
    this.clock = clock;
  }

  /** What an agent promised; {@code windowFrom} only for a window ("between 14:00 and 18:00"). */
  public record NewPromise(Long complaintId, String trackingNumber, PromiseType type, String text,
      Instant windowFrom, Instant dueAt, String madeBy) {}

  /** Records the promise and starts its watch (process {@code promise}). */
  public Promise make(NewPromise spec) {
    Instant now = now();
    Map<String, String> errors = new LinkedHashMap<>();
    if (spec.text() == null || spec.text().isBlank()) {
      errors.put("promiseText", "say what was promised");
    } else if (spec.text().length() > 500) {
      errors.put("promiseText", "must be at most 500 characters");
    }
    if (spec.dueAt() == null || !spec.dueAt().isAfter(now)) {
      errors.put("promiseDue", "must be in the future");
    } else if (spec.windowFrom() != null && !spec.windowFrom().isBefore(spec.dueAt())) {
      errors.put("promiseWindowFrom", "must be before the end of the window");
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    Promise promise = promises.save(new Promise(spec.complaintId(), spec.trackingNumber(), spec.type(),
        spec.text().trim(), spec.windowFrom(), spec.dueAt(), spec.madeBy(), now));
    promise.watchedBy(watch.start(promise, policy.timersFor(now, promise.getDueAt())));
    return promise;
  }

  /**
   * A complaint merged into another: its promises, open or finished, belong to the other now, and the
   * watches of the open ones go on, showing its tracking number (their business key, which the engine
   * cannot change, keeps the old one).
   */
  public void moveTo(String fromTrackingNumber, Long toComplaintId, String toTrackingNumber) {
    for (Promise promise : promises.findByComplaint_TrackingNumberOrderByMadeAtAscIdAsc(fromTrackingNumber)) {
      promise.movedTo(toComplaintId, toTrackingNumber);
      if (promise.getState() == PromiseState.OPEN && promise.getProcessInstanceId() != null) {
        watch.movedTo(promise, toTrackingNumber);
      }
    }
  }

  /** Keeps the open promises of this type on the complaint, e.g. the answer promise at "Report back". */
  public void keepOpen(Long complaintId, PromiseType type) {
    for (Promise promise : promises.findByComplaint_IdAndTypeAndState(complaintId, type, PromiseState.OPEN)) {
      keep(promise, null);
    }
  }

  /** The process kept it (a refund paid, a replacement shipped): ends the watch as kept (Task_MarkKept records it). */
  public void keep(Long promiseId) {
    keep(open(promiseId), null);
  }

  /**
   * A person says they kept it: on a complaint form, on "Renegotiate in time" or through the API. The answer
   * promise is kept by sending the answer, not by saying so.
   */
  public PromiseView keepByHand(Long promiseId, String by) {
    Promise promise = open(promiseId);
    if (promise.getType() == PromiseType.ANSWER) {
      throw new ConflictException("Promise " + promiseId + " is the answer promise: sending the answer keeps it");
    }
    keep(promise, by);
    return PromiseView.of(promise);
  }

  private void keep(Promise promise, String by) {
    watch.kept(promise, by);
  }

  /**
   * Its complaint closes without it: the promise ends as released, with a note why (the caller tells the
   * customer), and its watch ends without a reminder, a renegotiation task or a breach.
   */
  public PromiseView release(Long promiseId, String note, String by) {
    if (note == null || note.isBlank()) {
      throw InvalidInputException.of(PromiseProcess.Var.RELEASE_NOTE, "say why the promise is released");
    }
    Promise promise = open(promiseId);
    promise.released(now(), by, note.trim());
    endWatch(promise);
    return PromiseView.of(promise);
  }

  /** Releases every promise still open on the complaint (any type); returns the released ones. */
  public List<PromiseView> releaseOpen(Long complaintId, String note, String by) {
    return promises.findByComplaint_IdAndState(complaintId, PromiseState.OPEN).stream()
        .map(promise -> release(promise.getId(), note, by))
        .toList();
  }

  /**
   * The complaint closed: nothing about its promises happens after this. Every watch still running ends (an
   * open promise is released first; a broken one a team lead had not handled yet is noted as such), so no
   * reminder, renegotiation task, apology or escalation follows the closed complaint.
   */
  public void endWatchesOf(Long complaintId, String note) {
    releaseOpen(complaintId, note, null);
    for (Promise promise : promises.findByComplaint_IdAndState(complaintId, PromiseState.BROKEN)) {
      if (watchRuns(promise)) {
        if (promise.getEscalationNote() == null) {
          promise.escalationHandled("Not handled before the complaint closed: " + note);
        }
        endWatch(promise);
      }
    }
  }

  private void endWatch(Promise promise) {
    watch.end(promise);
  }

  private boolean watchRuns(Promise promise) {
    return watch.runs(promise);
  }

  /**
   * The promises an agent can mark kept on a complaint form, as the options of its select ({label, value}):
   * every open one but the answer promise, nearest its deadline first.
   */
  @Transactional(readOnly = true)
  public List<Map<String, String>> keepableChoices(Long complaintId) {
    return promises.findByComplaint_IdInAndStateOrderByDueAtAsc(List.of(complaintId), PromiseState.OPEN).stream()
        .filter(p -> p.getType() != PromiseType.ANSWER)
        .map(p -> Map.of("label", p.getText() + " (by " + CHOICE_MOMENT.format(p.getDueAt().atZone(clock.getZone())) + ")",
            "value", p.getId().toString()))
        .toList();
  }

  private static final DateTimeFormatter CHOICE_MOMENT = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm");

  /** A new date agreed outside the "Renegotiate in time" task: the watch starts over with the new dates. */
  public PromiseView renegotiate(Long promiseId, Instant newDueAt, String reason, String by) {
    Promise promise = open(promiseId);
    moveWatch(promise, recordRenegotiation(promise, newDueAt, reason, by, now()));
    return PromiseView.of(promise);
  }

  /** A new date agreed in the "Renegotiate in time" task: the watch's flow returns to a new round with it. */
  void renegotiateInTask(Long promiseId, Instant newDueAt, String reason, String by) {
    Promise promise = open(promiseId);
    watch.timersOn(promise, recordRenegotiation(promise, newDueAt, reason, by, now()));
  }

  /**
   * Waiting for the customer pauses the complaint's open promises of this type: their watch parks its
   * timers (no reminder, no renegotiation task, no breach while the customer owes us an answer).
   */
  public void pauseOpen(Long complaintId, PromiseType type) {
    Instant now = now();
    Instant parked = now.plus(PARKED);
    for (Promise promise : promises.findByComplaint_IdAndTypeAndState(complaintId, type, PromiseState.OPEN)) {
      promise.pause(now);
      moveWatch(promise, new Timers(parked, parked, parked));
    }
  }

  /**
   * The wait is over: the watch resumes, the date moved by the whole business days waited (a wait of minutes
   * moves nothing), and at least to a date still ahead. The customer knew since the wait began, so a move
   * counts as told in time when that was before the old date. Returns whether any date moved.
   */
  public boolean resumeOpen(Long complaintId, PromiseType type) {
    Instant now = now();
    boolean moved = false;
    for (Promise promise : promises.findByComplaint_IdAndTypeAndState(complaintId, type, PromiseState.OPEN)) {
      Instant pausedSince = promise.resume();
      if (pausedSince == null) {
        continue;
      }
      int waited = businessDaysBetween(pausedSince, now);
      int days = waited;
      while (!calendar.deadlineMovedBy(promise.getDueAt(), days).isAfter(now)) {
        days++;
      }
      if (days == 0) {
        moveWatch(promise, policy.timersFor(now, promise.getDueAt()));
      } else {
        String reason = waited == 0 ? "The date passed while we waited for the customer's information"
            : "Waited " + waited + (waited == 1 ? " business day" : " business days") + " for the customer's information";
        moveWatch(promise, recordRenegotiation(promise, calendar.deadlineMovedBy(promise.getDueAt(), days), reason, null,
            pausedSince));
        moved = true;
      }
    }
    return moved;
  }

  /** Whole business days from one moment to the next: Monday 10:00 to Thursday 10:00 is three. */
  private int businessDaysBetween(Instant from, Instant to) {
    int days = 0;
    while (!calendar.plusBusinessDays(from, days + 1).isAfter(to)) {
      days++;
    }
    return days;
  }

  private void moveWatch(Promise promise, Timers timers) {
    watch.moved(promise, timers);
  }

  private Timers recordRenegotiation(Promise promise, Instant newDueAt, String reason, String by, Instant toldAt) {
    Instant now = now();
    Map<String, String> errors = new LinkedHashMap<>();
    if (newDueAt == null || !newDueAt.isAfter(now)) {
      errors.put(PromiseProcess.Var.NEW_DUE, "the new date must be in the future");
    }
    if (reason == null || reason.isBlank()) {
      errors.put(PromiseProcess.Var.RENEGOTIATION_REASON, "say why the date moves");
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    Instant oldDueAt = promise.getDueAt();
    promise.renegotiate(newDueAt, reason.trim(), by, now, toldAt);
    events.publishEvent(new PromiseRenegotiatedEvent(promise.getId(), promise.getComplaintId(),
        promise.getTrackingNumber(), promise.getType(), promise.getText(), oldDueAt, newDueAt, reason.trim(), by));
    return policy.timersFor(now, newDueAt);
  }

  void reminded(Long promiseId) {
    Promise promise = get(promiseId);
    promise.reminded(now());
    events.publishEvent(new PromiseReminderEvent(promise.getId(), promise.getTrackingNumber(), promise.getDueAt()));
  }

  void markKept(Long promiseId, String by) {
    Promise promise = get(promiseId);
    promise.kept(now(), by);
  }

  void markBroken(Long promiseId) {
    Promise promise = get(promiseId);
    promise.broken(now());
    events.publishEvent(new PromiseBrokenEvent(promise.getId(), promise.getComplaintId(), promise.getTrackingNumber(),
        promise.getType(), promise.getText(), promise.getDueAt()));
  }

  void escalationHandled(Long promiseId, String note) {
    get(promiseId).escalationHandled(note);
  }

  @Transactional(readOnly = true)
  public List<PromiseView> ofComplaint(String trackingNumber) {
    return promises.findByComplaint_TrackingNumberOrderByMadeAtAscIdAsc(trackingNumber).stream().map(PromiseView::of).toList();
  }

  /** The open promises of these complaints, nearest their deadline first. */
  @Transactional(readOnly = true)
  public List<PromiseView> openOf(Collection<Long> complaintIds) {
    if (complaintIds.isEmpty()) {
      return List.of();
    }
    return promises.findByComplaint_IdInAndStateOrderByDueAtAsc(complaintIds, PromiseState.OPEN).stream()
        .map(PromiseView::of).toList();
  }

  /**
   * Open promises due before the given moment (null: any time), nearest their deadline first; at most
   * {@code limit} of them.
   */
  @Transactional(readOnly = true)
  public List<PromiseView> openDueBefore(Instant dueBefore, int limit) {
    PageRequest page = PageRequest.of(0, limit);
    // No far-future stand-in for "any time": PostgreSQL's timestamps end long before Instant.MAX.
    List<Promise> open = dueBefore == null
        ? promises.findByStateOrderByDueAtAscIdAsc(PromiseState.OPEN, page)
        : promises.findByStateAndDueAtBeforeOrderByDueAtAscIdAsc(PromiseState.OPEN, dueBefore, page);
    return open.stream().map(PromiseView::of).toList();
  }

  @Transactional(readOnly = true)
  public PromiseView view(Long promiseId) {
    return PromiseView.of(get(promiseId));
  }

  /** The promise-kept rate: kept plus renegotiated in time, over all finished promises. */
  @Transactional(readOnly = true)
  public KeptRate keptRate() {
    Map<PromiseState, Long> byState = new LinkedHashMap<>();
    for (PromiseState state : PromiseState.values()) {
      byState.put(state, 0L);
    }
    promises.countByState().forEach(count -> byState.put(count.getState(), count.getCount()));
    long renegotiatedLate = promises.countRenegotiatedLate();
    long kept = byState.get(PromiseState.KEPT);
    long renegotiatedInTime = byState.get(PromiseState.RENEGOTIATED) - renegotiatedLate;
    long finished = kept + byState.get(PromiseState.RENEGOTIATED) + byState.get(PromiseState.BROKEN);
    Double rate = finished == 0 ? null : (double) (kept + renegotiatedInTime) / finished;
    return new KeptRate(byState.get(PromiseState.OPEN), finished, kept, renegotiatedInTime,
        byState.get(PromiseState.BROKEN), byState.get(PromiseState.RELEASED), rate);
  }

  /**
   * Released promises (their complaint closed without them, the customer told) are counted apart: neither kept
   * nor broken, so outside the rate.
   */
  public record KeptRate(long open, long finished, long kept, long renegotiatedInTime, long broken, long released,
      Double keptRate) {}

  private Promise open(Long promiseId) {
    Promise promise = get(promiseId);
    if (promise.getState() != PromiseState.OPEN) {
      throw new ConflictException("Promise " + promiseId + " is " + promise.getState() + ", no longer open");
    }
    return promise;
  }

  private Promise get(Long promiseId) {
    return promises.findById(promiseId).orElseThrow(() -> new PromiseNotFoundException(promiseId));
  }

  private Instant now() {
    return Instant.now(clock);
  }
}
