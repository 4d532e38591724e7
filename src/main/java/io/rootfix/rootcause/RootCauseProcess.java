package io.rootfix.rootcause;

/** The names {@code processes/root-cause.bpmn} and the code share. */
public final class RootCauseProcess {

  private RootCauseProcess() {}

  public static final String KEY = "root-cause";
  public static final String RESOURCE = "processes/root-cause.bpmn";

  /** Correlated to every waiting complaint (by its tracking number) when the root cause is settled. */
  public static final String MESSAGE_SETTLED = "RootCauseFixed";

  public static final String LEADS = "team-leads";

  public static final class Element {
    private Element() {}

    public static final String INVESTIGATE = "Task_Investigate";
    public static final String FIX = "Task_FixRootCause";
    public static final String FIX_DEADLINE = "Timer_FixDeadline";
    public static final String ESCALATE_OVERDUE_FIX = "Task_EscalateOverdueFix";
    public static final String VERIFY = "Task_VerifyFix";
    public static final String TELL_LINKED_COMPLAINTS = "Task_TellLinkedComplaints";
    public static final String END_TOLD = "End_LinkedComplaintsTold";
    public static final String END_OVERDUE_CHASED = "End_OverdueFixChased";
  }

  public static final class Var {
    private Var() {}

    /** Long: the id of the RootCause row. */
    public static final String ROOT_CAUSE_ID = "rootCauseId";
    public static final String ROOT_CAUSE_TITLE = "rootCauseTitle";
    public static final String ROOT_CAUSE_DESCRIPTION = "rootCauseDescription";
    /** The group that investigates and fixes it. */
    public static final String OWNER_GROUP = "ownerGroup";
    // Investigate
    /** Boolean. */
    public static final String WILL_FIX = "willFix";
    /** Date (the timer) / ISO date from the form. */
    public static final String FIX_DEADLINE = "fixDeadline";
    public static final String WONT_FIX_REASON = "wontFixReason";
    // Fix
    /** What was changed, and what works differently from now on. */
    public static final String FIX_DESCRIPTION = "fixDescription";
    // Verify
    /** Boolean. */
    public static final String FIX_VERIFIED = "fixVerified";
    public static final String VERIFICATION_NOTE = "verificationNote";
    // Chase the overdue fix
    public static final String OVERDUE_NOTE = "overdueNote";
    /** Told to each complaint: FIXED or WONT_FIX. */
    public static final String OUTCOME = "rootCauseOutcome";
  }
}
