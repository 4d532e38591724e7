package io.rootfix.promise;

import static io.rootfix.process.ProcessVariable.booleanVariable;
import static io.rootfix.process.ProcessVariable.longVariable;
import static io.rootfix.process.ProcessVariable.stringVariable;
import static io.rootfix.process.ProcessVariable.transientVariable;

import io.rootfix.process.ProcessVariable;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;

/** The names {@code processes/promise.bpmn} and the code share. */
public final class PromiseProcess {

  private PromiseProcess() {}

  public static final String KEY = "promise";
  public static final String RESOURCE = "processes/promise.bpmn";

  public static final String MESSAGE_KEPT = "PromiseKept";
  public static final String MESSAGE_RENEGOTIATED = "PromiseRenegotiated";
  /** Released, or its complaint closed: the watch ends, nothing more happens. */
  public static final String MESSAGE_RELEASED = "PromiseReleased";

  public static final String LEADS = "team-leads";

  public static final class Element {
    private Element() {}

    /** One round of the watch; "Kept" and "New date agreed" are the messages on its border. */
    public static final String WATCH = "SubProcess_Watch";
    public static final String REMINDER = "Timer_Reminder";
    public static final String REMIND_OWNER = "Task_RemindOwner";
    public static final String RENEGOTIATE_IN_TIME_TIMER = "Timer_RenegotiateInTime";
    public static final String RENEGOTIATE_IN_TIME = "Task_RenegotiateInTime";
    /** The deadline after "Renegotiate in time" let the date stand. */
    public static final String DEADLINE = "Timer_Deadline";
    public static final String KEPT = "Event_Kept";
    public static final String NEW_DATE_AGREED = "Event_NewDateAgreed";
    public static final String DEADLINE_PASSED = "Event_DeadlinePassed";
    public static final String MARK_KEPT = "Task_MarkKept";
    public static final String MARK_BROKEN = "Task_MarkBroken";
    public static final String ESCALATE = "Task_EscalateBrokenPromise";
    public static final String END_KEPT = "End_PromiseKept";
    public static final String END_BROKEN = "End_PromiseBroken";
    public static final String RELEASED = "SubProcess_Released";
    public static final String RELEASED_START = "Event_Released";
    public static final String END_RELEASED = "End_WatchEnded";
    public static final String ALREADY_KEPT_FLOW = "Flow_AlreadyKept";
  }

  public static final class Var {
    private Var() {}

    /** Long: the id of the Promise row; a variable of watches started before 8 December 2026 ({@link #promiseIdOf}). */
    public static final String PROMISE_ID = "promiseId";
    /**
     * The complaint's tracking number on the watch's tasks (Tasklist's card and the forms show it): a task variable set
     * from the promise row as the task is created, and again on a merge; a variable of the whole watch before
     * 8 December 2026.
     */
    public static final String TRACKING_NUMBER = "trackingNumber";
    /** What was promised and its type, shown on the watch's forms from the promise row, not stored (PromiseDelegates). */
    public static final String PROMISE_TEXT = "promiseText";
    public static final String PROMISE_TYPE = "promiseType";
    /**
     * The assignee of "Renegotiate in time": its complaint's owner (or who made the promise), looked up as the task
     * is created and never stored, like the queue; a variable of watches started before 7 December 2026.
     */
    public static final String OWNER = "owner";
    /**
     * The candidate group of "Renegotiate in time": its complaint's queue, looked up as the task is created and never
     * stored (a transient variable), so a complaint moved to another queue or merged into another is followed.
     */
    public static final String QUEUE = "queue";
    /** Dates of the three timers, read from the promise row (WatchTimersFromPromise); variables before 7 December 2026. */
    public static final String DUE_AT = "dueAt";
    public static final String REMIND_AT = "remindAt";
    public static final String RENEGOTIATE_AT = "renegotiateAt";
    // The "Renegotiate in time" form
    /** Boolean. */
    public static final String NEW_DATE_AGREED = "newDateAgreed";
    /** ISO date-time (yyyy-MM-ddTHH:mm) or date, in the customer's time zone. */
    public static final String NEW_DUE = "newDue";
    public static final String RENEGOTIATION_REASON = "renegotiationReason";
    /** Boolean on "Renegotiate in time": the promise is already kept. */
    public static final String ALREADY_KEPT = "alreadyKept";
    /** What "Renegotiate in time" decided, for the gateway: kept, moved or stands. */
    public static final String RENEGOTIATION_OUTCOME = "renegotiationOutcome";
    /** Who kept it (null: the process, e.g. the answer sent). */
    public static final String KEPT_BY = "keptBy";
    /** Why a promise is released when its complaint closes. */
    public static final String RELEASE_NOTE = "releaseNote";
    // The "Handle the broken promise" form
    public static final String ESCALATION_NOTE = "escalationNote";
  }

  /** The watch's business key: the complaint's tracking number when it started, and the promise's id. */
  static String businessKey(String trackingNumber, Long promiseId) {
    return trackingNumber + "/" + promiseId;
  }

  /**
   * The watched promise's id: the end of the watch's business key ({@link #businessKey}, set as the watch starts and
   * changed by nothing, a merge included), so no variable carries it. Only a key that ends in no number, which
   * Rootfix never writes, falls back to the variable that watches started before 8 December 2026 also carry.
   */
  public static Long promiseIdOf(VariableScope scope) {
    String key = scope instanceof DelegateExecution execution ? execution.getProcessBusinessKey()
        : scope instanceof DelegateTask task && task.getExecution() != null
            ? task.getExecution().getProcessBusinessKey() : null;
    int slash = key == null ? -1 : key.lastIndexOf('/');
    if (slash >= 0) {
      try {
        return Long.valueOf(key.substring(slash + 1));
      } catch (NumberFormatException notAPromiseId) {
        // falls back to the variable below
      }
    }
    return PROMISE_ID.from(scope);
  }

  /** {@link #promiseIdOf}, for a step that cannot go on without its promise. */
  static long requirePromiseId(VariableScope scope) {
    Long id = promiseIdOf(scope);
    if (id == null) {
      throw new IllegalStateException("the promise watch names no promise (business key, or variable " + Var.PROMISE_ID
          + ")");
    }
    return id;
  }

  // Typed variables: the name from Var, the type here.
  public static final ProcessVariable<Long> PROMISE_ID = longVariable(Var.PROMISE_ID);
  public static final ProcessVariable<String> TRACKING_NUMBER = stringVariable(Var.TRACKING_NUMBER);
  public static final ProcessVariable<String> OWNER = transientVariable(Var.OWNER, String.class);
  public static final ProcessVariable<String> QUEUE = transientVariable(Var.QUEUE, String.class);
  public static final ProcessVariable<Boolean> NEW_DATE_AGREED = booleanVariable(Var.NEW_DATE_AGREED);
  public static final ProcessVariable<String> RENEGOTIATION_OUTCOME = stringVariable(Var.RENEGOTIATION_OUTCOME);
  public static final ProcessVariable<String> KEPT_BY = stringVariable(Var.KEPT_BY);
}
