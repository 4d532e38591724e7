package io.rootfix.status;

import io.rootfix.complaint.ComplaintSummary;
import io.rootfix.complaint.Complaints;
import io.rootfix.customer.ContactNormaliser;
import io.rootfix.locale.LocalDates;
import io.rootfix.complaint.ComplaintApi;
import io.rootfix.notify.CustomerLinks.Purpose;
import io.rootfix.notify.DeliveryState;
import io.rootfix.notify.Outbox;
import io.rootfix.promise.PromiseService;
import io.rootfix.promise.PromiseState;
import io.rootfix.reply.CustomerReplies;
import io.rootfix.web.ConflictException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a customer may see of their complaint with its tracking number and the e-mail address or phone
 * number they gave us. Anyone else learns nothing, not even whether the tracking number exists.
 */
@Service
@Transactional(readOnly = true)
class CustomerStatus {

  private final Complaints complaints;
  private final PromiseService promises;
  private final Outbox outbox;
  private final ContactNormaliser normaliser;
  private final LocalDates dates;
  private final CustomerReplies replies;
  private final ComplaintApi complaintApi;
  private final LinkRequestRepository linkRequests;
  private final Clock clock;

  /** A customer asking again within this time gets no second message: nobody floods a mailbox through the page. */
  static final Duration ONE_LINK_PER = Duration.ofMinutes(15);

  CustomerStatus(Complaints complaints, PromiseService promises, Outbox outbox, ContactNormaliser normaliser,
      LocalDates dates, CustomerReplies replies, ComplaintApi complaintApi, LinkRequestRepository linkRequests,
      Clock clock) {
    this.dates = dates;
    this.replies = replies;
    this.complaintApi = complaintApi;
    this.linkRequests = linkRequests;
    this.clock = clock;
    this.complaints = complaints;
    this.promises = promises;
    this.outbox = outbox;
    this.normaliser = normaliser;
  }

  /**
   * A merged complaint's number shows the complaint it was merged into.
   *
   * @throws StatusNotFoundException for an unknown tracking number and for a contact that is not the customer's alike
   */
  StatusView of(String trackingNumber, String contact) {
    ComplaintSummary complaint = proven(trackingNumber, contact);
    return new StatusView(
        complaint.trackingNumber(),
        complaint.state(),
        StatusView.describe(complaint.state()),
        complaint.createdAt(),
        dates.moment(complaint.createdAt()),
        complaint.agreedAnswerDate(),
        dates.date(complaint.agreedAnswerDate()),
        complaint.closedAt(),
        dates.moment(complaint.closedAt()),
        promises.ofComplaint(complaint.trackingNumber()).stream()
            .filter(p -> p.state() == PromiseState.OPEN)
            .map(p -> new StatusView.OpenPromise(p.type(), p.text(), p.windowFrom(), dates.moment(p.windowFrom()),
                p.dueAt(), dates.moment(p.dueAt())))
            .toList(),
        // Every message we wrote them, the sent ones with when: "Nothing yet" while our answer sits in the outbox
        // (no mail server, a call still to make) told them we had said nothing.
        outbox.messagesOf(complaint.id()).stream()
            .map(m -> {
              Instant sentAt = m.getState() == DeliveryState.SENT ? m.getSentAt() : null;
              return new StatusView.SentMessage(m.getSubject(), sentAt, dates.moment(sentAt), m.getCreatedAt());
            })
            .toList(),
        awaited(complaint).orElse(null));
  }

  /**
   * Sends the customer their personal link for what the complaint waits for, to the contact on file (the page only
   * proves that the asker knows the tracking number and a contact; the link reaches the customer's own mailbox or
   * phone). At most one message per complaint and purpose per {@link #ONE_LINK_PER}: a request inside that time
   * sends nothing and is answered alike.
   *
   * @throws StatusNotFoundException as {@link #of} does
   * @throws ConflictException when the complaint waits for nothing from its customer
   */
  @Transactional
  void sendLink(String trackingNumber, String contact) {
    ComplaintSummary complaint = proven(trackingNumber, contact);
    Purpose purpose = awaited(complaint).orElseThrow(() -> new ConflictException("Complaint "
        + complaint.trackingNumber() + " waits for nothing from you now: " + StatusView.describe(complaint.state())));
    Instant now = Instant.now(clock);
    LinkRequest.Key key = new LinkRequest.Key(complaint.id(), purpose);
    java.util.Optional<LinkRequest> last = linkRequests.findForUpdate(key);
    if (last.isPresent() && last.get().getSentAt().plus(ONE_LINK_PER).isAfter(now)) {
      return;
    }
    last.ifPresentOrElse(request -> request.sentAgain(now),
        // The first for this key: a request at the same moment fails on the primary key, and sends nothing.
        () -> linkRequests.saveAndFlush(new LinkRequest(key, now)));
    complaintApi.sendPersonalLink(complaint.id(), purpose);
  }

  /** A complaint without a known customer gets no link: a link names the customer it was made for. */
  private java.util.Optional<Purpose> awaited(ComplaintSummary complaint) {
    return complaint.customerId() == null ? java.util.Optional.empty() : replies.awaited(complaint.id());
  }

  private ComplaintSummary proven(String trackingNumber, String contact) {
    if (trackingNumber == null || contact == null) {
      throw new StatusNotFoundException();
    }
    // Customers type what they read: "rf-2026-000123" is the same complaint.
    return complaints.findFollowingMerges(trackingNumber.trim().toUpperCase(java.util.Locale.ROOT))
        .filter(c -> isTheCustomers(c, contact))
        .orElseThrow(StatusNotFoundException::new);
  }

  /** The e-mail address or phone number they gave with the complaint, or the one we know them by. */
  private boolean isTheCustomers(ComplaintSummary complaint, String contact) {
    String email = normaliser.email(contact);
    String phone = normaliser.phone(contact);
    boolean emailMatches = email != null && Stream.of(complaint.contactEmail(), complaint.customerEmail())
        .filter(Objects::nonNull).map(normaliser::email).anyMatch(email::equals);
    boolean phoneMatches = phone != null && Stream.of(complaint.contactPhone(), complaint.customerPhone())
        .filter(Objects::nonNull).map(normaliser::phone).anyMatch(phone::equals);
    return emailMatches || phoneMatches;
  }
}
