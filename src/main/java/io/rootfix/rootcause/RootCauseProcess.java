package io.rootfix.rootcause;

import static io.rootfix.process.ProcessVariable.booleanVariable;
import static io.rootfix.process.ProcessVariable.dateVariable;
import static io.rootfix.process.ProcessVariable.longVariable;
import static io.rootfix.process.ProcessVariable.stringVariable;

import io.rootfix.process.ProcessVariable;
import java.util.Date;

/** The names {@code processes/root-cause.bpmn} and the code share. */
public final class RootCauseProcess {

  private RootCauseProcess() {}

  public static final String KEY = "root-cause";
  public static final String RESOURCE = "processes/root-cause.bpmn";

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
  }

  /** A root cause's business key and how people write its number: {@code RC-12}. */
  public static final String BUSINESS_KEY_PREFIX = "RC-";

  public static String businessKey(long rootCauseId) {
    return BUSINESS_KEY_PREFIX + rootCauseId;
  }

  // Typed variables: the name from Var, the type here.
  public static final ProcessVariable<Long> ROOT_CAUSE_ID = longVariable(Var.ROOT_CAUSE_ID);
  public static final ProcessVariable<String> ROOT_CAUSE_TITLE = stringVariable(Var.ROOT_CAUSE_TITLE);
  public static final ProcessVariable<String> ROOT_CAUSE_DESCRIPTION = stringVariable(Var.ROOT_CAUSE_DESCRIPTION);
  public static final ProcessVariable<String> OWNER_GROUP = stringVariable(Var.OWNER_GROUP);
  public static final ProcessVariable<Boolean> WILL_FIX = booleanVariable(Var.WILL_FIX);
  /** The timer's date; the form's field of the same name is an ISO date the listener replaces with it. */
  public static final ProcessVariable<Date> FIX_DEADLINE = dateVariable(Var.FIX_DEADLINE);
  public static final ProcessVariable<Boolean> FIX_VERIFIED = booleanVariable(Var.FIX_VERIFIED);
}
