package io.rootfix.formcontext;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rootfix.complaint.ComplaintProcess;
import io.rootfix.complaint.ComplaintRecord;
import io.rootfix.complaint.Complaints;
import io.rootfix.locale.LocalDates;
import io.rootfix.reason.ControlledReasons;
import io.rootfix.reason.ReasonStep;
import io.rootfix.remedy.Remedy;
import io.rootfix.remedy.RemedyProcess;
import io.rootfix.remedy.RemedyRepository;
import io.rootfix.rootcause.RootCause;
import io.rootfix.rootcause.RootCauseLink;
import io.rootfix.rootcause.RootCauseLinkRepository;
import io.rootfix.rootcause.RootCauseProcess;
import io.rootfix.process.ShownOnForm;
import io.rootfix.rootcause.RootCauseRepository;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * What an agent needs to see on every form, read from Rootfix's own tables when the form is opened: how to reach the
 * customer, the order and the claim, the remedy and where it stands (so nobody sends a second one), the question
 * asked of the customer and their answer, who wrote what a second person checks; on root-cause tasks, the root cause
 * and the complaints linked to it.
 *
 * <p>It is one JSON object per form ({@value #COMPLAINT_CONTEXT} or {@value #ROOT_CAUSE_CONTEXT}) the forms read as
 * {@code complaintContext.contact}, shown on every user task of the complaint, the remedy it calls and the root cause
 * ({@link ShownOnForms}): never stored, so it is as current as the records when the form opens, and no business data
 * is copied into the process or its history.
 */
@Component
public class FormContext {

  public static final String COMPLAINT_CONTEXT = "complaintContext";
  public static final String ROOT_CAUSE_CONTEXT = "rootCauseContext";

  private final Complaints complaints;
  private final RemedyRepository remedies;
  private final RootCauseRepository rootCauses;
  private final RootCauseLinkRepository links;
  private final ObjectProvider<ControlledReasons> reasons;
  private final ObjectMapper json;
  private final LocalDates dates;

  FormContext(Complaints complaints, RemedyRepository remedies, RootCauseRepository rootCauses,
      RootCauseLinkRepository links, ObjectProvider<ControlledReasons> reasons, ObjectMapper json, LocalDates dates) {
    this.complaints = complaints;
    this.remedies = remedies;
    this.rootCauses = rootCauses;
    this.links = links;
    this.reasons = reasons;
    this.json = json;
    this.dates = dates;
  }

  /** complaintContext: on the complaint's tasks and on those of the remedy it calls (with the complaint's id). */
  @Bean
  static ShownOnForm complaintContextShown(ObjectProvider<FormContext> context) {
    return ShownOnForm.onEveryTask(Set.of(ComplaintProcess.KEY, RemedyProcess.KEY), COMPLAINT_CONTEXT,
        task -> context.getObject().ofComplaint(task));
  }

  /** rootCauseContext: on the root cause's tasks. */
  @Bean
  static ShownOnForm rootCauseContextShown(ObjectProvider<FormContext> context) {
    return ShownOnForm.onEveryTask(Set.of(RootCauseProcess.KEY), ROOT_CAUSE_CONTEXT,
        task -> context.getObject().ofRootCause(task));
  }

  private TypedValue ofComplaint(DelegateTask task) {
    Long complaintId = ComplaintProcess.COMPLAINT_ID.from(task);
    IdentityService identity = task.getProcessEngineServices().getIdentityService();
    return complaintId == null ? null
        : complaints.record(complaintId).map(complaint -> asJson(of(complaint, identity))).orElse(null);
  }

  private TypedValue ofRootCause(DelegateTask task) {
    Long rootCauseId = RootCauseProcess.ROOT_CAUSE_ID.from(task);
    IdentityService identity = task.getProcessEngineServices().getIdentityService();
    return rootCauseId == null ? null
        : rootCauses.findById(rootCauseId).map(rootCause -> asJson(of(rootCause, identity))).orElse(null);
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

  private TypedValue asJson(Map<String, Object> context) {
    try {
      return SpinValues.jsonValue(json.writeValueAsString(context)).create();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write a form's context", e);
    }
  }
}
