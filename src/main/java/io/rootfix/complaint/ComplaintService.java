package io.rootfix.complaint;

import io.rootfix.web.InvalidInputException;
import io.rootfix.calendar.BusinessCalendar;
import io.rootfix.customer.CustomerDirectory;
import io.rootfix.customer.Recognition;
import io.rootfix.notify.Outbox;
import io.rootfix.promise.PromiseBrokenEvent;
import io.rootfix.promise.PromiseRenegotiatedEvent;
import io.rootfix.promise.PromiseService;
import io.rootfix.promise.PromiseSettings;
import io.rootfix.promise.PromiseState;
import io.rootfix.promise.PromiseTexts;
import io.rootfix.promise.PromiseView;
import io.rootfix.promise.PromiseType;
import io.rootfix.notify.CustomerMessage;
import io.rootfix.notify.MessageTemplate;
import io.rootfix.reason.ControlledReasons;
import io.rootfix.reason.Reason;
import io.rootfix.reason.ReasonStep;
import io.rootfix.rootcause.RootCause;
import io.rootfix.rootcause.RootCauseService;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything that happens to a complaint. Called by the complaint process's delegates and listeners (in
 * the engine's transaction) and by the API.
 */
@Service
@Transactional
public class ComplaintService {

  static final String NO_REPLY_NOTE = "Closed without the customer's reply within the agreed time.";

  private final ComplaintRepository complaints;
  private final CustomerDirectory customers;
  private final ComplaintCorrespondence correspondence;
  private final TrackingNumbers trackingNumbers;
  private final PromiseService promises;
  private final RootCauseService rootCauses;
  private final BusinessCalendar calendar;
  private final Outbox outbox;
  private final RepeatContacts repeatContacts;
  private final String updateInterval;
  private final Validator validator;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final LocalTime answerDueTime;
  private final AnswerEvidenceRepository evidence;
  private final ControlledReasons reasons;

  public ComplaintService(AnswerEvidenceRepository evidence, ControlledReasons reasons, ComplaintRepository complaints, CustomerDirectory customers,
      ComplaintCorrespondence correspondence, TrackingNumbers trackingNumbers, PromiseService promises,
      RootCauseService rootCauses, BusinessCalendar calendar, Outbox outbox, RepeatContacts repeatContacts,
      Validator validator, ApplicationEventPublisher events, Clock clock,
      PromiseSettings promiseSettings, ComplaintSettings settings) {
    this.evidence = evidence;
    this.reasons = reasons;
    this.outbox = outbox;
    this.repeatContacts = repeatContacts;
    this.events = events;
    this.updateInterval = settings.updateInterval();
    this.promises = promises;
    this.rootCauses = rootCauses;
    this.calendar = calendar;
    this.answerDueTime = promiseSettings.answerDueTime();
    this.complaints = complaints;
    this.customers = customers;
    this.correspondence = correspondence;
    this.trackingNumbers = trackingNumbers;
    this.validator = validator;
    this.clock = clock;
  }

  /**
   * The intake's rules, checked once per contact, and the intake typed: by the intake API before it starts the
   * process, or by the process's first step for the phone-intake start form's values.
   */
  ComplaintIntake checked(IntakeForm form) {
    return InvalidInputException.requireValid(validator, form).toIntake();
  }

  /**
   * The first step of every contact: recognises the customer, and finds their open complaint this contact is about.
   * With conflicting details there is no telling whose complaint it would be, so it is a new matter.
   */
  RecognisedContact recogniseContact(ComplaintIntake intake) {
    Recognition recognition = customers.recognise(intake.contactDetails());
    String repeatOf = recognition.identityConflict() != null
        ? null
        : repeatContacts.openMatter(recognition.customer(), intake).map(Complaint::getTrackingNumber).orElse(null);
    return new RecognisedContact(recognition, repeatOf);
  }

  /** @param repeatOf the tracking number of the open complaint the contact is about; null for a new matter */
  public record RecognisedContact(Recognition recognition, String repeatOf) {}

  /** A new matter: the complaint is filed under its customer; a conflict between their details stays visible. */
  Complaint register(ComplaintIntake intake, String processInstanceId, long customerId, String identityConflict) {
    Complaint complaint = new Complaint(intake, now());
    complaint.assignTrackingNumber(trackingNumbers.next());
    complaint.startedAs(processInstanceId);
    complaint.belongsTo(customers.get(customerId), identityConflict);
    Complaint saved = complaints.save(complaint);
    // ISO 10002: a complaint that came in writing is acknowledged at once, with its tracking number and what
    // happens next; in the outbox, so it goes out exactly when the intake committed. The agreed date follows.
    if (saved.getChannel() == Channel.WEB || saved.getChannel() == Channel.EMAIL) {
      correspondence.acknowledge(saved);
    }
    return saved;
  }

  /** A repeat contact joins the open complaint; returns it for the complaint's owner to see. */
  Contact attachContact(String trackingNumber, ComplaintIntake intake) {
    return repeatContacts.attach(trackingNumber, intake);
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

  /** Agreeing the expectation is making the answer promise: returns its deadline. */
  public Instant agreeExpectation(long complaintId, Expectation expectation, String owner) {
    Complaint complaint = get(complaintId);
    complaint.agreeExpectation(expectation, owner, now());
    Instant dueAt = expectation.agreedAnswerDate().atTime(answerDueTime).atZone(clock.getZone()).toInstant();
    if (!dueAt.isAfter(now())) {
      // "Today" agreed after the usual answer time: the promise holds until the end of the day.
      dueAt = expectation.agreedAnswerDate().plusDays(1).atStartOfDay(clock.getZone()).toInstant().minusSeconds(1);
    }
    promises.make(new PromiseService.NewPromise(complaint.getId(), complaint.getTrackingNumber(), PromiseType.ANSWER,
        PromiseTexts.answerBy(complaint.getLanguage(), expectation.agreedAnswerDate()),
        null, dueAt, owner, owner));
    return dueAt;
  }

  public void makePromise(long complaintId, PromiseType type, String text, Instant windowFrom, Instant dueAt,
      String madeBy, String owner) {
    Complaint complaint = get(complaintId);
    promises.make(new PromiseService.NewPromise(complaint.getId(), complaint.getTrackingNumber(), type, text,
        windowFrom, dueAt, madeBy, owner));
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
      complaint.answerDateMoved(LocalDate.ofInstant(event.newDueAt(), clock.getZone()), now());
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

  /**
   * Closing: nothing about a promise follows a closed complaint. Whatever is still open (a close the customer
   * confirmed through a channel, no reply in time) is released and the customer told; every watch still running
   * ends without a reminder, a renegotiation task, an apology or an escalation.
   */
  private void settlePromisesOnClose(Complaint complaint, String why) {
    // No words of an agent: the template says that closing ends them.
    releaseOpenPromises(complaint.getId(), "Released when the complaint closed: " + why, null, null);
    promises.endWatchesOf(complaint.getId(), why);
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

  /** The agent's answer, stored as a draft: the review policy decides whether a team lead reads it first. */
  public void draftAnswer(long complaintId, String answerText, String by) {
    get(complaintId).draftAnswer(answerText, by, now());
  }

  /**
   * The drafted answer goes to the customer on their channel and keeps the answer promise; what was sent, on which
   * channel and when is kept as the evidence of the answer.
   *
   * @param reviewedBy the team lead who approved it; null when the policy asked for no review
   */
  public AnswerEvidence sendAnswer(long complaintId, boolean reviewRequired, String reviewPolicy, String reviewedBy) {
    Complaint complaint = get(complaintId);
    complaint.reportBack(now());
    CustomerMessage message = correspondence.report(complaint);
    promises.keepOpen(complaintId, PromiseType.ANSWER);
    return evidence.save(new AnswerEvidence(message, complaint.getAnswerText(), complaint.getAnswerDraftedBy(),
        reviewRequired, reviewPolicy, reviewedBy));
  }

  /** The report around the agent's answer: subject and greeting before it, the rest and the signature after it. */
  public record ReportPreview(String opening, String closing) {}

  @Transactional(readOnly = true)
  public ReportPreview reportPreview(long complaintId) {
    String marker = "\u0000ANSWER\u0000";
    MessageTemplate.Rendered rendered = correspondence.preview(get(complaintId), marker);
    String whole = rendered.subject() + "\n\n" + rendered.body();
    int at = whole.indexOf(marker);
    return at < 0
        ? new ReportPreview(whole, "")
        : new ReportPreview(whole.substring(0, at), whole.substring(at + marker.length()));
  }

  /** Every answer sent about the complaint, oldest first. */
  @Transactional(readOnly = true)
  public List<AnswerEvidence> answersOf(long complaintId) {
    return evidence.findByComplaint_IdOrderBySentAtAscCustomerMessageIdAsc(complaintId);
  }

  /**
   * Nothing closes without its answer: each round (the first and one after every reopen) sent an answer that is on
   * record. A complaint moved past "Send the answer" by hand, or whose evidence is missing, stays open.
   */
  private void requireRecordedAnswer(Complaint complaint) {
    long answers = evidence.countByComplaint_Id(complaint.getId());
    if (answers <= complaint.getReopenCount()) {
      throw new IllegalStateException("Complaint " + complaint.getTrackingNumber()
          + " has no recorded answer to the customer" + (complaint.getReopenCount() > 0 ? " since it was reopened" : "")
          + ": it cannot close until the answer is sent and recorded");
    }
  }

  public void recordCustomerReply(long complaintId, String customerComment) {
    get(complaintId).recordCustomerReply(customerComment, now());
  }

  /** Returns how often the complaint has been reopened now. */
  public int reopen(long complaintId) {
    return get(complaintId).reopen(now());
  }

  public void pointToDisputesCommittee(long complaintId) {
    correspondence.pointToDisputesCommittee(get(complaintId));
  }

  public void closeResolved(long complaintId) {
    Complaint complaint = get(complaintId);
    requireRecordedAnswer(complaint);
    settlePromisesOnClose(complaint, "resolved, confirmed by the customer");
    complaint.close("Resolved, confirmed by the customer.", now());
    correspondence.closing(complaint);
    events.publishEvent(new ComplaintClosedEvent(complaint.getId(), complaint.getTrackingNumber()));
  }

  /** Nobody replied within the agreed time: closed with the NO_REPLY reason, recorded by the process. */
  public void closeWithoutReply(long complaintId) {
    Complaint complaint = get(complaintId);
    requireRecordedAnswer(complaint);
    // The waiting time is the model's (Timer_NoReply), which process owners may change: the note states
    // what happened, not what the model said when this was written.
    Instant answered = evidence.findFirstByComplaint_IdOrderBySentAtDesc(complaint.getId()).orElseThrow().getSentAt();
    long days = Duration.between(answered, now()).toDays();
    reasons.recordAutomatic(complaint.getId(), complaint.getTrackingNumber(), ReasonStep.CLOSE_WITHOUT_CONFIRMATION,
        ReasonStep.NO_REPLY, "No reply in the " + days + (days == 1 ? " day" : " days") + " since our answer was sent.",
        "system");
    settlePromisesOnClose(complaint, "no reply from the customer in time");
    complaint.close(NO_REPLY_NOTE, now());
    correspondence.closing(complaint);
    events.publishEvent(new ComplaintClosedEvent(complaint.getId(), complaint.getTrackingNumber()));
  }

  /**
   * An agent closed it without the customer's confirmation, with a reason (recorded when they chose it) and a
   * note; the customer hears that we close it, not the internal note.
   */
  public void closeWithoutConfirmation(long complaintId, String reasonCode, String note) {
    Complaint complaint = get(complaintId);
    requireRecordedAnswer(complaint);
    String label = reasons.find(ReasonStep.CLOSE_WITHOUT_CONFIRMATION, reasonCode).map(Reason::label).orElse(reasonCode);
    settlePromisesOnClose(complaint, "closed without the customer's confirmation (" + label + ")");
    complaint.close("Closed without the customer's confirmation (" + label + "): " + note, now());
    correspondence.closingUnconfirmed(complaint);
    events.publishEvent(new ComplaintClosedEvent(complaint.getId(), complaint.getTrackingNumber()));
  }

  /** A merged complaint's number leads to the complaint it was merged into. */
  @Transactional(readOnly = true)
  public Complaint byTrackingNumber(String trackingNumber) {
    return complaints.findFollowingMerges(trackingNumber)
        .orElseThrow(() -> new ComplaintNotFoundException(trackingNumber));
  }

  /**
   * Ends the merged complaint (its process's event subprocess calls this): its contacts, promises and
   * messages move to the survivor, which counts it as a repeat contact. Returns the contact it became.
   */
  public Contact mergeInto(long mergedId, String survivorTrackingNumber, String note, String by) {
    Complaint merged = get(mergedId);
    Complaint survivor = byTrackingNumber(survivorTrackingNumber);
    Contact contact = repeatContacts.absorb(merged, survivor);
    promises.moveTo(merged.getTrackingNumber(), survivor.getId(), survivor.getTrackingNumber());
    outbox.moveTo(merged.getId(), survivor.getId(), survivor.getTrackingNumber());
    merged.mergeInto(survivor, "Merged into " + survivor.getTrackingNumber() + (by == null ? "" : " by " + by)
        + ": " + note, now());
    return contact;
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
    return complaints.findById(complaintId)
        .orElseThrow(() -> new IllegalStateException("No complaint with id " + complaintId));
  }

  private Instant now() {
    return Instant.now(clock);
  }
}
