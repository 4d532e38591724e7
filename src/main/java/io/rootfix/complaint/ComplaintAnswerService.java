package io.rootfix.complaint;

import io.rootfix.notify.CustomerMessage;
import io.rootfix.notify.MessageTemplate;
import io.rootfix.promise.PromiseService;
import io.rootfix.promise.PromiseType;
import io.rootfix.reason.ControlledReasons;
import io.rootfix.reason.Reason;
import io.rootfix.reason.ReasonStep;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The answer and what follows it: the agent's draft, the answer sent with its evidence, the customer's word on it,
 * reopening, and every way a complaint closes (never without its recorded answer). Called by the complaint process's
 * delegates and listeners, in the engine's transaction.
 */
@Service
@Transactional
public class ComplaintAnswerService {

  static final String NO_REPLY_NOTE = "Closed without the customer's reply within the agreed time.";

  private final ComplaintRepository complaints;
  private final AnswerEvidenceRepository evidence;
  private final ComplaintCorrespondence correspondence;
  private final ComplaintService handling;
  private final PromiseService promises;
  private final ControlledReasons reasons;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  ComplaintAnswerService(ComplaintRepository complaints, AnswerEvidenceRepository evidence,
      ComplaintCorrespondence correspondence, ComplaintService handling, PromiseService promises,
      ControlledReasons reasons, ApplicationEventPublisher events, Clock clock) {
    this.complaints = complaints;
    this.evidence = evidence;
    this.correspondence = correspondence;
    this.handling = handling;
    this.promises = promises;
    this.reasons = reasons;
    this.events = events;
    this.clock = clock;
  }

  /**
   * The agent's answer, stored as a draft on the complaint, which is returned: the review policy decides next whether
   * a team lead reads it first.
   */
  Complaint draftAnswer(long complaintId, String answerText, String by) {
    Complaint complaint = complaints.require(complaintId);
    complaint.draftAnswer(answerText, by, now());
    return complaint;
  }

  /**
   * The drafted answer goes to the customer on their channel and keeps the answer promise; what was sent, on which
   * channel and when is kept as the evidence of the answer.
   *
   * <p>Whether it was reviewed, and why, is the review policy's decision on the complaint row ({@link #reviewDecided});
   * a draft decided before 8 December 2026 has it in its process, which passes it as {@code decidedInTheProcess}.
   *
   * @param reviewedBy the team lead who approved it, if the policy asked for a review
   */
  public AnswerEvidence sendAnswer(long complaintId, ReviewDecision decidedInTheProcess, String reviewedBy) {
    Complaint complaint = complaints.require(complaintId);
    ReviewDecision decided = complaint.getAnswerReviewNeeded() != null
        ? new ReviewDecision(complaint.getAnswerReviewNeeded(), complaint.getAnswerReviewPolicy()) : decidedInTheProcess;
    complaint.reportBack(now());
    CustomerMessage message = correspondence.report(complaint);
    promises.keepOpen(complaintId, PromiseType.ANSWER);
    return evidence.save(new AnswerEvidence(message, complaint.getAnswerText(), complaint.getAnswerDraftedBy(),
        decided.needed(), decided.policy(), decided.needed() ? reviewedBy : null));
  }

  /**
   * Who wrote the draft that awaits sending ({@link Complaint#pendingDraftBy}), from the complaint row; a draft
   * written before 8 December 2026 after an earlier answer was sent has it only in its process, passed as
   * {@code keptInTheProcess}.
   */
  public String pendingDraftBy(long complaintId, String keptInTheProcess) {
    String onRecord = complaints.require(complaintId).pendingDraftBy();
    return onRecord != null ? onRecord : keptInTheProcess;
  }

  /** The answer review policy's decision on a draft: whether a team lead reads it first, and the rule's reason. */
  public record ReviewDecision(boolean needed, String policy) {}

  /** The review policy decided on the latest draft: kept on the complaint until the answer goes out. */
  void reviewDecided(long complaintId, ReviewDecision decision) {
    complaints.require(complaintId).reviewDecided(decision.needed(), decision.policy(), now());
  }

  /** The report around the agent's answer: subject and greeting before it, the rest and the signature after it. */
  public record ReportPreview(String opening, String closing) {}

  @Transactional(readOnly = true)
  public ReportPreview reportPreview(long complaintId) {
    String marker = "\u0000ANSWER\u0000";
    MessageTemplate.Rendered rendered = correspondence.preview(complaints.require(complaintId), marker);
    String whole = rendered.subject() + "\n\n" + rendered.body();
    int at = whole.indexOf(marker);
    return at < 0
        ? new ReportPreview(whole, "")
        : new ReportPreview(whole.substring(0, at), whole.substring(at + marker.length()));
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
    complaints.require(complaintId).recordCustomerReply(customerComment, now());
  }

  /** Returns how often the complaint has been reopened now. */
  public int reopen(long complaintId) {
    return complaints.require(complaintId).reopen(now());
  }

  public void pointToDisputesCommittee(long complaintId) {
    correspondence.pointToDisputesCommittee(complaints.require(complaintId));
  }

  public void closeResolved(long complaintId) {
    Complaint complaint = complaints.require(complaintId);
    requireRecordedAnswer(complaint);
    settlePromisesOnClose(complaint, "resolved, confirmed by the customer");
    complaint.close("Resolved, confirmed by the customer.", now());
    correspondence.closing(complaint);
    events.publishEvent(new ComplaintClosedEvent(complaint.getId(), complaint.getTrackingNumber()));
  }

  /** Nobody replied within the agreed time: closed with the NO_REPLY reason, recorded by the process. */
  public void closeWithoutReply(long complaintId) {
    Complaint complaint = complaints.require(complaintId);
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
    Complaint complaint = complaints.require(complaintId);
    requireRecordedAnswer(complaint);
    String label = reasons.find(ReasonStep.CLOSE_WITHOUT_CONFIRMATION, reasonCode).map(Reason::label).orElse(reasonCode);
    settlePromisesOnClose(complaint, "closed without the customer's confirmation (" + label + ")");
    complaint.close("Closed without the customer's confirmation (" + label + "): " + note, now());
    correspondence.closingUnconfirmed(complaint);
    events.publishEvent(new ComplaintClosedEvent(complaint.getId(), complaint.getTrackingNumber()));
  }

  /**
   * Closing: nothing about a promise follows a closed complaint. Whatever is still open (a close the customer
   * confirmed through a channel, no reply in time) is released and the customer told; every watch still running
   * ends without a reminder, a renegotiation task, an apology or an escalation.
   */
  private void settlePromisesOnClose(Complaint complaint, String why) {
    // No words of an agent: the template says that closing ends them.
    handling.releaseOpenPromises(complaint.getId(), "Released when the complaint closed: " + why, null, null);
    promises.endWatchesOf(complaint.getId(), why);
  }

  private Instant now() {
    return Instant.now(clock);
  }
}
