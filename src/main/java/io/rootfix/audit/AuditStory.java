package io.rootfix.audit;

import io.rootfix.calendar.BusinessCalendar;
import io.rootfix.complaint.SentAnswer;
import io.rootfix.complaint.ComplaintRecord;
import io.rootfix.complaint.ComplaintProcess.Element;
import io.rootfix.complaint.Complaints;
import io.rootfix.notify.CustomerMessage;
import io.rootfix.notify.MessageKind;
import io.rootfix.notify.Outbox;
import io.rootfix.promise.PromiseService;
import io.rootfix.promise.PromiseView;
import io.rootfix.reason.ControlledReasons;
import io.rootfix.reason.ReasonStep;
import io.rootfix.reason.GivenReason;
import io.rootfix.remedy.RemedyService;
import io.rootfix.remedy.RemedyView;
import io.rootfix.rootcause.RootCauseService;
import io.rootfix.rootcause.RootCauseState;
import io.rootfix.rootcause.RootCauseView;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A complaint's story for an auditor: its milestones in local time with who did each, then its promises, remedies,
 * messages and the reasons given. Built from Rootfix's own records and from the engine's activity, task and
 * user-operation history only, never from the history of process variables: those are working values of the
 * process, which may be slimmed down, while the story must hold for as long as the complaint is kept.
 */
@Service
@Transactional(readOnly = true)
public class AuditStory {

  /** How the audit shows a moment: in the office's time zone (rootfix.calendar.zone). */
  static final String LOCAL_PATTERN = "dd-MM-yyyy HH:mm";
  private static final DateTimeFormatter LOCAL_DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");

  public record Story(String trackingNumber, String state, String customer, String channel, String timeZone,
      List<Milestone> timeline, List<PromiseLine> promises, List<RemedyLine> remedies, List<MessageLine> messages,
      List<ReasonLine> reasons) {}

  /** One milestone: when (as an instant and as the office's local time), what, its details, and who. */
  public record Milestone(Instant at, String localTime, String what, String details, String by, String userId) {}

  public record PromiseLine(Long id, String type, String text, String madeAt, String madeBy, String dueAt,
      String outcome, String endedAt, String endedBy, List<String> renegotiations) {}

  public record RemedyLine(Long id, String type, BigDecimal amount, String currency, String outcome, String policy,
      String approvedBy, String reference, String decidedAt, String executedAt) {}

  public record MessageLine(Long id, String at, String kind, String channel, String recipient, String subject,
      String delivery) {}

  public record ReasonLine(String at, String step, String reason, String note, String by) {}

  private final HistoryService history;
  private final Complaints complaints;
  private final PromiseService promises;
  private final RemedyService remedies;
  private final RootCauseService rootCauses;
  private final Outbox outbox;
  private final ControlledReasons reasons;
  private final AuditPeople people;
  private final DateTimeFormatter local;

  AuditStory(HistoryService history, Complaints complaints, PromiseService promises, RemedyService remedies,
      RootCauseService rootCauses, Outbox outbox, ControlledReasons reasons, AuditPeople people,
      BusinessCalendar calendar) {
    this.history = history;
    this.complaints = complaints;
    this.promises = promises;
    this.remedies = remedies;
    this.rootCauses = rootCauses;
    this.outbox = outbox;
    this.reasons = reasons;
    this.people = people;
    this.local = DateTimeFormatter.ofPattern(LOCAL_PATTERN).withZone(calendar.zone());
  }

  /** The moment in the office's local time, as every part of the audit shows it. */
  String local(Instant instant) {
    return instant == null ? null : local.format(instant);
  }

  String zone() {
    return local.getZone().getId();
  }

  public Story of(String trackingNumber) {
    ComplaintRecord complaint = complaints.record(trackingNumber);
    List<PromiseView> promiseViews = promises.ofComplaint(complaint.trackingNumber());
    List<RemedyView> remedyViews = remedies.ofComplaint(complaint.trackingNumber());
    List<CustomerMessage> messages = outbox.messagesOf(complaint.id());
    List<GivenReason> reasonsGiven = reasons.ofComplaint(complaint.id());
    List<SentAnswer> answers = complaints.answersOf(complaint.id());
    RootCauseView rootCause = complaint.rootCauseId() == null ? null : rootCauses.summary(complaint.rootCauseId());

    List<Draft> timeline = new ArrayList<>();
    HistoricProcessInstance instance = complaint.processInstanceId() == null ? null
        : history.createHistoricProcessInstanceQuery().processInstanceId(complaint.processInstanceId()).singleResult();
    String receivedBy = instance == null || instance.getStartUserId() == null ? "customer" : instance.getStartUserId();
    timeline.add(new Draft(complaint.createdAt(), "Complaint received",
        "by " + channel(complaint.channel().code()) + ", about " + complaint.category().code()
            + "; the customer wants " + complaint.desiredOutcome().code()
            + (complaint.orderReference() == null ? "" : "; order " + complaint.orderReference()),
        receivedBy));
    if (instance != null) {
      engineMilestones(timeline, complaint, promiseViews, reasonsGiven, rootCause);
    }
    // After the agreement it acknowledges (at the same moment when no job waited in between).
    messages.stream().filter(m -> m.getKind() == MessageKind.ACKNOWLEDGEMENT).findFirst().ifPresent(m ->
        timeline.add(new Draft(m.getCreatedAt(), "Acknowledged with the tracking number",
            "by " + m.getChannel() + (m.getRecipient() == null ? "" : " to " + m.getRecipient()) + ": " + m.getSubject(),
            null)));
    if (rootCause != null && rootCause.fixedAt() != null) {
      timeline.add(new Draft(rootCause.fixedAt(), "Root cause fixed",
          "RC-" + rootCause.id() + " " + rootCause.title() + ": " + rootCause.fixDescription(), rootCause.fixedBy(),
          rootCause.verifiedBy()));
    } else if (rootCause != null && rootCause.state() == RootCauseState.WONT_FIX) {
      timeline.add(new Draft(complaint.updatedAt(), "Root cause will not be fixed",
          "RC-" + rootCause.id() + " " + rootCause.title() + ": " + rootCause.wontFixReason(), null));
    }
    for (SentAnswer answer : answers) {
      timeline.add(new Draft(answer.sentAt(), "Answer sent",
          "by " + answer.channel() + (answer.recipient() == null ? "" : " to " + answer.recipient())
              + ", \"" + answer.subject() + "\" (message " + answer.customerMessageId() + "); "
              + (answer.reviewRequired() ? "reviewed (" + answer.reviewPolicy() + ")" : "no review required")
              + "; the answer: " + answer.answerText(),
          null, answer.reviewedBy()));
    }
    if (complaint.mergedInto() != null) {
      timeline.add(new Draft(complaint.closedAt(), "Merged into " + complaint.mergedInto(),
          complaint.closingNote(), null));
    } else if (complaint.closedAt() != null) {
      timeline.add(new Draft(complaint.closedAt(), "Complaint closed", complaint.closingNote(), null));
    }
    // Stable: what happened in one transaction stays in the order it happened.
    timeline.sort(Comparator.comparing(Draft::at, Comparator.nullsLast(Comparator.naturalOrder())));

    Set<String> userIds = new HashSet<>();
    timeline.forEach(d -> {
      userIds.add(d.userId());
      userIds.add(d.secondUserId());
    });
    promiseViews.forEach(p -> {
      userIds.add(p.madeBy());
      userIds.add(p.keptBy());
      userIds.add(p.releasedBy());
      p.renegotiations().forEach(r -> userIds.add(r.renegotiatedBy()));
    });
    remedyViews.forEach(r -> userIds.add(r.approvedBy()));
    reasonsGiven.forEach(r -> userIds.add(r.recordedBy()));
    messages.forEach(m -> userIds.add(m.getSentBy()));
    AuditPeople.Names names = people.of(userIds);

    String customer = complaint.customer() == null ? complaint.contactName()
        : complaint.customer().name() + " (customer " + complaint.customer().id() + ")";
    return new Story(complaint.trackingNumber(), complaint.state().name(), customer,
        channel(complaint.channel().code()), local.getZone().getId(),
        timeline.stream().map(d -> milestone(d, names)).toList(),
        promiseViews.stream().map(p -> promise(p, names)).toList(),
        remedyViews.stream().map(r -> remedy(r, names)).toList(),
        messages.stream().map(m -> message(m, names)).toList(),
        reasonsGiven.stream().map(r -> new ReasonLine(local(r.recordedAt()), ReasonStep.describe(r.step()),
            r.label(), r.note(), names.of(r.recordedBy()))).toList());
  }

  /** What happened in the complaint's process, from its activity history and who completed each task. */
  private void engineMilestones(List<Draft> timeline, ComplaintRecord complaint, List<PromiseView> promiseViews,
      List<GivenReason> reasonsGiven, RootCauseView rootCause) {
    List<HistoricActivityInstance> activities = history.createHistoricActivityInstanceQuery()
        .processInstanceId(complaint.processInstanceId()).orderByHistoricActivityInstanceStartTime().asc()
        .orderPartiallyByOccurrence().asc().list();
    // Every "done by" is the signed-in user who completed the task (the engine logs it), not merely its assignee.
    Map<String, String> completedBy = new HashMap<>();
    for (UserOperationLogEntry entry : history.createUserOperationLogQuery()
        .processInstanceId(complaint.processInstanceId())
        .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).list()) {
      if (entry.getTaskId() != null && entry.getUserId() != null) {
        completedBy.put(entry.getTaskId(), entry.getUserId());
      }
    }
    List<HistoricActivityInstance> replies = new ArrayList<>();
    for (HistoricActivityInstance activity : activities) {
      if (activity.getEndTime() == null || activity.isCanceled()) {
        continue;
      }
      Instant end = activity.getEndTime().toInstant();
      String by = activity.getTaskId() == null ? null
          : completedBy.getOrDefault(activity.getTaskId(), activity.getAssignee());
      switch (activity.getActivityId()) {
        case Element.AGREE_EXPECTATION -> timeline.add(new Draft(end, "Expectation agreed",
            "the customer wants " + complaint.desiredOutcome().code()
                + firstAgreedDate(promiseViews).map(date -> "; an answer by " + date).orElse("")
                + (complaint.contactPreference() == null ? "" : "; to hear from us by "
                    + complaint.contactPreference().code())
                + (complaint.expectationNote() == null ? "" : "; " + complaint.expectationNote()), by));
        case Element.PATCH_SYMPTOM -> timeline.add(new Draft(end, "Symptom patched", complaint.patchDescription(), by));
        case Element.FIND_ROOT_CAUSE -> timeline.add(new Draft(end, "Root cause found", rootCauseFound(complaint,
            rootCause), by));
        case Element.ASK_CUSTOMER -> timeline.add(new Draft(end, "Customer asked for information",
            complaint.informationRequest(), null));
        case Element.CUSTOMER_INFORMATION_RECEIVED -> timeline.add(new Draft(end, "Customer's information received",
            complaint.customerInformation(), "customer"));
        case Element.REPORT_BACK -> timeline.add(new Draft(end, "Answer drafted", null, by));
        case Element.REVIEW_ANSWER -> {
          boolean returned = Element.REPORT_BACK.equals(next(activities, end, Element.REPORT_BACK, Element.SEND_ANSWER));
          timeline.add(new Draft(end, returned ? "Answer returned to its author" : "Answer reviewed and approved",
              returned ? returnReason(reasonsGiven, by) : null, by));
        }
        case Element.RECORD_CUSTOMER_CONFIRMATION, Element.CUSTOMER_CONFIRMED -> {
          replies.add(activity);
          String outcome = next(activities, end, Element.CLOSE, Element.REOPEN, Element.CLOSE_WITHOUT_REPLY);
          String said = outcome == null ? "" : switch (outcome) {
            case Element.CLOSE -> "resolved";
            case Element.REOPEN -> "not resolved";
            default -> "closed without the customer's confirmation";
          };
          timeline.add(activity.getActivityId().equals(Element.CUSTOMER_CONFIRMED)
              ? new Draft(end, "Customer replied", said + " (through " + channel(complaint.channel().code()) + ")",
                  "customer")
              : new Draft(end, "Customer's reply recorded", said, by));
        }
        case Element.NO_REPLY -> timeline.add(new Draft(end, "No reply from the customer in time", null, null));
        case Element.REOPEN -> timeline.add(new Draft(end, "Complaint reopened", null, null));
        case Element.POINT_TO_DISPUTES_COMMITTEE -> timeline.add(new Draft(end,
            "Customer told where to turn outside", null, null));
        default -> {
          // The engine's own steps (gateways, service tasks, timers) are in the full trail.
        }
      }
    }
    // The customer's last words, on the last reply (the complaint keeps the latest comment).
    if (!replies.isEmpty() && complaint.customerComment() != null && !complaint.customerComment().isBlank()) {
      Instant last = replies.get(replies.size() - 1).getEndTime().toInstant();
      for (int i = timeline.size() - 1; i >= 0; i--) {
        Draft d = timeline.get(i);
        if (d.at().equals(last) && d.what().startsWith("Customer")) {
          timeline.set(i, d.withDetails(d.details() + "; \"" + complaint.customerComment() + "\""));
          break;
        }
      }
    }
  }

  /** Which of these activities started first at or after the moment: what a decision led to. */
  private static String next(List<HistoricActivityInstance> activities, Instant after, String... candidates) {
    return activities.stream()
        .filter(a -> List.of(candidates).contains(a.getActivityId()))
        .filter(a -> !a.getStartTime().toInstant().isBefore(after))
        .min(Comparator.comparing(HistoricActivityInstance::getStartTime))
        .map(HistoricActivityInstance::getActivityId).orElse(null);
  }

  private static String returnReason(List<GivenReason> reasonsGiven, String by) {
    return reasonsGiven.stream().filter(r -> r.step().equals(ReasonStep.RETURN_ANSWER))
        .filter(r -> by == null || by.equals(r.recordedBy()))
        .reduce((first, second) -> second)
        .map(r -> r.label() + ": " + r.note()).orElse(null);
  }

  private static String rootCauseFound(ComplaintRecord complaint, RootCauseView rootCause) {
    if (complaint.oneOff()) {
      return "a one-off, no fundamental fix needed: " + complaint.oneOffReason();
    }
    if (rootCause != null) {
      return "RC-" + rootCause.id() + " " + rootCause.title();
    }
    return complaint.rootCauseDescription();
  }

  /** The date first agreed with the customer: the answer promise's own words, before any renegotiation. */
  private java.util.Optional<String> firstAgreedDate(List<PromiseView> promiseViews) {
    return promiseViews.stream().filter(p -> p.type() == io.rootfix.promise.PromiseType.ANSWER).findFirst()
        .map(p -> {
          Instant due = p.renegotiations().isEmpty() ? p.dueAt() : p.renegotiations().get(0).oldDueAt();
          return LOCAL_DATE.withZone(local.getZone()).format(due);
        });
  }

  private Milestone milestone(Draft d, AuditPeople.Names names) {
    String details = d.details();
    if (d.secondUserId() != null) {
      String who = names.of(d.secondUserId());
      details = (details == null ? "" : details + "; ") + (d.what().equals("Answer sent") ? "approved by " : "verified by ")
          + who;
    }
    return new Milestone(d.at(), local(d.at()), d.what(), details, names.of(d.userId()),
        d.userId() == null ? AuditEntry.SYSTEM : d.userId());
  }

  private PromiseLine promise(PromiseView p, AuditPeople.Names names) {
    String outcome = switch (p.state()) {
      case OPEN -> "open";
      case KEPT -> "kept";
      case RENEGOTIATED -> "kept at a date renegotiated in time";
      case BROKEN -> "broken";
      case RELEASED -> "released: " + p.releaseNote();
    };
    Instant endedAt = p.keptAt() != null ? p.keptAt() : p.brokenAt() != null ? p.brokenAt() : p.releasedAt();
    String endedBy = switch (p.state()) {
      case OPEN -> null;
      case KEPT, RENEGOTIATED -> names.of(p.keptBy());
      case RELEASED -> names.of(p.releasedBy());
      case BROKEN -> AuditPeople.SYSTEM;
    };
    return new PromiseLine(p.id(), words(p.type().name()), p.text(), local(p.madeAt()), names.of(p.madeBy()),
        local(p.dueAt()), outcome, local(endedAt), endedBy,
        p.renegotiations().stream().map(r -> local(r.oldDueAt()) + " → " + local(r.newDueAt()) + " by "
            + names.of(r.renegotiatedBy()) + " on " + local(r.renegotiatedAt()) + ": " + r.reason()
            + (r.customerToldInTime() ? " (customer told in time)" : " (customer told late)")).toList());
  }

  private RemedyLine remedy(RemedyView r, AuditPeople.Names names) {
    String outcome = switch (r.state()) {
      case AWAITING_APPROVAL -> "waiting for a team lead's approval";
      case GRANTED -> "granted";
      case REFUSED -> "refused: " + r.refusalReason();
      case PAID -> "paid";
      case SHIPPED -> "shipped";
      case NOT_GRANTED -> "not granted";
    };
    return new RemedyLine(r.id(), words(r.type().name()), r.amount(), r.currency(), outcome, r.policyNote(),
        r.approvalNeeded() && r.approvedBy() != null ? names.of(r.approvedBy()) : null, r.externalReference(),
        local(r.decidedAt()), local(r.executedAt()));
  }

  private MessageLine message(CustomerMessage m, AuditPeople.Names names) {
    return new MessageLine(m.getId(), local(m.getCreatedAt()), words(m.getKind().name()), m.getChannel(),
        m.getRecipient(), m.getSubject(), switch (m.getState()) {
          case PENDING, SENDING -> "on its way";
          case SENT -> "sent " + local(m.getSentAt()) + (m.getSentBy() == null ? "" : " by " + names.of(m.getSentBy()));
          case FOR_AGENT -> "for an agent to send by hand";
        });
  }

  private static String channel(String code) {
    return switch (code) {
      case "web" -> "web form";
      case "email" -> "e-mail";
      case "social" -> "social media";
      default -> code;
    };
  }

  /** BROKEN_PROMISE_APOLOGY → "Broken promise apology". */
  static String words(String constant) {
    String text = constant.replace('_', ' ').toLowerCase(Locale.ROOT);
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  /** A milestone before the names are looked up; {@code secondUserId}: who approved or verified it. */
  private record Draft(Instant at, String what, String details, String userId, String secondUserId) {

    Draft(Instant at, String what, String details, String userId) {
      this(at, what, details, userId, null);
    }

    Draft withDetails(String newDetails) {
      return new Draft(at, what, newDetails, userId, secondUserId);
    }
  }
}
