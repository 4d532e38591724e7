package io.rootfix.remedy;

import static io.rootfix.process.ProcessVariable.booleanVariable;
import static io.rootfix.process.ProcessVariable.doubleVariable;
import static io.rootfix.process.ProcessVariable.intVariable;
import static io.rootfix.process.ProcessVariable.longVariable;
import static io.rootfix.process.ProcessVariable.stringVariable;

import io.rootfix.process.ProcessVariable;

/**
 * The names {@code processes/remedy.bpmn} and the code share. The complaint calls it ("Give the remedy by policy")
 * with the in-variables below and its tracking number as business key, and takes back only {@link #REMEDY_TYPE}
 * and {@link #REMEDY_AMOUNT}. The remedy's own variables stay in its instance.
 */
public final class RemedyProcess {

  private RemedyProcess() {}

  public static final String KEY = "remedy";
  /** processes/remedy-policy.dmn, which Task_DecideRemedy evaluates. */
  public static final String POLICY_DECISION_KEY = "remedy-policy";
  public static final String RESOURCE = "processes/remedy.bpmn";
  public static final String POLICY_DECISION = "processes/remedy-policy.dmn";

  /** Candidate group of "Approve the remedy" (above the policy limit). */
  public static final String TEAM_LEADS = "team-leads";

  public static final class Element {
    private Element() {}

    public static final String START = "StartEvent_RemedyToDecide";
    public static final String COUNT_CUSTOMER_REMEDIES = "Task_CountCustomerRemedies";
    public static final String DECIDE_REMEDY = "Task_DecideRemedy";
    public static final String RECORD_REMEDY_DECISION = "Task_RecordRemedyDecision";
    public static final String APPROVAL_NEEDED = "Gateway_ApprovalNeeded";
    public static final String APPROVE_REMEDY = "Task_ApproveRemedy";
    public static final String REMEDY_GRANTED = "Gateway_RemedyGranted";
    public static final String PAY_REFUND = "Task_PayRefund";
    public static final String SHIP_REPLACEMENT = "Task_ShipReplacement";
    public static final String REMEDY_SETTLED = "Gateway_RemedySettled";
    public static final String END = "End_RemedySettled";
  }

  public static final class Var {
    private Var() {}

    // In, from the complaint (the call activity's camunda:in)
    /** Long: the Complaint row the remedy is for. */
    public static final String COMPLAINT_ID = "complaintId";
    /** Also the instance's business key. */
    public static final String TRACKING_NUMBER = "trackingNumber";
    /** Shown on Approve the remedy. */
    public static final String CUSTOMER_NAME = "customerName";
    /** What the customer said (a read-only field of Approve the remedy) and their files (Json, listed on it). */
    public static final String DESCRIPTION = "description";
    public static final String ATTACHMENTS = "attachments";
    /**
     * Date: the answer promise's deadline, the due date of Approve the remedy, read from the complaint row
     * (AnswerDueFromComplaint); handed in by complaints called before 8 December 2026.
     */
    public static final String ANSWER_DUE_DATE = "answerDueDate";
    // The policy's inputs (remedy-policy.dmn), from the complaint's facts
    public static final String DESIRED_OUTCOME = "desiredOutcome";
    public static final String CATEGORY = "category";
    /** Double, optional: the amount the customer claims in EUR. */
    public static final String CLAIMED_AMOUNT = "claimedAmount";
    /** Integer: the customer's remedies granted in the 12 months before the decision (the abuse signal). */
    public static final String REMEDIES_LAST_12_MONTHS = "remediesLast12Months";
    /** Double: their total in EUR. */
    public static final String REMEDY_TOTAL_LAST_12_MONTHS = "remedyTotalLast12Months";
    // The policy's outcome and the ledger
    /** REFUND, REPLACEMENT, REPAIR or NONE. Out, to the complaint. */
    public static final String REMEDY_TYPE = "remedyType";
    /** Double: the remedy's amount in EUR (0 for a repair or none). Out, to the complaint. */
    public static final String REMEDY_AMOUNT = "remedyAmount";
    /** Boolean: above the policy limit, a team lead approves. */
    public static final String TEAM_LEAD_APPROVAL = "teamLeadApproval";
    /** Why the policy decided so (the rule's note). */
    public static final String REMEDY_POLICY_NOTE = "remedyPolicyNote";
    /** Long: the Remedy row in the ledger. */
    public static final String REMEDY_ID = "remedyId";
    // Approve the remedy
    /** Boolean: the team lead grants the remedy (the default). */
    public static final String REMEDY_APPROVED = "remedyApproved";
    /** Why the team lead refused: a controlled reason code (REMEDY_REFUSAL); required for a refusal. */
    public static final String REFUSAL_REASON = "refusalReason";
    /** The team lead's note on a refusal; required with the reason. */
    public static final String REFUSAL_NOTE = "refusalNote";
    /** Json (set on create): the refusal reasons for the form's select. */
    public static final String REFUSAL_REASONS = "refusalReasons";
  }

  // Typed variables: the name from Var, the type here.
  public static final ProcessVariable<Long> COMPLAINT_ID = longVariable(Var.COMPLAINT_ID);
  public static final ProcessVariable<String> TRACKING_NUMBER = stringVariable(Var.TRACKING_NUMBER);
  public static final ProcessVariable<String> DESIRED_OUTCOME = stringVariable(Var.DESIRED_OUTCOME);
  public static final ProcessVariable<String> CATEGORY = stringVariable(Var.CATEGORY);
  public static final ProcessVariable<Double> CLAIMED_AMOUNT = doubleVariable(Var.CLAIMED_AMOUNT);
  public static final ProcessVariable<Integer> REMEDIES_LAST_12_MONTHS = intVariable(Var.REMEDIES_LAST_12_MONTHS);
  public static final ProcessVariable<Double> REMEDY_TOTAL_LAST_12_MONTHS = doubleVariable(Var.REMEDY_TOTAL_LAST_12_MONTHS);
  public static final ProcessVariable<String> REMEDY_TYPE = stringVariable(Var.REMEDY_TYPE);
  public static final ProcessVariable<Double> REMEDY_AMOUNT = doubleVariable(Var.REMEDY_AMOUNT);
  public static final ProcessVariable<Boolean> TEAM_LEAD_APPROVAL = booleanVariable(Var.TEAM_LEAD_APPROVAL);
  public static final ProcessVariable<String> REMEDY_POLICY_NOTE = stringVariable(Var.REMEDY_POLICY_NOTE);
  public static final ProcessVariable<Long> REMEDY_ID = longVariable(Var.REMEDY_ID);
  public static final ProcessVariable<Boolean> REMEDY_APPROVED = booleanVariable(Var.REMEDY_APPROVED);
}
