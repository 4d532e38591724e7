package io.rootfix.complaint;

import io.rootfix.customer.Customer;
import io.rootfix.customer.HandleNetwork;
import io.rootfix.persistence.SequencedEntity;
import io.rootfix.process.TaskForm;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One complaint: what the customer told us, what was agreed, and the outcome of every step. Its state
 * follows the complaint process; the methods below are the only way to change it.
 */
@Entity
public class Complaint extends SequencedEntity {

  @Column(nullable = false, unique = true, length = 20)
  private String trackingNumber;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "customer_id")
  private Customer customer;

  @Column(length = 64)
  private String processInstanceId;

  // The contact details as the customer gave them on this channel.
  @Column(nullable = false, length = 200)
  private String contactName;

  @Column(length = 320)
  private String contactEmail;

  @Column(length = 32)
  private String contactPhone;

  @Column(length = 100)
  private String contactHandle;

  @Enumerated(EnumType.STRING)
  @Column(length = 16)
  private HandleNetwork handleNetwork;

  /**
   * Set when the contact details belong to different known customers: what an agent should check. The
   * customers are not merged.
   */
  @Column(length = 1000)
  private String identityConflict;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private Channel channel;

  /** The language the customer hears from us in, from the channel (nl, en). */
  @Column(nullable = false, length = 2)
  private String language;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private Category category;

  @Column(nullable = false, length = 4000)
  private String description;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private DesiredOutcome desiredOutcome;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private Severity severity = Severity.NORMAL;

  private LocalDate wantedAnswerDate;

  /** What the customer claims (EUR), when they said; the remedy policy's amount. */
  @Column(precision = 19, scale = 2)
  private BigDecimal claimedAmount;

  /** The order or product the complaint is about, when the customer gave it. */
  @Column(length = 100)
  private String orderReference;

  private LocalDate agreedAnswerDate;

  /** The answer promise's deadline (its due time on the agreed date); null before the expectation is agreed. */
  private Instant answerDueAt;

  @Enumerated(EnumType.STRING)
  @Column(length = 16)
  private ContactPreference contactPreference;

  @Column(length = 2000)
  private String expectationNote;

  /** The agent who agreed the expectation with the customer and owns the complaint. */
  @Column(length = 64)
  private String owner;

  @Column(length = 4000)
  private String patchDescription;

  @Column(length = 4000)
  private String rootCauseDescription;

  /** The root cause (problem record) this complaint is linked to; null for a one-off. */
  private Long rootCauseId;

  @Column(nullable = false)
  private boolean oneOff;

  @Column(length = 2000)
  private String oneOffReason;

  @Column(length = 2000)
  private String informationRequest;

  @Column(length = 4000)
  private String customerInformation;

  /** Since when we wait for the customer's information; null when not waiting. */
  private Instant waitingSince;

  @Column(length = 4000)
  private String fixDescription;

  /** The answer as the agent drafted it on "Report back", before review and sending. */
  @Column(length = 4000)
  private String answerDraft;

  @Column(length = 64)
  private String answerDraftedBy;

  /** When the latest draft was written; null on drafts written before 8 December 2026. */
  private Instant answerDraftedAt;

  /** The review policy's decision on the latest draft; null until it is decided (ComplaintAnswerService#reviewDecided). */
  private Boolean answerReviewNeeded;

  @Column(length = 200)
  private String answerReviewPolicy;

  /** The answer as sent (the latest one). */
  @Column(length = 4000)
  private String answerText;

  private Instant reportedAt;

  @Column(length = 2000)
  private String customerComment;

  @Column(length = 2000)
  private String closingNote;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private ComplaintState state;

  @Column(nullable = false)
  private int reopenCount;

  /** How often the customer contacted us again about this complaint while it was open. */
  @Column(nullable = false)
  private int repeatContacts;

  /** When the customer last contacted us about it: the intake or their latest repeat contact. */
  @Column(nullable = false)
  private Instant lastContactAt;

  @Column(nullable = false)
  private Instant createdAt;

  @Column(nullable = false)
  private Instant updatedAt;

  private Instant closedAt;

  /** The tracking number of the complaint this one was merged into; its own number leads there. */
  @Column(length = 20)
  private String mergedInto;

  @Version
  private long version;

  protected Complaint() {}

  Complaint(ComplaintIntake intake, Instant now) {
    this.contactName = intake.customerName();
    this.contactEmail = intake.customerEmail();
    this.contactPhone = intake.customerPhone();
    this.contactHandle = intake.customerHandle();
    this.handleNetwork = intake.handleNetwork();
    this.channel = intake.channel();
    this.language = intake.language().code();
    this.category = intake.category();
    this.description = intake.description();
    this.desiredOutcome = intake.desiredOutcome();
    this.wantedAnswerDate = intake.wantedAnswerDate();
    this.claimedAmount = intake.claimedAmount();
    this.orderReference = intake.orderReference();
    this.severity = intake.severity() == null ? Severity.NORMAL : intake.severity();
    this.state = ComplaintState.RECEIVED;
    this.createdAt = now;
    this.updatedAt = now;
    this.lastContactAt = now;
  }

  void assignTrackingNumber(String trackingNumber) {
    this.trackingNumber = trackingNumber;
  }

  void startedAs(String processInstanceId) {
    this.processInstanceId = processInstanceId;
  }

  void belongsTo(Customer customer, String identityConflict) {
    this.customer = customer;
    this.identityConflict = identityConflict;
  }

  void agreeExpectation(Expectation expectation, Instant answerDueAt, String owner, Instant now) {
    requireState(ComplaintState.RECEIVED);
    this.desiredOutcome = expectation.desiredOutcome();
    this.agreedAnswerDate = expectation.agreedAnswerDate();
    this.answerDueAt = answerDueAt;
    this.contactPreference = expectation.contactPreference();
    this.expectationNote = expectation.note();
    this.owner = owner;
    moveTo(ComplaintState.IN_PROGRESS, now);
  }

  void answerDateMoved(Instant newDueAt, LocalDate newDate, Instant now) {
    this.answerDueAt = newDueAt;
    this.agreedAnswerDate = newDate;
    this.updatedAt = now;
  }

  void recordPatch(String patchDescription, Instant now) {
    requireState(ComplaintState.IN_PROGRESS);
    this.patchDescription = patchDescription;
    this.updatedAt = now;
  }

  void linkRootCause(Long rootCauseId, String rootCauseDescription, Instant now) {
    recordRootCause(rootCauseDescription, false, null, now);
    this.rootCauseId = rootCauseId;
  }

  void recordRootCause(String rootCauseDescription, boolean oneOff, String oneOffReason, Instant now) {
    requireState(ComplaintState.IN_PROGRESS, ComplaintState.REOPENED);
    this.rootCauseId = null;
    this.rootCauseDescription = rootCauseDescription;
    // A new finding (a reopened complaint's next round) is fixed by its own root cause, not by the one found before.
    this.fixDescription = null;
    this.oneOff = oneOff;
    this.oneOffReason = oneOff ? oneOffReason : null;
    moveTo(oneOff ? ComplaintState.IN_PROGRESS : ComplaintState.WAITING_FOR_FIX, now);
  }

  void awaitInformation(String request, Instant now) {
    requireState(ComplaintState.IN_PROGRESS, ComplaintState.REOPENED);
    this.informationRequest = request;
    this.customerInformation = null;
    this.waitingSince = now;
    moveTo(ComplaintState.WAITING_FOR_CUSTOMER, now);
  }

  void informationReceived(String information, Instant now) {
    requireState(ComplaintState.WAITING_FOR_CUSTOMER);
    this.customerInformation = information;
    this.updatedAt = now;
  }

  /** Returns how long we waited for the customer. */
  java.time.Duration resumeAfterWaiting(Instant now) {
    requireState(ComplaintState.WAITING_FOR_CUSTOMER);
    java.time.Duration waited = java.time.Duration.between(waitingSince, now);
    this.waitingSince = null;
    moveTo(ComplaintState.IN_PROGRESS, now);
    return waited;
  }

  void recordFix(String fixDescription, Instant now) {
    requireState(ComplaintState.WAITING_FOR_FIX);
    this.fixDescription = fixDescription;
    moveTo(ComplaintState.IN_PROGRESS, now);
  }

  /** The agent's draft: stored, not sent. A returned draft is replaced by the next one. */
  void draftAnswer(String draft, String by, Instant now) {
    requireState(ComplaintState.IN_PROGRESS);
    this.answerDraft = draft;
    this.answerDraftedBy = by;
    this.answerDraftedAt = now;
    // A new draft awaits its own decision.
    this.answerReviewNeeded = null;
    this.answerReviewPolicy = null;
    this.updatedAt = now;
  }

  /** The answer review policy decided on the draft: whether a team lead reads it first, and why. */
  void reviewDecided(boolean needed, String policy, Instant now) {
    requireState(ComplaintState.IN_PROGRESS);
    this.answerReviewNeeded = needed;
    this.answerReviewPolicy = policy == null ? null : TaskForm.shorten(policy, 200);
    this.updatedAt = now;
  }

  /** The draft goes out as the answer. */
  void reportBack(Instant now) {
    requireState(ComplaintState.IN_PROGRESS);
    if (answerDraft == null) {
      throw new IllegalStateException("Complaint " + trackingNumber + " has no drafted answer to send");
    }
    this.answerText = answerDraft;
    this.reportedAt = now;
    moveTo(ComplaintState.REPORTED, now);
  }

  void recordCustomerReply(String customerComment, Instant now) {
    requireState(ComplaintState.REPORTED);
    this.customerComment = customerComment;
    this.updatedAt = now;
  }

  /** The customer came back about this complaint while it was open (see {@link Contact}). */
  void recordRepeatContact(Instant now) {
    requireOpen();
    repeatContacts++;
    lastContactAt = now;
    updatedAt = now;
  }

  public boolean isOpen() {
    return state != ComplaintState.CLOSED && state != ComplaintState.MERGED;
  }

  /** This complaint ends: the survivor goes on with everything it had. */
  void mergeInto(Complaint survivor, String note, Instant now) {
    requireOpen();
    this.mergedInto = survivor.getTrackingNumber();
    this.closingNote = note;
    this.closedAt = now;
    moveTo(ComplaintState.MERGED, now);
  }

  /** A complaint merged into this one was the customer coming back: it counts, with its own repeat contacts. */
  void absorb(Complaint merged, Instant now) {
    requireOpen();
    repeatContacts += 1 + merged.getRepeatContacts();
    if (merged.getLastContactAt().isAfter(lastContactAt)) {
      lastContactAt = merged.getLastContactAt();
    }
    updatedAt = now;
  }

  private void requireOpen() {
    if (!isOpen()) {
      throw new IllegalStateException("Complaint " + trackingNumber + " is " + state + ", no longer open");
    }
  }

  int reopen(Instant now) {
    requireState(ComplaintState.REPORTED);
    reopenCount++;
    moveTo(ComplaintState.REOPENED, now);
    return reopenCount;
  }

  void close(String closingNote, Instant now) {
    requireState(ComplaintState.REPORTED);
    this.closingNote = closingNote;
    this.closedAt = now;
    moveTo(ComplaintState.CLOSED, now);
  }

  private void moveTo(ComplaintState next, Instant now) {
    this.state = next;
    this.updatedAt = now;
  }

  private void requireState(ComplaintState... allowed) {
    for (ComplaintState s : allowed) {
      if (state == s) {
        return;
      }
    }
    throw new IllegalStateException(
        "Complaint " + trackingNumber + " is " + state + "; this step needs " + java.util.Arrays.toString(allowed));
  }

  public String getTrackingNumber() {
    return trackingNumber;
  }

  public Customer getCustomer() {
    return customer;
  }

  public String getProcessInstanceId() {
    return processInstanceId;
  }

  public String getContactName() {
    return contactName;
  }

  public String getContactEmail() {
    return contactEmail;
  }

  public String getContactPhone() {
    return contactPhone;
  }

  public String getContactHandle() {
    return contactHandle;
  }

  public HandleNetwork getHandleNetwork() {
    return handleNetwork;
  }

  public String getIdentityConflict() {
    return identityConflict;
  }

  public Channel getChannel() {
    return channel;
  }

  public io.rootfix.notify.Language getLanguage() {
    return io.rootfix.notify.Language.fromCode(language);
  }

  public Category getCategory() {
    return category;
  }

  public String getDescription() {
    return description;
  }

  public DesiredOutcome getDesiredOutcome() {
    return desiredOutcome;
  }

  public Severity getSeverity() {
    return severity;
  }

  public LocalDate getWantedAnswerDate() {
    return wantedAnswerDate;
  }

  public BigDecimal getClaimedAmount() {
    return claimedAmount;
  }

  public String getOrderReference() {
    return orderReference;
  }

  public LocalDate getAgreedAnswerDate() {
    return agreedAnswerDate;
  }

  public ContactPreference getContactPreference() {
    return contactPreference;
  }

  public String getExpectationNote() {
    return expectationNote;
  }

  public String getOwner() {
    return owner;
  }

  public String getPatchDescription() {
    return patchDescription;
  }

  public String getRootCauseDescription() {
    return rootCauseDescription;
  }

  public Long getRootCauseId() {
    return rootCauseId;
  }

  public boolean isOneOff() {
    return oneOff;
  }

  public String getOneOffReason() {
    return oneOffReason;
  }

  public String getInformationRequest() {
    return informationRequest;
  }

  public String getCustomerInformation() {
    return customerInformation;
  }

  public Boolean getAnswerReviewNeeded() {
    return answerReviewNeeded;
  }

  public String getAnswerReviewPolicy() {
    return answerReviewPolicy;
  }

  public Instant getAnswerDueAt() {
    return answerDueAt;
  }

  public Instant getWaitingSince() {
    return waitingSince;
  }

  public String getFixDescription() {
    return fixDescription;
  }

  public String getAnswerDraft() {
    return answerDraft;
  }

  public String getAnswerDraftedBy() {
    return answerDraftedBy;
  }

  /**
   * Who wrote the draft that awaits sending: a returned draft goes back to them, and they may not review it. Null
   * when no draft awaits sending (none yet, or the latest was sent: a reopened complaint's next answer is its
   * owner's again), and when the row cannot tell (a draft written before 8 December 2026 after an earlier answer was
   * sent; its process holds the drafter then).
   */
  public String pendingDraftBy() {
    if (answerDraftedBy == null) {
      return null;
    }
    if (reportedAt == null) {
      return answerDraftedBy;
    }
    return answerDraftedAt != null && answerDraftedAt.isAfter(reportedAt) ? answerDraftedBy : null;
  }

  public String getAnswerText() {
    return answerText;
  }

  public Instant getReportedAt() {
    return reportedAt;
  }

  public String getCustomerComment() {
    return customerComment;
  }

  public String getClosingNote() {
    return closingNote;
  }

  public ComplaintState getState() {
    return state;
  }

  public int getReopenCount() {
    return reopenCount;
  }

  public int getRepeatContacts() {
    return repeatContacts;
  }

  public Instant getLastContactAt() {
    return lastContactAt;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public Instant getClosedAt() {
    return closedAt;
  }

  public String getMergedInto() {
    return mergedInto;
  }
}
