package io.rootfix.promise;

import io.rootfix.promise.PromisePolicy.Timers;
import io.rootfix.web.ConflictException;
import io.rootfix.web.InvalidInputException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
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
  private final RuntimeService runtimeService;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  public PromiseService(PromiseRepository promises, PromisePolicy policy, RuntimeService runtimeService,
      ApplicationEventPublisher events, Clock clock) {
    this.promises = promises;
    this.policy = policy;
    this.runtimeService = runtimeService;
    this.events = events;
    this.clock = clock;
  }

  /** What an agent promised; {@code windowFrom} only for a window ("between 14:00 and 18:00"). */
  public record NewPromise(Long complaintId, String trackingNumber, PromiseType type, String text,
      Instant windowFrom, Instant dueAt, String madeBy, String owner) {}

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
    Map<String, Object> variables = new LinkedHashMap<>(timerVariables(policy.timersFor(now, promise.getDueAt())));
    variables.put(PromiseProcess.Var.PROMISE_ID, promise.getId());
    variables.put(PromiseProcess.Var.TRACKING_NUMBER, promise.getTrackingNumber());
    variables.put(PromiseProcess.Var.PROMISE_TYPE, promise.getType().name());
    variables.put(PromiseProcess.Var.PROMISE_TEXT, promise.getText());
    variables.put(PromiseProcess.Var.OWNER, spec.owner());
    String instanceId = runtimeService.startProcessInstanceByKey(PromiseProcess.KEY,
        spec.trackingNumber() + "/" + promise.getId(), variables).getId();
    promise.watchedBy(instanceId);
    return promise;
  }

  /**
   * A complaint merged into another: its promises, open or finished, belong to the other now, and the
   * watches of the open ones go on, showing its tracking number (their business key, which the engine
   * cannot change, keeps the old one).
   */
  public void moveTo(String fromTrackingNumber, Long toComplaintId, String toTrackingNumber) {
    for (Promise promise : promises.findByTrackingNumberOrderByMadeAtAscIdAsc(fromTrackingNumber)) {
      promise.movedTo(toComplaintId, toTrackingNumber);
      if (promise.getState() == PromiseState.OPEN && promise.getProcessInstanceId() != null) {
        runtimeService.setVariable(promise.getProcessInstanceId(), PromiseProcess.Var.TRACKING_NUMBER, toTrackingNumber);
      }
    }
  }

  /** Keeps the open promises of this type on the complaint, e.g. the answer promise at "Report back". */
  public void keepOpen(Long complaintId, PromiseType type) {
    for (Promise promise : promises.findByComplaintIdAndTypeAndState(complaintId, type, PromiseState.OPEN)) {
      keep(promise);
    }
  }

  /** Ends the watch as kept (Task_MarkKept records it). */
  public void keep(Long promiseId) {
    keep(open(promiseId));
  }

  private void keep(Promise promise) {
    runtimeService.createMessageCorrelation(PromiseProcess.MESSAGE_KEPT)
        .processInstanceId(promise.getProcessInstanceId())
        .correlate();
  }

  /** A new date agreed outside the "Renegotiate in time" task: the watch starts over with the new dates. */
  public PromiseView renegotiate(Long promiseId, Instant newDueAt, String reason, String by) {
    Promise promise = open(promiseId);
    moveWatch(promise, recordRenegotiation(promise, newDueAt, reason, by, now()));
    return PromiseView.of(promise);
  }

  /** A new date agreed in the "Renegotiate in time" task; returns the timer variables of the new watch. */
  Map<String, Object> renegotiateInTask(Long promiseId, Instant newDueAt, String reason, String by) {
    return timerVariables(recordRenegotiation(open(promiseId), newDueAt, reason, by, now()));
  }

  /**
   * Waiting for the customer pauses the complaint's open promises of this type: their watch parks its
   * timers (no reminder, no renegotiation task, no breach while the customer owes us an answer).
   */
  public void pauseOpen(Long complaintId, PromiseType type) {
    Instant now = now();
    Instant parked = now.plus(PARKED);
    for (Promise promise : promises.findByComplaintIdAndTypeAndState(complaintId, type, PromiseState.OPEN)) {
      promise.pause(now);
      moveWatch(promise, new Timers(parked, parked, parked));
    }
  }

  /**
   * The wait is over: the watch resumes with the date moved by the time waited. The customer knew since
   * the wait began, so it counts as told in time when that was before the old date.
   */
  public void resumeOpen(Long complaintId, PromiseType type, String reason) {
    Instant now = now();
    for (Promise promise : promises.findByComplaintIdAndTypeAndState(complaintId, type, PromiseState.OPEN)) {
      Instant pausedSince = promise.resume();
      if (pausedSince == null) {
        continue;
      }
      Instant newDueAt = promise.getDueAt().plus(java.time.Duration.between(pausedSince, now));
      moveWatch(promise, recordRenegotiation(promise, newDueAt, reason, null, pausedSince));
    }
  }

  private void moveWatch(Promise promise, Timers timers) {
    runtimeService.createMessageCorrelation(PromiseProcess.MESSAGE_RENEGOTIATED)
        .processInstanceId(promise.getProcessInstanceId())
        .setVariables(timerVariables(timers))
        .correlate();
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

  void markKept(Long promiseId) {
    get(promiseId).kept(now());
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
    return promises.findByTrackingNumberOrderByMadeAtAscIdAsc(trackingNumber).stream().map(PromiseView::of).toList();
  }

  /** The open promises of these complaints, nearest their deadline first. */
  @Transactional(readOnly = true)
  public List<PromiseView> openOf(Collection<Long> complaintIds) {
    if (complaintIds.isEmpty()) {
      return List.of();
    }
    return promises.findByComplaintIdInAndStateOrderByDueAtAsc(complaintIds, PromiseState.OPEN).stream()
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
        byState.get(PromiseState.BROKEN), rate);
  }

  public record KeptRate(long open, long finished, long kept, long renegotiatedInTime, long broken,
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

  private static Map<String, Object> timerVariables(Timers timers) {
    return Map.of(
        PromiseProcess.Var.REMIND_AT, Date.from(timers.remindAt()),
        PromiseProcess.Var.RENEGOTIATE_AT, Date.from(timers.renegotiateAt()),
        PromiseProcess.Var.DUE_AT, Date.from(timers.dueAt()));
  }

  private Instant now() {
    return Instant.now(clock);
  }
}
