package io.rootfix.formcontext;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rootfix.complaint.ComplaintRecord;
import io.rootfix.complaint.ComplaintSummary;
import io.rootfix.complaint.Complaints;
import io.rootfix.complaint.ComplaintProcess;
import io.rootfix.complaint.WaitingForFix;
import io.rootfix.locale.LocalDates;
import io.rootfix.reason.ReasonStep;
import io.rootfix.reason.ControlledReasons;
import io.rootfix.remedy.Remedy;
import io.rootfix.remedy.RemedyProcess;
import io.rootfix.remedy.RemedyRepository;
import io.rootfix.rootcause.RootCause;
import io.rootfix.rootcause.RootCauseLink;
import io.rootfix.rootcause.RootCauseLinkRepository;
import io.rootfix.rootcause.RootCauseProcess;
import io.rootfix.rootcause.RootCauseRepository;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * What an agent needs to see on every form, read from Rootfix's own tables when the task is created or claimed:
 * how to reach the customer, the order and the claim, the remedy and where it stands (so nobody sends a second
 * one), the question asked of the customer and their answer, who wrote what a second person checks; on root-cause
 * tasks, the root cause and the complaints linked to it.
 *
 * <p>It is one task-local variable ({@value #COMPLAINT_CONTEXT} or {@value #ROOT_CAUSE_CONTEXT}), a JSON object the
 * forms read as {@code complaintContext.contact}: it ends with the task, so no business data outlives it in the
 * process. It is added to every user task of the complaint, the remedy it calls and the root cause as the models are
 * parsed, so a process owner's model needs no listener for it.
 */
@Component
public class FormContext extends AbstractProcessEnginePlugin implements TaskListener {

  public static final String COMPLAINT_CONTEXT = "complaintContext";
  public static final String ROOT_CAUSE_CONTEXT = "rootCauseContext";

  private final Complaints complaints;
  private final RemedyRepository remedies;
  private final RootCauseRepository rootCauses;
  private final RootCauseLinkRepository links;
  private final ObjectProvider<ControlledReasons> reasons;
  private final ObjectMapper json;
  private final LocalDates dates;
  private final ObjectProvider<WaitingForFix> waitingForFix;

  FormContext(Complaints complaints, RemedyRepository remedies, RootCauseRepository rootCauses,
      RootCauseLinkRepository links, ObjectProvider<ControlledReasons> reasons, ObjectMapper json, LocalDates dates,
      ObjectProvider<WaitingForFix> waitingForFix) {
    this.waitingForFix = waitingForFix;
    this.complaints = complaints;
    this.remedies = remedies;
    this.rootCauses = rootCauses;
    this.links = links;
    this.reasons = reasons;
    this.json = json;
    this.dates = dates;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        String key = activity.getProcessDefinition() instanceof ProcessDefinitionEntity definition
            ? definition.getKey() : null;
        if (withContext(key) && activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
          behavior.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_CREATE, FormContext.this);
          behavior.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, FormContext.this);
        }
        // After the model's own listener recorded the step: the deadline or the state the waiting complaints show.
        if (RootCauseProcess.KEY.equals(key) && activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
          behavior.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_COMPLETE,
              (TaskListener) FormContext.this::refreshWaitingComplaints);
        }
      }

      // A remedy is decided, paid or shipped, a root cause linked, by service tasks while a form is open.
      @Override
      public void parseServiceTask(Element serviceTaskElement, ScopeImpl scope, ActivityImpl activity) {
        String key = activity.getProcessDefinition() instanceof ProcessDefinitionEntity definition
            ? definition.getKey() : null;
        if (withContext(key)) {
          activity.addListener(ExecutionListener.EVENTNAME_END, (ExecutionListener) FormContext.this::refreshOpenTasks);
        }
      }
    });
    configuration.setCustomPostBPMNParseListeners(listeners);
  }

  /** The complaint's and the root cause's tasks, and the remedy's, which the complaint calls with its id. */
  private static boolean withContext(String processKey) {
    return ComplaintProcess.KEY.equals(processKey) || RootCauseProcess.KEY.equals(processKey)
        || RemedyProcess.KEY.equals(processKey);
  }

  /**
   * Rewrites the context of the process instance's open tasks after a service task, and of the instance that called
   * it (the complaint, whose Patch the symptom shows the remedy) and of its root cause's.
   */
  private void refreshOpenTasks(DelegateExecution execution) {
    TaskService tasks = execution.getProcessEngineServices().getTaskService();
    List<String> instances = new ArrayList<>(List.of(execution.getProcessInstanceId()));
    DelegateExecution caller = execution.getProcessInstance().getSuperExecution();
    if (caller != null) {
      instances.add(caller.getProcessInstanceId());
    }
    Long complaintId = ComplaintProcess.COMPLAINT_ID.from(execution);
    if (complaintId != null) {
      complaints.summary(complaintId).map(ComplaintSummary::rootCauseId).flatMap(rootCauses::findById)
          .map(RootCause::getProcessInstanceId).filter(Objects::nonNull).ifPresent(instances::add);
    }
    for (String instance : instances) {
      for (Task open : tasks.createTaskQuery().processInstanceId(instance).list()) {
        if (open instanceof TaskEntity entity && !entity.isDeleted()) {
          notify(entity);
        }
      }
    }
  }

  /**
   * Rewrites "Wait for the root cause's fix" on every complaint still waiting for this root cause. Without the
   * person's authorisations: whoever works the root cause (its owning department) may not read complaint tasks.
   */
  private void refreshWaitingComplaints(DelegateTask rootCauseTask) {
    Long rootCauseId = RootCauseProcess.ROOT_CAUSE_ID.from(rootCauseTask);
    String[] waiting = rootCauseId == null ? new String[0] : links.findByRootCauseIdAndToldAtIsNull(rootCauseId)
        .stream().map(RootCauseLink::getTrackingNumber).toArray(String[]::new);
    if (waiting.length == 0) {
      return;
    }
    TaskService tasks = rootCauseTask.getProcessEngineServices().getTaskService();
    List<Task> open = Context.getCommandContext().runWithoutAuthorization(() -> tasks.createTaskQuery()
        .processInstanceBusinessKeyIn(waiting).taskDefinitionKey(ComplaintProcess.Element.WAIT_FOR_FIX).list());
    for (Task task : open) {
      if (task instanceof TaskEntity entity && !entity.isDeleted()) {
        waitingForFix.getObject().notify(entity);
        notify(entity);
      }
    }
  }

  @Override
  public void notify(DelegateTask task) {
    IdentityService identity = task.getProcessEngineServices().getIdentityService();
    Long complaintId = ComplaintProcess.COMPLAINT_ID.from(task);
    Long rootCauseId = complaintId == null ? RootCauseProcess.ROOT_CAUSE_ID.from(task) : null;
    if (complaintId != null) {
      complaints.record(complaintId)
          .ifPresent(complaint -> task.setVariableLocal(COMPLAINT_CONTEXT, asJson(of(complaint, identity))));
    } else if (rootCauseId != null) {
      rootCauses.findById(rootCauseId)
          .ifPresent(rootCause -> task.setVariableLocal(ROOT_CAUSE_CONTEXT, asJson(of(rootCause, identity))));
    }
  }

  /** The complaint's context, every value a readable sentence part (never a code) or null when there is none. */
  Map<String, Object> of(ComplaintRecord complaint, IdentityService identity) {
    Map<String, Object> context = new LinkedHashMap<>();
    ComplaintRecord.CustomerOnFile customer = complaint.customer();
    String phone = firstOf(complaint.contactPhone(), customer == null ? null : customer.phone());
    String email = firstOf(complaint.contactEmail(), customer == null ? null : customer.email());
    String handle = complaint.contactHandle() != null
        ? handle(complaint.handleNetwork() == null ? null : complaint.handleNetwork().code(), complaint.contactHandle())
        : customer == null ? null : customer.handles().stream()
            .map(h -> handle(h.network() == null ? null : h.network().code(), h.handle()))
            .collect(Collectors.collectingAndThen(Collectors.joining(", "), FormContext::blankToNull));
    context.put("phone", phone);
    context.put("email", email);
    context.put("handle", handle);
    context.put("contact", blankToNull(Stream.of(phone == null ? null : "phone " + phone,
            email == null ? null : "e-mail " + email, handle)
        .filter(Objects::nonNull).collect(Collectors.joining(" · "))));
    context.put("preferredChannel", complaint.contactPreference() == null ? null
        : switch (complaint.contactPreference()) {
          case EMAIL -> "E-mail";
          case PHONE -> "Phone";
          case CHAT -> "Chat";
          case SOCIAL -> "Social media";
          case LETTER -> "Letter";
        });
    context.put("order", blankToNull(complaint.orderReference()));
    context.put("claim", complaint.claimedAmount() == null ? null : money(complaint.claimedAmount(), "EUR"));
    List<Remedy> decided = remedies.findByComplaint_IdOrderByDecidedAtAscIdAsc(complaint.id());
    List<String> remedyLines = decided.stream().map(this::remedy).filter(Objects::nonNull).toList();
    context.put("remedy", remedyLines.isEmpty() ? null : String.join("; ", remedyLines));
    context.put("remedyDone", decided.stream()
        .anyMatch(r -> r.getState() != null && switch (r.getState()) {
          case GRANTED, PAID, SHIPPED -> true;
          default -> false;
        }));
    context.put("question", blankToNull(complaint.informationRequest()));
    context.put("answer", blankToNull(complaint.customerInformation()));
    context.put("draftedBy", fullName(identity, complaint.answerDraftedBy()));
    context.put("owner", fullName(identity, complaint.owner()));
    context.put("answerBy", dates.date(complaint.agreedAnswerDate()));
    context.put("severity", complaint.severity() == null ? null : label(complaint.severity().name()));
    // The review sees what the policy decided, in words: "Refund of EUR 650,00", not "REFUND 650".
    context.put("decidedRemedy", decided.stream().map(this::what).filter(Objects::nonNull).reduce((first, last) -> last).orElse(null));
    // The author of a returned draft reads why, not only who returned it.
    reasons.getObject().ofComplaint(complaint.id()).stream()
        .filter(r -> ReasonStep.RETURN_ANSWER.equals(r.step())).reduce((first, last) -> last)
        .ifPresent(returned -> {
          context.put("returnedBy", fullName(identity, returned.recordedBy()));
          context.put("returnReason", returned.label());
        });
    return context;
  }

  /** The root cause's context: what it is and which complaints wait for it. */
  Map<String, Object> of(RootCause rootCause, IdentityService identity) {
    Map<String, Object> context = new LinkedHashMap<>();
    List<RootCauseLink> linked = links.findByRootCauseIdOrderByLinkedAtAsc(rootCause.getId());
    context.put("title", rootCause.getTitle());
    context.put("category", category(rootCause.getCategory()));
    context.put("complaintCount", linked.size());
    context.put("complaints", blankToNull(linked.stream()
        .map(link -> complaints.summary(link.getComplaintId())
            .map(c -> c.trackingNumber() + " (" + (c.contactName() == null ? "customer" : c.contactName())
                + ", " + words(c.state() == null ? null : c.state().name()) + ")")
            .orElse(link.getTrackingNumber()))
        .collect(Collectors.joining(", "))));
    context.put("fixDeadline", dates.date(rootCause.getFixDeadline()));
    context.put("fixedBy", fullName(identity, rootCause.getFixedBy()));
    return context;
  }

  private String what(Remedy remedy) {
    return remedy.getType() == null ? null : switch (remedy.getType()) {
      case REFUND -> "Refund of " + money(remedy.getAmount(), remedy.getCurrency());
      case REPLACEMENT -> "Replacement";
      case REPAIR -> "Repair";
      case NONE -> "No remedy";
    };
  }

  private String remedy(Remedy remedy) {
    String what = what(remedy);
    if (what == null) {
      return null;
    }
    if (remedy.getState() == null) {
      return what;
    }
    return what + ": " + switch (remedy.getState()) {
      case AWAITING_APPROVAL -> "waiting for a team lead's approval";
      case GRANTED -> "granted, being carried out";
      case REFUSED -> "refused" + (remedy.getRefusalReason() == null ? "" : " (" + remedy.getRefusalReason() + ")");
      case PAID -> "paid" + on(remedy.getExecutedAt()) + reference(remedy);
      case SHIPPED -> "shipped" + on(remedy.getExecutedAt()) + reference(remedy);
      case NOT_GRANTED -> "none granted by policy";
    };
  }

  private String on(Instant when) {
    return when == null ? "" : " on " + dates.moment(when);
  }

  private static String reference(Remedy remedy) {
    return remedy.getExternalReference() == null ? "" : " (reference " + remedy.getExternalReference() + ")";
  }

  private static String money(BigDecimal amount, String currency) {
    return amount == null ? "an amount to be decided"
        : String.format(Locale.forLanguageTag("nl"), "%s %,.2f", currency == null ? "EUR" : currency, amount);
  }

  private static String handle(String network, String handle) {
    return network == null ? handle : handle + " (" + network + ")";
  }

  private static String category(String code) {
    if (code == null) {
      return null;
    }
    return switch (code.toLowerCase(Locale.ROOT)) {
      case "delivery" -> "Delivery";
      case "product" -> "Product quality";
      case "billing" -> "Billing and payment";
      case "service" -> "Service and staff";
      case "other" -> "Something else";
      default -> code;
    };
  }

  private static String words(String code) {
    return code == null ? "open" : code.toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  /** "NORMAL" -> "Normal". */
  private static String label(String code) {
    String words = words(code);
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  /** The person's full name from the identity service, with the login after it; the login alone if unknown. */
  static String fullName(IdentityService identity, String userId) {
    if (userId == null) {
      return null;
    }
    User user = identity.createUserQuery().userId(userId).singleResult();
    String name = user == null ? null
        : blankToNull(Stream.of(user.getFirstName(), user.getLastName()).filter(Objects::nonNull)
            .collect(Collectors.joining(" ")).trim());
    return name == null ? userId : name + " (" + userId + ")";
  }

  private static String firstOf(String first, String second) {
    return blankToNull(first) != null ? first : blankToNull(second);
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }

  private Object asJson(Map<String, Object> context) {
    try {
      return SpinValues.jsonValue(json.writeValueAsString(context)).create();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write a form's context", e);
    }
  }
}
