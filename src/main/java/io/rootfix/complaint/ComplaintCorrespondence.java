package io.rootfix.complaint;

import io.rootfix.customer.Customer;
import io.rootfix.notify.AgentNames;
import io.rootfix.notify.CustomerLinks;
import io.rootfix.notify.CustomerMessage;
import io.rootfix.notify.MessageTemplate;
import io.rootfix.notify.MessageTemplates;
import io.rootfix.notify.MessageKind;
import io.rootfix.notify.Outbox;
import io.rootfix.promise.PromiseView;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * What the customer hears from us about their complaint, on the channel they chose and in their language. The
 * wording is the process owners': templates/ (docs/templates.md); this class only gathers the values.
 */
@Component
class ComplaintCorrespondence {

  private static final String DATE_PATTERN = "EEEE d MMMM yyyy";
  private static final String MOMENT_PATTERN = "EEEE d MMMM yyyy, HH:mm";

  private final Outbox outbox;
  private final MessageTemplates templates;
  private final AgentNames agentNames;
  private final CustomerLinks links;
  private final String disputesCommittee;
  private final ZoneId zone;

  ComplaintCorrespondence(Outbox outbox, MessageTemplates templates, AgentNames agentNames, CustomerLinks links,
      Clock clock, ComplaintSettings settings) {
    this.outbox = outbox;
    this.templates = templates;
    this.agentNames = agentNames;
    this.links = links;
    this.zone = clock.getZone();
    this.disputesCommittee = settings.disputesCommittee();
  }

  /** At intake (web, e-mail) or once the expectation is agreed (other channels); never twice for one complaint. */
  void acknowledge(Complaint complaint) {
    boolean acknowledged = outbox.hasMessage(complaint.getId(), MessageKind.ACKNOWLEDGEMENT);
    if (acknowledged && complaint.getAgreedAnswerDate() == null) {
      return;
    }
    send(complaint, acknowledged ? MessageKind.ANSWER_DATE_AGREED : MessageKind.ACKNOWLEDGEMENT,
        Map.of("agreedAnswerDate", date(complaint, complaint.getAgreedAnswerDate())));
  }

  void askForInformation(Complaint complaint) {
    send(complaint, MessageKind.INFORMATION_REQUEST, Map.of("question", complaint.getInformationRequest(),
        "replyLink", link(complaint, CustomerLinks.Purpose.ANSWER)));
  }

  void newAnswerDate(Complaint complaint) {
    send(complaint, MessageKind.NEW_ANSWER_DATE, Map.of("agreedAnswerDate", date(complaint, complaint.getAgreedAnswerDate())));
  }

  void promiseMoved(Complaint complaint, String promise, Instant oldDueAt, Instant newDueAt, String reason) {
    send(complaint, MessageKind.PROMISE_RENEGOTIATED, Map.of("promise", promise,
        "oldDate", moment(complaint, oldDueAt), "newDate", moment(complaint, newDueAt), "reason", nullToEmpty(reason)));
  }

  void apologiseForBrokenPromise(Complaint complaint, String promise, Instant dueAt) {
    send(complaint, MessageKind.BROKEN_PROMISE_APOLOGY, Map.of("promise", promise, "dueDate", moment(complaint, dueAt)));
  }

  /**
   * The complaint closes without these promises: the customer reads which ones no longer hold and why
   * ({@code explanation}: the agent's words; null when they end because the complaint closed, which the template
   * words).
   */
  void promisesReleased(Complaint complaint, List<PromiseView> released, String explanation) {
    StringBuilder list = new StringBuilder();
    for (PromiseView promise : released) {
      list.append("- \"").append(promise.text()).append("\" (").append(moment(complaint, promise.dueAt())).append(")\n");
    }
    send(complaint, MessageKind.PROMISE_RELEASED, Map.of("promises", list.toString(),
        "explanation", nullToEmpty(explanation)));
  }

  private String date(Complaint complaint, LocalDate date) {
    return date == null ? "" : DateTimeFormatter.ofPattern(DATE_PATTERN, complaint.getLanguage().locale()).format(date);
  }

  private String moment(Complaint complaint, Instant instant) {
    return DateTimeFormatter.ofPattern(MOMENT_PATTERN, complaint.getLanguage().locale()).format(instant.atZone(zone));
  }

  void statusUpdate(Complaint complaint, String update) {
    send(complaint, MessageKind.STATUS_UPDATE, Map.of("update", update));
  }

  /** Returns the message the answer goes out as: the evidence of what the customer got. */
  CustomerMessage report(Complaint complaint) {
    return send(complaint, MessageKind.REPORT, reportValues(complaint, complaint.getAnswerText()));
  }

  /**
   * What the customer will receive around the agent's answer, for the Report back form: the message with a marker
   * where the answer goes, split at it (the link is a sample; the real one is made when the answer is sent).
   */
  MessageTemplate.Rendered preview(Complaint complaint, String answerMarker) {
    Map<String, String> values = new HashMap<>(reportValues(complaint, answerMarker));
    values.put("replyLink", links.baseUrl() + "/reply/…");
    return templates.render(MessageKind.REPORT, complaint.getLanguage(), common(complaint, values));
  }

  private Map<String, String> reportValues(Complaint complaint, String answer) {
    // The root cause's fix, in every report of a complaint it hit: what works differently from now on.
    String fix = complaint.isOneOff() || complaint.getFixDescription() == null ? "" : complaint.getFixDescription();
    return Map.of("answer", nullToEmpty(answer), "fixDescription", fix,
        "replyLink", link(complaint, CustomerLinks.Purpose.CONFIRM));
  }

  void pointToDisputesCommittee(Complaint complaint) {
    send(complaint, MessageKind.DISPUTES_COMMITTEE, Map.of("reopenCount", String.valueOf(complaint.getReopenCount()),
        "disputesCommittee", disputesCommittee));
  }

  void closing(Complaint complaint) {
    send(complaint, MessageKind.CLOSING, Map.of("closingNote", nullToEmpty(complaint.getClosingNote()),
        "effortLink", link(complaint, CustomerLinks.Purpose.EFFORT)));
  }

  /** Closed without the customer's word: the template says so; an internal note stays internal. */
  void closingUnconfirmed(Complaint complaint) {
    send(complaint, MessageKind.CLOSING, Map.of("unconfirmed", "yes",
        "effortLink", link(complaint, CustomerLinks.Purpose.EFFORT)));
  }

  /**
   * The personal link for what the complaint waits for, asked for on the status page: to the contact on file, as
   * every message, never to an address the request names.
   */
  void yourLink(Complaint complaint, CustomerLinks.Purpose purpose) {
    Map<String, String> values = new HashMap<>(Map.of("answerLink", "", "confirmLink", "", "effortLink", ""));
    values.put(purpose.name().toLowerCase(Locale.ROOT) + "Link", link(complaint, purpose));
    send(complaint, MessageKind.YOUR_LINK, values);
  }

  private String link(Complaint complaint, CustomerLinks.Purpose purpose) {
    return complaint.getCustomer() == null ? "" : links.link(complaint.getId(), complaint.getCustomer().getId(), purpose);
  }

  private Map<String, String> common(Complaint complaint, Map<String, String> values) {
    Map<String, String> all = new HashMap<>(values);
    all.put("customerName", complaint.getContactName());
    all.put("trackingNumber", complaint.getTrackingNumber());
    all.put("agentName", agentNames.fullName(complaint.getOwner()));
    return all;
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }

  private CustomerMessage send(Complaint complaint, MessageKind kind, Map<String, String> values) {
    MessageTemplate.Rendered message = templates.render(kind, complaint.getLanguage(), common(complaint, values));
    String subject = message.subject();
    String body = message.body();
    String channel = complaint.getContactPreference() != null
        ? complaint.getContactPreference().code()
        : complaint.getChannel().code();
    return outbox.queue(new Outbox.NewMessage(complaint.getId(), complaint.getTrackingNumber(), kind, channel,
        recipient(complaint), subject, body));
  }

  /**
   * The address for the chosen channel: the phone number for a call, the handle the customer wrote from for
   * social media and chat; e-mail where the channel has no address of its own (a letter, for now).
   */
  private static String recipient(Complaint complaint) {
    Customer customer = complaint.getCustomer();
    String email = customer != null && customer.getEmail() != null ? customer.getEmail() : complaint.getContactEmail();
    String phone = customer != null && customer.getPhone() != null ? customer.getPhone() : complaint.getContactPhone();
    ContactPreference preference = complaint.getContactPreference();
    boolean byPhone = preference == ContactPreference.PHONE
        || (preference == null && complaint.getChannel() == Channel.PHONE);
    boolean byHandle = preference == ContactPreference.SOCIAL || preference == ContactPreference.CHAT
        || (preference == null && (complaint.getChannel() == Channel.SOCIAL || complaint.getChannel() == Channel.CHAT));
    if (byPhone && phone != null) {
      return phone;
    }
    if (byHandle && complaint.getContactHandle() != null) {
      return complaint.getHandleNetwork().code() + " " + complaint.getContactHandle();
    }
    return email != null ? email : phone;
  }
}
