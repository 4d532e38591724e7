package io.rootfix.complaint;

import io.rootfix.customer.Customer;
import io.rootfix.notify.CustomerMessage;
import io.rootfix.notify.MessageKind;
import io.rootfix.notify.Outbox;
import io.rootfix.promise.PromiseView;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** What the customer hears from us about their complaint, on the channel they chose. */
@Component
class ComplaintCorrespondence {

  static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.ENGLISH);

  private final Outbox outbox;
  private final String disputesCommittee;
  private final ZoneId zone;

  ComplaintCorrespondence(Outbox outbox, Clock clock,
      @Value("${rootfix.complaint.disputes-committee:the independent disputes committee for consumer complaints}")
      String disputesCommittee) {
    this.outbox = outbox;
    this.zone = clock.getZone();
    this.disputesCommittee = disputesCommittee;
  }

  void acknowledge(Complaint complaint) {
    String agreed = complaint.getAgreedAnswerDate() == null
        ? "as soon as we can"
        : "by " + DATE.format(complaint.getAgreedAnswerDate());
    send(complaint, MessageKind.ACKNOWLEDGEMENT,
        "We received your complaint " + complaint.getTrackingNumber(),
        """
        Dear %s,

        Thank you for telling us. Your complaint has tracking number %s; please mention it whenever you \
        contact us, on any channel.

        What happens next: we relieve the immediate problem first, then find out why it happened and fix \
        the cause, so it does not happen again. You will have our answer %s.

        %s""".formatted(complaint.getContactName(), complaint.getTrackingNumber(), agreed, signature(complaint)));
  }

  void askForInformation(Complaint complaint) {
    send(complaint, MessageKind.INFORMATION_REQUEST,
        "Your complaint " + complaint.getTrackingNumber() + ": we need some information",
        """
        Dear %s,

        To find out what caused your problem, we need some information from you:

        %s

        Please reply to this message or contact us with tracking number %s. The date of our answer moves by \
        the time we wait for you; we will tell you the new date.

        %s""".formatted(complaint.getContactName(), complaint.getInformationRequest(),
            complaint.getTrackingNumber(), signature(complaint)));
  }

  void newAnswerDate(Complaint complaint) {
    send(complaint, MessageKind.NEW_ANSWER_DATE,
        "Your complaint " + complaint.getTrackingNumber() + ": our answer comes by " + DATE.format(complaint.getAgreedAnswerDate()),
        """
        Dear %s,

        Thank you for the information. As we waited for it, our answer to complaint %s now comes by %s.

        %s""".formatted(complaint.getContactName(), complaint.getTrackingNumber(),
            DATE.format(complaint.getAgreedAnswerDate()), signature(complaint)));
  }

  void promiseMoved(Complaint complaint, String promise, Instant oldDueAt, Instant newDueAt, String reason) {
    send(complaint, MessageKind.PROMISE_RENEGOTIATED,
        "Your complaint " + complaint.getTrackingNumber() + ": a new date, as agreed",
        """
        Dear %s,

        As agreed with you, we move the date of our promise "%s" from %s to %s.

        Why: %s

        We are sorry for the change. If the new date does not suit you, reply to this message or contact us \
        with tracking number %s.

        %s""".formatted(complaint.getContactName(), promise, moment(oldDueAt), moment(newDueAt), reason,
            complaint.getTrackingNumber(), signature(complaint)));
  }

  void apologiseForBrokenPromise(Complaint complaint, String promise, Instant dueAt) {
    send(complaint, MessageKind.BROKEN_PROMISE_APOLOGY,
        "Your complaint " + complaint.getTrackingNumber() + ": we did not keep our promise",
        """
        Dear %s,

        We promised you "%s" by %s, and we did not keep that promise. We apologise.

        A team leader now handles it personally and will contact you about what happens next and when. \
        You can also reach us with tracking number %s.

        %s""".formatted(complaint.getContactName(), promise, moment(dueAt), complaint.getTrackingNumber(),
            signature(complaint)));
  }

  /**
   * The complaint closes without these promises: the customer reads which ones no longer hold and why
   * ({@code explanation}: the agent's words, or what closing means).
   */
  void promisesReleased(Complaint complaint, List<PromiseView> released, String explanation) {
    StringBuilder list = new StringBuilder();
    for (PromiseView promise : released) {
      list.append("- \"").append(promise.text()).append("\" by ").append(moment(promise.dueAt())).append('\n');
    }
    send(complaint, MessageKind.PROMISE_RELEASED,
        "Your complaint " + complaint.getTrackingNumber() + ": what we promised you",
        """
        Dear %s,

        We close your complaint %s. We had also promised you:
        %s
        %s

        If you still expect something from us, reply to this message or contact us with tracking number %s.

        %s""".formatted(complaint.getContactName(), complaint.getTrackingNumber(), list, explanation,
            complaint.getTrackingNumber(), signature(complaint)));
  }

  private String moment(Instant instant) {
    return MOMENT.format(instant.atZone(zone));
  }

  void statusUpdate(Complaint complaint, String update) {
    send(complaint, MessageKind.STATUS_UPDATE,
        "Your complaint " + complaint.getTrackingNumber() + ": where it stands",
        """
        Dear %s,

        An update on your complaint %s:

        %s

        %s""".formatted(complaint.getContactName(), complaint.getTrackingNumber(), update, signature(complaint)));
  }

  /** Returns the message the answer goes out as: the evidence of what the customer got. */
  CustomerMessage report(Complaint complaint) {
    return send(complaint, MessageKind.REPORT,
        "Our answer to your complaint " + complaint.getTrackingNumber(),
        """
        Dear %s,

        About your complaint %s:

        %s
        %s
        Is your complaint resolved? Please let us know; if it is not, we will pick it up again.

        %s""".formatted(complaint.getContactName(), complaint.getTrackingNumber(), complaint.getAnswerText(),
            whatChanged(complaint), signature(complaint)));
  }

  /** The root cause's fix, in every report of a complaint it hit: what works differently from now on. */
  private static String whatChanged(Complaint complaint) {
    if (complaint.isOneOff() || complaint.getFixDescription() == null) {
      return "";
    }
    return "\nWhat we changed so that it does not happen again:\n\n" + complaint.getFixDescription() + "\n";
  }

  void pointToDisputesCommittee(Complaint complaint) {
    send(complaint, MessageKind.DISPUTES_COMMITTEE,
        "Your complaint " + complaint.getTrackingNumber() + ": where else you can turn",
        """
        Dear %s,

        We are sorry that your complaint is still not resolved (reopened %d times). We keep working on it. \
        You may also take it to %s, outside our company; mention tracking number %s.

        %s""".formatted(complaint.getContactName(), complaint.getReopenCount(), disputesCommittee,
            complaint.getTrackingNumber(), signature(complaint)));
  }

  void closing(Complaint complaint) {
    closing(complaint, complaint.getClosingNote());
  }

  /** @param toCustomer why it is closed, in words for the customer (an internal note stays internal) */
  void closing(Complaint complaint, String toCustomer) {
    send(complaint, MessageKind.CLOSING,
        "Your complaint " + complaint.getTrackingNumber() + " is closed",
        """
        Dear %s,

        We have closed your complaint %s. %s If anything is still wrong, reply to this message or contact \
        us with the tracking number and we will reopen it.

        %s""".formatted(complaint.getContactName(), complaint.getTrackingNumber(), toCustomer,
            signature(complaint)));
  }

  private CustomerMessage send(Complaint complaint, MessageKind kind, String subject, String body) {
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

  private static String signature(Complaint complaint) {
    return complaint.getOwner() == null
        ? "Kind regards,\nCustomer Service"
        : "Kind regards,\n" + complaint.getOwner() + ", Customer Service";
  }
}
