package io.rootfix.audit;

import io.rootfix.complaint.Complaint;
import io.rootfix.complaint.ComplaintProcess;
import io.rootfix.complaint.ComplaintRepository;
import io.rootfix.complaint.ComplaintState;
import io.rootfix.notify.MessageKind;
import io.rootfix.notify.Outbox;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Nothing disappears: finds every complaint that is open but has nothing left that could move it (no open
 * task, no timer or asynchronous step, no incident, no message it waits for), every closed complaint that never
 * got a report back, and the inconsistencies a crash, a restore or a hand-made change could leave between
 * Rootfix's tables and the engine's, each with what to do about it.
 */
@Service
@Transactional(readOnly = true)
public class Completeness {

  /** Rootfix rows that name a complaint by its tracking number without a foreign key on it. */
  private static final String UNKNOWN_TRACKING_NUMBERS = """
      select 'message ' || id as found, tracking_number from customer_message m
        where not exists (select 1 from complaint c where c.tracking_number = m.tracking_number)
      union all
      select 'promise ' || id, tracking_number from promise p
        where not exists (select 1 from complaint c where c.tracking_number = p.tracking_number)
      union all
      select 'remedy ' || id, tracking_number from remedy r
        where not exists (select 1 from complaint c where c.tracking_number = r.tracking_number)
      union all
      select 'root cause link ' || id, tracking_number from root_cause_link l
        where not exists (select 1 from complaint c where c.tracking_number = l.tracking_number)
      union all
      select 'answer evidence ' || customer_message_id, tracking_number from answer_evidence a
        where not exists (select 1 from complaint c where c.tracking_number = a.tracking_number)
      union all
      select 'recorded reason ' || id, tracking_number from recorded_reason r
        where r.tracking_number is not null
          and not exists (select 1 from complaint c where c.tracking_number = r.tracking_number)
      union all
      select 'complaint ' || tracking_number || ' merged into it', merged_into from complaint m
        where m.merged_into is not null
          and not exists (select 1 from complaint c where c.tracking_number = m.merged_into)
      order by 2, 1""";

  /** Open complaints whose process instance is not running: ended (in the history) or gone altogether. */
  private static final String COMPLAINTS_WITHOUT_PROCESS = """
      select c.tracking_number, c.process_instance_id, h.id_ as ended, h.delete_reason_ as delete_reason
      from complaint c left join act_hi_procinst h on h.id_ = c.process_instance_id
      where c.state not in ('CLOSED', 'MERGED')
        and (c.process_instance_id is null
          or not exists (select 1 from act_ru_execution e where e.id_ = c.process_instance_id))
      order by c.tracking_number""";

  /** Running complaint processes whose tracking number (business key) no complaint row has. */
  private static final String PROCESSES_WITHOUT_COMPLAINT = """
      select e.business_key_ as tracking_number, e.id_ as instance
      from act_ru_execution e join act_re_procdef d on d.id_ = e.proc_def_id_
      where e.id_ = e.proc_inst_id_ and d.key_ = ?
        and not exists (select 1 from complaint c where c.tracking_number = e.business_key_)
      order by e.business_key_""";

  private static final String PROMISES_OPEN_ON_CLOSED_COMPLAINTS = """
      select c.tracking_number, p.id, p.type, p.process_instance_id
      from promise p join complaint c on c.id = p.complaint_id
      where p.state = 'OPEN' and c.state = 'CLOSED'
      order by c.tracking_number, p.id""";

  private final ComplaintRepository complaints;
  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final ManagementService managementService;
  private final Outbox outbox;
  private final JdbcTemplate jdbc;

  Completeness(ComplaintRepository complaints, RuntimeService runtimeService, TaskService taskService,
      ManagementService managementService, Outbox outbox, JdbcTemplate jdbc) {
    this.complaints = complaints;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.managementService = managementService;
    this.outbox = outbox;
    this.jdbc = jdbc;
  }

  public record Report(List<String> openWithoutAnythingToMoveThem, List<String> closedWithoutReport,
      List<Inconsistency> inconsistencies) {

    public boolean isComplete() {
      return openWithoutAnythingToMoveThem.isEmpty() && closedWithoutReport.isEmpty() && inconsistencies.isEmpty();
    }
  }

  /** One thing that does not fit: what kind, which complaint, what was found, and what an operator does. */
  public record Inconsistency(Kind kind, String trackingNumber, String found, String whatToDo) {
  }

  public enum Kind {
    /** A row names a tracking number no complaint has: the customer may hold a number that leads nowhere. */
    UNKNOWN_TRACKING_NUMBER,
    /** An open complaint whose process instance was never there or is gone from the database. */
    COMPLAINT_WITHOUT_PROCESS,
    /** An open complaint whose process instance ended (cancelled, deleted) without closing it. */
    PROCESS_ENDED_WITHOUT_CLOSING,
    /** A running complaint process with no complaint row for its tracking number. */
    PROCESS_WITHOUT_COMPLAINT,
    /** A promise still open although its complaint has closed: every promise ends before its complaint. */
    PROMISE_OPEN_ON_CLOSED_COMPLAINT
  }

  public Report check() {
    List<Inconsistency> inconsistencies = new ArrayList<>();
    inconsistencies.addAll(unknownTrackingNumbers());
    List<Inconsistency> withoutProcess = complaintsWithoutProcess();
    inconsistencies.addAll(withoutProcess);
    inconsistencies.addAll(processesWithoutComplaint());
    inconsistencies.addAll(promisesOpenOnClosedComplaints());
    List<String> withoutRunningProcess = withoutProcess.stream().map(Inconsistency::trackingNumber).toList();
    // A merged complaint ends on purpose: it goes on as the complaint it was merged into. One whose process is
    // not running is reported above, with what to do.
    List<String> stuck = complaints.findByStateNot(ComplaintState.CLOSED).stream()
        .filter(c -> c.getState() != ComplaintState.MERGED)
        .filter(c -> !withoutRunningProcess.contains(c.getTrackingNumber()))
        .filter(this::nothingMovesIt)
        .map(Complaint::getTrackingNumber)
        .toList();
    List<String> unreported = complaints.findByState(ComplaintState.CLOSED).stream()
        .filter(c -> outbox.messagesOf(c.getId()).stream().noneMatch(m -> m.getKind() == MessageKind.REPORT))
        .map(Complaint::getTrackingNumber)
        .toList();
    return new Report(stuck, unreported, inconsistencies);
  }

  private List<Inconsistency> unknownTrackingNumbers() {
    return jdbc.query(UNKNOWN_TRACKING_NUMBERS, (row, i) -> new Inconsistency(Kind.UNKNOWN_TRACKING_NUMBER,
        row.getString(2), row.getString(1) + " names a tracking number no complaint has",
        "Restore the complaint from the latest backup (docs/operators.md: Crash safety and backups) if the customer was "
            + "told this number; otherwise correct or remove the row, and note why in the audit file."));
  }

  private List<Inconsistency> complaintsWithoutProcess() {
    return jdbc.query(COMPLAINTS_WITHOUT_PROCESS, (row, i) -> {
      String trackingNumber = row.getString("tracking_number");
      String instance = row.getString("process_instance_id");
      if (row.getString("ended") != null) {
        String reason = row.getString("delete_reason");
        return new Inconsistency(Kind.PROCESS_ENDED_WITHOUT_CLOSING, trackingNumber,
            "process instance " + instance + " ended" + (reason == null ? "" : " (" + reason + ")")
                + " but the complaint is not closed",
            "See in Cockpit's history why it ended; start the complaint's process again at the step it was in "
                + "(Cockpit: start a process instance before that step, business key " + trackingNumber
                + "), and tell the customer if a promise was missed.");
      }
      return new Inconsistency(Kind.COMPLAINT_WITHOUT_PROCESS, trackingNumber,
          instance == null ? "the complaint has no process instance"
              : "process instance " + instance + " is neither running nor in the history",
          "Restore from the latest backup if the database lost it; otherwise start the complaint's process at the "
              + "step its state names (Cockpit, business key " + trackingNumber + ") so the complaint moves again.");
    });
  }

  private List<Inconsistency> processesWithoutComplaint() {
    return jdbc.query(PROCESSES_WITHOUT_COMPLAINT, (row, i) -> new Inconsistency(Kind.PROCESS_WITHOUT_COMPLAINT,
        row.getString("tracking_number"),
        "complaint process " + row.getString("instance") + " runs, but no complaint has this tracking number",
        "Restore the complaint from the latest backup; if it never existed (a hand-started instance), cancel the "
            + "instance in Cockpit with a note."), ComplaintProcess.KEY);
  }

  private List<Inconsistency> promisesOpenOnClosedComplaints() {
    return jdbc.query(PROMISES_OPEN_ON_CLOSED_COMPLAINTS, (row, i) -> new Inconsistency(
        Kind.PROMISE_OPEN_ON_CLOSED_COMPLAINT, row.getString("tracking_number"),
        row.getString("type").toLowerCase() + " promise " + row.getLong("id") + " is open on a closed complaint"
            + (row.getString("process_instance_id") == null ? "" : " (its watch: " + row.getString("process_instance_id") + ")"),
        "Decide with the customer whether it was kept; record it as kept or broken, and cancel its watch in "
            + "Cockpit so no reminder or escalation follows the closing."));
  }

  private boolean nothingMovesIt(Complaint complaint) {
    String instance = complaint.getProcessInstanceId();
    return taskService.createTaskQuery().processInstanceId(instance).count() == 0
        && managementService.createJobQuery().processInstanceId(instance).count() == 0
        && runtimeService.createIncidentQuery().processInstanceId(instance).count() == 0
        && runtimeService.createEventSubscriptionQuery().processInstanceId(instance).count() == 0;
  }
}
