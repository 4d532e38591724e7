package io.rootfix.complaint;

import static io.rootfix.process.ProcessVariable.booleanVariable;
import static io.rootfix.process.ProcessVariable.doubleVariable;
import static io.rootfix.process.ProcessVariable.intVariable;
import static io.rootfix.process.ProcessVariable.longVariable;
import static io.rootfix.process.ProcessVariable.stringVariable;
import static io.rootfix.process.ProcessVariable.transientVariable;

import io.rootfix.process.ProcessVariable;

/**
 * The names {@code processes/complaint.bpmn} and the code share: process key, element ids, message and
 * variable names. Nothing else in the code spells them out.
 */
public final class ComplaintProcess {

  private ComplaintProcess() {}

  public static final String KEY = "complaint";
  public static final String RESOURCE = "processes/complaint.bpmn";
  public static final String ANSWER_DEADLINE_DECISION = "processes/answer-deadline.dmn";
  public static final String ANSWER_DEADLINE_DECISION_KEY = "answer-deadline";

  /** Whether a drafted answer needs a team lead's review before it goes out. */
  public static final String ANSWER_REVIEW_DECISION = "processes/answer-review.dmn";
  public static final String ANSWER_REVIEW_DECISION_KEY = "answer-review";

  /** Which queue a new complaint's tasks are offered to (Queues). */
  public static final String ROUTING_DECISION = "processes/routing.dmn";
  public static final String ROUTING_DECISION_KEY = "routing";

  /** A linked root cause is settled (fixed, or declared not to be fixed): the wait at "Fix fundamentally" ends. */
  public static final String MESSAGE_ROOT_CAUSE_FIXED = "RootCauseFixed";
  public static final String MESSAGE_CUSTOMER_CONFIRMED = "CustomerConfirmed";
  public static final String MESSAGE_CUSTOMER_INFORMATION = "CustomerInformation";
  /** The complaint is merged into another one (its survivor) about the same matter. */
  public static final String MESSAGE_COMPLAINT_MERGED = "ComplaintMerged";

  /**
   * The whole team: the queue a complaint goes to when the routing policy names no queue of its own, and the candidate
   * group of every complaint task but the review in models before queues (the newer ones offer them to {@code queue}).
   */
  public static final String AGENTS = "service-agents";
  /** Candidate group of "Review the answer" (and of "Approve the remedy" in remedy.bpmn). */
  public static final String TEAM_LEADS = "team-leads";

  public static final class Element {
    private Element() {}

    public static final String START = "StartEvent_ComplaintReceived";
    public static final String RECOGNISE_CUSTOMER = "Task_RecogniseCustomer";
    public static final String OPEN_MATTER = "Gateway_OpenMatter";
    public static final String ATTACH_CONTACT = "Task_AttachContact";
    public static final String END_CONTACT_ATTACHED = "End_ContactAttached";
    public static final String REGISTER = "Task_RegisterComplaint";
    public static final String ROUTE_TO_QUEUE = "Task_RouteToQueue";
    public static final String DETERMINE_ANSWER_DEADLINE = "Task_DetermineAnswerDeadline";
    public static final String PROPOSE_ANSWER_DATE = "Task_ProposeAnswerDate";
    public static final String AGREE_EXPECTATION = "Task_AgreeExpectation";
    public static final String ACKNOWLEDGE = "Task_Acknowledge";
    public static final String PATCH_SYMPTOM = "Task_PatchSymptom";
    /**
     * In parallel with Patch the symptom: the call activity that runs remedy.bpmn (process key
     * {@link #CALLED_REMEDY}) and waits until the remedy is settled.
     */
    public static final String REMEDY = "Activity_Remedy";
    public static final String FIND_ROOT_CAUSE = "Task_FindRootCause";
    public static final String ASK_CUSTOMER = "Task_AskCustomer";
    public static final String AWAIT_CUSTOMER_INFORMATION = "Task_AwaitCustomerInformation";
    public static final String CUSTOMER_INFORMATION_RECEIVED = "Event_CustomerInformationReceived";
    public static final String RESUME_AFTER_WAITING = "Task_ResumeAfterWaiting";
    public static final String KEEP_IN_LOOP = "Timer_KeepInLoop";
    public static final String CHECK_CUSTOMER_IN_LOOP = "Task_CheckCustomerInLoop";
    public static final String UPDATE_CUSTOMER = "Task_UpdateCustomer";
    public static final String ROOT_CAUSE_SETTLED = "Gateway_RootCauseSettled";
    /**
     * Fix fundamentally: the wait for the linked root cause's fix, a task in the agents' "Waiting for a fix"
     * filter that nobody completes (its model property {@code completion = by-the-process}).
     */
    public static final String WAIT_FOR_FIX = "Task_WaitForFix";
    /** The message boundary event that ends the wait when the root cause is settled. */
    public static final String ROOT_CAUSE_FIXED = "Event_RootCauseFixed";
    public static final String RECORD_FIX = "Task_RecordFix";
    /** Report back: the agent drafts the answer (stored, not sent yet). */
    public static final String REPORT_BACK = "Task_ReportBack";
    public static final String DECIDE_ANSWER_REVIEW = "Task_DecideAnswerReview";
    public static final String REVIEW_ANSWER = "Task_ReviewAnswer";
    /** Sends the answer through the outbox, keeps the answer promise and stores the evidence. */
    public static final String SEND_ANSWER = "Task_SendAnswer";
    public static final String RECORD_CUSTOMER_CONFIRMATION = "Task_RecordCustomerConfirmation";
    public static final String CUSTOMER_CONFIRMED = "Event_CustomerConfirmed";
    public static final String NO_REPLY = "Timer_NoReply";
    public static final String CLOSE = "Task_CloseComplaint";
    public static final String CLOSE_WITHOUT_REPLY = "Task_CloseWithoutReply";
    public static final String REOPEN = "Task_ReopenComplaint";
    public static final String POINT_TO_DISPUTES_COMMITTEE = "Task_PointToDisputesCommittee";
    public static final String END_CLOSED = "End_ComplaintClosed";
    public static final String MERGED_INTO_ANOTHER = "Event_MergedIntoAnother";
    public static final String MERGE_INTO_SURVIVOR = "Task_MergeIntoSurvivor";
    public static final String END_MERGED = "End_Merged";
  }

  /** Process variables: ids and simple values only; the complaint itself lives in the database. */
  public static final class Var {
    private Var() {}

    // Intake (API or the phone-intake start form), all strings.
    public static final String CUSTOMER_NAME = "customerName";
    public static final String CUSTOMER_EMAIL = "customerEmail";
    public static final String CUSTOMER_PHONE = "customerPhone";
    /** The customer's handle on a social or chat network, with the network's code. */
    public static final String CUSTOMER_HANDLE = "customerHandle";
    public static final String HANDLE_NETWORK = "handleNetwork";
    public static final String CHANNEL = "channel";
    public static final String CATEGORY = "category";
    public static final String DESCRIPTION = "description";
    public static final String DESIRED_OUTCOME = "desiredOutcome";
    /** ISO date (yyyy-MM-dd), optional. */
    public static final String WANTED_ANSWER_DATE = "wantedAnswerDate";
    /** Double, optional: the amount the customer claims in EUR (the intake's amount). */
    public static final String CLAIMED_AMOUNT = "claimedAmount";
    /** The order or product the complaint is about, optional. */
    public static final String ORDER_REFERENCE = "orderReference";
    /** low, normal (the default), high or critical: read by the answer-review policy. */
    public static final String SEVERITY = "severity";
    /** The language the customer hears from us in (nl, en); Dutch when the channel does not say. */
    public static final String LANGUAGE = "language";
    /** Report back: the message the customer receives before and after the agent's answer (task-local, shown only). */
    public static final String PREVIEW_OPENING = "previewOpening";
    public static final String PREVIEW_CLOSING = "previewClosing";
    /** The tracking number the customer mentions (the intake's optional trackingNumber). */
    public static final String REFERENCED_TRACKING_NUMBER = "referencedTrackingNumber";
    /**
     * The tracking number of the customer's open complaint this contact is about; unset for a new matter. A
     * contact with it is attached to that complaint instead of opening one.
     */
    public static final String REPEAT_OF = "repeatOf";

    /**
     * The checked, typed intake, handed from the intake to the first steps within the starting transaction and never
     * stored (a transient variable); the steps check and type the start form's values themselves without it.
     */
    public static final String INTAKE = "intake";

    /** Long: the id of the Complaint row. */
    public static final String COMPLAINT_ID = "complaintId";
    public static final String TRACKING_NUMBER = "trackingNumber";
    /**
     * Long: the id of the recognised Customer row, handed from Recognise customer to Register complaint in the starting
     * transaction and never stored (the complaint row holds its customer); instances started before 7 December 2026
     * stored it.
     */
    public static final String CUSTOMER_ID = "customerId";
    /** What an agent should check when the contact details belong to different customers; unset otherwise. */
    public static final String IDENTITY_CONFLICT = "identityConflict";
    /** Integer: how often the customer contacted us again about this complaint; unset before the first time. */
    public static final String REPEAT_CONTACTS = "repeatContacts";
    /** When, how and what the customer said on their latest repeat contact. */
    public static final String LATEST_CONTACT = "latestContact";
    /** Task-local on Agree expectation: the customer's earlier complaints and open promises, as text. */
    public static final String CUSTOMER_HISTORY = "customerHistory";
    /**
     * The candidate group of the complaint's tasks, from routing.dmn: a queue ({@code queue-…}) or service-agents.
     */
    public static final String QUEUE = "queue";
    /** The user who owns the complaint; later complaint tasks are assigned to them. */
    public static final String OWNER = "owner";

    /** The policy's default time to answer ("2 business days"), from answer-deadline.dmn. */
    public static final String ANSWER_WITHIN = "answerWithin";

    // Agree expectation
    /** ISO date (yyyy-MM-dd). */
    public static final String AGREED_ANSWER_DATE = "agreedAnswerDate";
    public static final String CONTACT_PREFERENCE = "contactPreference";
    public static final String EXPECTATION_NOTE = "expectationNote";
    /**
     * Date: the answer promise's deadline, the due date of every later complaint task; read from the complaint row
     * (AnswerDueFromComplaint), a variable of complaints agreed before 8 December 2026.
     */
    public static final String ANSWER_DUE_DATE = "answerDueDate";
    // Any complaint form: one more promise to the customer
    /** Boolean: the agent promised something else on this step. */
    public static final String MAKE_PROMISE = "makePromise";
    /** callback, delivery, refund or other. */
    public static final String PROMISE_TYPE = "promiseType";
    public static final String PROMISE_TEXT = "promiseText";
    /** Date-time (yyyy-MM-ddTHH:mm, the customer's zone): the deadline or the end of the window. */
    public static final String PROMISE_DUE = "promiseDue";
    /** Date-time: the start of a window; optional. */
    public static final String PROMISE_WINDOW_FROM = "promiseWindowFrom";
    /**
     * Spin JSON on the complaint: its open promises an agent may mark kept, as select options ({label, value: the
     * promise id}); kept current by {@code OpenPromisesOnForms} whenever a promise is made, kept or released.
     */
    public static final String OPEN_PROMISES = "openPromises";
    /** Any complaint form offering promises: the id of an open promise the agent kept. */
    public static final String KEPT_PROMISE = "keptPromise";
    // Record the customer's confirmation, when it closes: what becomes of the promises still open
    /** kept (all kept) or released (the customer is told they no longer hold). */
    public static final String PROMISES_ON_CLOSE = "promisesOnClose";
    /** Why they are released: internal, on the audit trail. */
    public static final String RELEASE_NOTE = "releaseNote";
    /** What the customer is told about the released promises. */
    public static final String RELEASE_MESSAGE = "releaseMessage";
    // Patch the symptom
    public static final String PATCH_DESCRIPTION = "patchDescription";
    // The remedy's outcome: variables of complaints started before 7 December 2026 (Activity_Remedy's camunda:out);
    // since, the amount is handed to the answer review from the remedy ledger and the review form reads the ledger
    /** REFUND, REPLACEMENT, REPAIR or NONE. */
    public static final String REMEDY_TYPE = "remedyType";
    /** Double: the remedy's amount in EUR (0 for a repair or none). */
    public static final String REMEDY_AMOUNT = "remedyAmount";
    // Find the root cause
    public static final String ROOT_CAUSE_DESCRIPTION = "rootCauseDescription";
    /** The id of a known root cause the agent links (a string from the form's select, or a number). */
    public static final String ROOT_CAUSE_ID = "rootCauseId";
    /** A new root cause's short title; its description is rootCauseDescription. */
    public static final String ROOT_CAUSE_TITLE = "rootCauseTitle";
    /** The group that investigates and fixes a new root cause. */
    public static final String ROOT_CAUSE_OWNER_GROUP = "rootCauseOwnerGroup";
    /** Json: the known root causes of the category, as choices of the form's select. */
    public static final String KNOWN_ROOT_CAUSES = "knownRootCauses";
    /** Boolean: the linked root cause is already fixed or declared won't-fix; no need to wait. */
    public static final String ROOT_CAUSE_SETTLED = "rootCauseSettled";
    /** Boolean: no fundamental fix needed. */
    public static final String ONE_OFF = "oneOff";
    /** The controlled reason (code) for a one-off, with the agent's note. */
    public static final String ONE_OFF_REASON = "oneOffReason";
    public static final String ONE_OFF_NOTE = "oneOffNote";
    /** Json: the reasons for a one-off, as choices of the form's select (set when the task is created). */
    public static final String ONE_OFF_REASONS = "oneOffReasons";
    /** Boolean: the agent needs information from the customer before the root cause can be found. */
    public static final String NEED_CUSTOMER_INFORMATION = "needCustomerInformation";
    /** What the agent asks the customer. */
    public static final String INFORMATION_REQUEST = "informationRequest";
    /** What the customer answered. */
    public static final String CUSTOMER_INFORMATION = "customerInformation";
    // Keep the customer in the loop
    /** Boolean, local to the check: the customer heard nothing for longer than the update interval. */
    public static final String CUSTOMER_WAITING_FOR_UPDATE = "customerWaitingForUpdate";
    public static final String STATUS_UPDATE = "statusUpdate";
    // Fix fundamentally
    public static final String FIX_DESCRIPTION = "fixDescription";
    // Wait for the root cause's fix: task-local, shown on the card and the form, rewritten as the root cause moves
    /** The root cause's fix deadline (dd-MM-yyyy), or that there is none yet. */
    public static final String FIX_DUE_BY = "fixDueBy";
    /** Where the root cause stands, in the agent's words. */
    public static final String ROOT_CAUSE_STATUS = "rootCauseStatus";
    /** The last message to the customer: what, when and whether it went out. */
    public static final String CUSTOMER_LAST_TOLD = "customerLastTold";
    // Report back: draft, review, send
    /** The answer the agent drafted; sent as written once approved (or when no review is needed). */
    public static final String ANSWER_TEXT = "answerText";
    /**
     * The agent who wrote the draft that awaits sending; a returned answer goes back to them. Read from the complaint
     * row (OwnerFromComplaint, Complaint#pendingDraftBy); a variable of drafts written before 8 December 2026.
     */
    public static final String ANSWER_DRAFTED_BY = "answerDraftedBy";
    /** The drafting agent's Camunda groups, comma-separated: an input of the answer-review policy. */
    public static final String DRAFTED_BY_GROUPS = "draftedByGroups";
    /** Boolean: the answer-review policy asks for a review; with the policy's reason why. */
    public static final String REVIEW_NEEDED = "reviewNeeded";
    public static final String REVIEW_POLICY = "reviewPolicy";
    /** Boolean: the reviewer approves the answer (false: returns it to its author). */
    public static final String ANSWER_APPROVED = "answerApproved";
    /** A returned answer: the controlled reason, the reviewer's note (shown to the author) and who returned it. */
    public static final String RETURN_REASON = "returnReason";
    public static final String RETURN_NOTE = "returnNote";
    public static final String ANSWER_RETURNED_BY = "answerReturnedBy";
    /** The team lead who approved the answer; unset when none was needed. */
    public static final String ANSWER_REVIEWED_BY = "answerReviewedBy";
    /** Json: the reasons for returning an answer, as choices of the form's select. */
    public static final String RETURN_REASONS = "returnReasons";
    // Customer confirms
    /** Boolean: the customer confirms the complaint is resolved. */
    public static final String RESOLVED = "resolved";
    public static final String CUSTOMER_COMMENT = "customerComment";
    /** After a reopen: what the customer said last time, and the cause found then. */
    public static final String PREVIOUS_CUSTOMER_COMMENT = "previousCustomerComment";
    public static final String PREVIOUS_ROOT_CAUSE_DESCRIPTION = "previousRootCauseDescription";
    /** Boolean: the agent closes without the customer's confirmation (with closeReason and closeNote). */
    public static final String CLOSE_WITHOUT_CONFIRMATION = "closeWithoutConfirmation";
    public static final String CLOSE_REASON = "closeReason";
    public static final String CLOSE_NOTE = "closeNote";
    /** "Not resolved": the controlled reason and the agent's note. */
    public static final String REOPEN_REASON = "reopenReason";
    public static final String REOPEN_NOTE = "reopenNote";
    /** Json: the reasons for closing unconfirmed and for reopening, as choices of the form's selects. */
    public static final String CLOSE_REASONS = "closeReasons";
    public static final String REOPEN_REASONS = "reopenReasons";
    /** Integer: how often the customer said "not resolved"; unset until the first time (the answer-review policy reads that as 0). */
    public static final String REOPEN_COUNT = "reopenCount";
    // Merged into another complaint
    /** The tracking number of the complaint this one is merged into. */
    public static final String MERGED_INTO = "mergedInto";
    /** Why the agent merged the two. */
    public static final String MERGE_NOTE = "mergeNote";
    public static final String MERGED_BY = "mergedBy";
  }

  // Typed variables: the name from Var, the type here, read and written through ProcessVariable only.
  public static final ProcessVariable<Long> COMPLAINT_ID = longVariable(Var.COMPLAINT_ID);
  public static final ProcessVariable<String> TRACKING_NUMBER = stringVariable(Var.TRACKING_NUMBER);
  public static final ProcessVariable<Long> CUSTOMER_ID = transientVariable(Var.CUSTOMER_ID, Long.class);
  public static final ProcessVariable<String> IDENTITY_CONFLICT = stringVariable(Var.IDENTITY_CONFLICT);
  public static final ProcessVariable<String> REPEAT_OF = stringVariable(Var.REPEAT_OF);
  // Package-private: the intake's type is the complaint feature's own.
  static final ProcessVariable<ComplaintIntake> INTAKE = transientVariable(Var.INTAKE, ComplaintIntake.class);
  public static final ProcessVariable<Integer> REPEAT_CONTACTS = intVariable(Var.REPEAT_CONTACTS);
  public static final ProcessVariable<String> LATEST_CONTACT = stringVariable(Var.LATEST_CONTACT);
  public static final ProcessVariable<String> CHANNEL = stringVariable(Var.CHANNEL);
  public static final ProcessVariable<String> CATEGORY = stringVariable(Var.CATEGORY);
  public static final ProcessVariable<String> QUEUE = stringVariable(Var.QUEUE);
  public static final ProcessVariable<String> DESIRED_OUTCOME = stringVariable(Var.DESIRED_OUTCOME);
  public static final ProcessVariable<Double> CLAIMED_AMOUNT = doubleVariable(Var.CLAIMED_AMOUNT);
  /** For the review policy, handed to it from the complaint row as the answer is drafted; never stored. */
  public static final ProcessVariable<String> SEVERITY = transientVariable(Var.SEVERITY, String.class);
  public static final ProcessVariable<String> OWNER = stringVariable(Var.OWNER);
  public static final ProcessVariable<String> ANSWER_WITHIN = stringVariable(Var.ANSWER_WITHIN);
  /** ISO date (yyyy-MM-dd) on the Agree expectation form. */
  public static final ProcessVariable<String> AGREED_ANSWER_DATE = stringVariable(Var.AGREED_ANSWER_DATE);
  public static final ProcessVariable<Boolean> NEED_CUSTOMER_INFORMATION =
      booleanVariable(Var.NEED_CUSTOMER_INFORMATION).readInTheCommandThatSetsIt();
  /**
   * Read by "Fundamental fix needed?" right after Find the root cause, and gone when that command ends; the forms after
   * it show the one-off's note, which only a one-off has.
   */
  public static final ProcessVariable<Boolean> ONE_OFF = booleanVariable(Var.ONE_OFF).readInTheCommandThatSetsIt();
  /** Set by Find the root cause once the form is checked; the form's own field is text (a select's value). */
  public static final ProcessVariable<Long> ROOT_CAUSE_ID = longVariable(Var.ROOT_CAUSE_ID);
  /**
   * For the gateway right after Find the root cause, in the same transaction; never stored: where the path went is
   * in the activity history, and the root cause's state in its own record.
   */
  public static final ProcessVariable<Boolean> ROOT_CAUSE_SETTLED =
      transientVariable(Var.ROOT_CAUSE_SETTLED, Boolean.class);
  public static final ProcessVariable<String> ROOT_CAUSE_DESCRIPTION = stringVariable(Var.ROOT_CAUSE_DESCRIPTION);
  public static final ProcessVariable<String> PREVIOUS_ROOT_CAUSE_DESCRIPTION =
      stringVariable(Var.PREVIOUS_ROOT_CAUSE_DESCRIPTION);
  public static final ProcessVariable<Boolean> CUSTOMER_WAITING_FOR_UPDATE = booleanVariable(Var.CUSTOMER_WAITING_FOR_UPDATE);
  public static final ProcessVariable<String> FIX_DESCRIPTION = stringVariable(Var.FIX_DESCRIPTION);
  public static final ProcessVariable<String> ANSWER_DRAFTED_BY = stringVariable(Var.ANSWER_DRAFTED_BY);
  /** For the review policy, right after Report back in the same transaction; never stored. */
  public static final ProcessVariable<String> DRAFTED_BY_GROUPS = transientVariable(Var.DRAFTED_BY_GROUPS, String.class);
  /**
   * The review policy's outputs (Decide whether the answer needs a review), recorded on the complaint row as the
   * gateway after it starts (recordReviewDecision) and gone when that command ends; variables of drafts decided
   * before 8 December 2026.
   */
  public static final ProcessVariable<Boolean> REVIEW_NEEDED =
      booleanVariable(Var.REVIEW_NEEDED).readInTheCommandThatSetsIt();
  public static final ProcessVariable<String> REVIEW_POLICY =
      stringVariable(Var.REVIEW_POLICY).readInTheCommandThatSetsIt();
  public static final ProcessVariable<Boolean> ANSWER_APPROVED =
      booleanVariable(Var.ANSWER_APPROVED).readInTheCommandThatSetsIt();
  public static final ProcessVariable<String> ANSWER_REVIEWED_BY = stringVariable(Var.ANSWER_REVIEWED_BY);
  public static final ProcessVariable<String> ANSWER_RETURNED_BY = stringVariable(Var.ANSWER_RETURNED_BY);
  public static final ProcessVariable<Boolean> RESOLVED =
      booleanVariable(Var.RESOLVED).readInTheCommandThatSetsIt();
  public static final ProcessVariable<String> CUSTOMER_COMMENT = stringVariable(Var.CUSTOMER_COMMENT);
  public static final ProcessVariable<String> PREVIOUS_CUSTOMER_COMMENT = stringVariable(Var.PREVIOUS_CUSTOMER_COMMENT);
  /** What the agent recorded as still wrong with "not resolved"; carried into the next round with the comment. */
  public static final ProcessVariable<String> REOPEN_NOTE = stringVariable(Var.REOPEN_NOTE);
  public static final ProcessVariable<Boolean> CLOSE_WITHOUT_CONFIRMATION =
      booleanVariable(Var.CLOSE_WITHOUT_CONFIRMATION).readInTheCommandThatSetsIt();
  /** Set only from a checked form (Record the customer's confirmation); read when the complaint closes. */
  public static final ProcessVariable<String> CLOSE_REASON = stringVariable(Var.CLOSE_REASON);
  public static final ProcessVariable<String> CLOSE_NOTE = stringVariable(Var.CLOSE_NOTE);
  public static final ProcessVariable<Integer> REOPEN_COUNT = intVariable(Var.REOPEN_COUNT);
  public static final ProcessVariable<String> MERGED_INTO = stringVariable(Var.MERGED_INTO);
  public static final ProcessVariable<String> MERGE_NOTE = stringVariable(Var.MERGE_NOTE);
  public static final ProcessVariable<String> MERGED_BY = stringVariable(Var.MERGED_BY);
  // Out of the remedy
  /** For the review policy, handed to it from the remedy ledger as the answer is drafted; never stored. */
  public static final ProcessVariable<Double> REMEDY_AMOUNT = transientVariable(Var.REMEDY_AMOUNT, Double.class);

  /**
   * The process Activity_Remedy calls ({@code calledElement}): RemedyProcess.KEY, spelled here because the remedy
   * depends on the complaint and not the other way round (RemedyProcessTest checks they agree).
   */
  public static final String CALLED_REMEDY = "remedy";

  /**
   * Versions of complaint.bpmn from before remedy.bpmn ran the remedy inline, calling the remedy's beans with the
   * same variable names; their running complaints finish on their own version. What the complaint's own code still
   * does for them: the refusal reasons on their Approve the remedy.
   */
  public static final class InlineRemedy {
    private InlineRemedy() {}

    public static final String APPROVE_REMEDY = "Task_ApproveRemedy";
    public static final String REFUSAL_REASONS = "refusalReasons";
  }
}
