package io.rootfix.status;

import io.rootfix.complaint.Complaint;
import io.rootfix.complaint.ComplaintRepository;
import io.rootfix.customer.ContactNormaliser;
import io.rootfix.customer.Customer;
import io.rootfix.locale.LocalDates;
import io.rootfix.notify.DeliveryState;
import io.rootfix.notify.Outbox;
import io.rootfix.promise.PromiseService;
import io.rootfix.promise.PromiseState;
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

  private final ComplaintRepository complaints;
  private final PromiseService promises;
  private final Outbox outbox;
  private final ContactNormaliser normaliser;
  private final LocalDates dates;

  CustomerStatus(ComplaintRepository complaints, PromiseService promises, Outbox outbox, ContactNormaliser normaliser,
      LocalDates dates) {
    this.dates = dates;
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
    // Customers type what they read: "rf-2026-000123" is the same complaint.
    Complaint complaint = complaints.findFollowingMerges(trackingNumber.trim().toUpperCase(java.util.Locale.ROOT))
        .filter(c -> isTheCustomers(c, contact))
        .orElseThrow(StatusNotFoundException::new);
    return new StatusView(
        complaint.getTrackingNumber(),
        complaint.getState(),
        StatusView.describe(complaint.getState()),
        complaint.getCreatedAt(),
        dates.moment(complaint.getCreatedAt()),
        complaint.getAgreedAnswerDate(),
        dates.date(complaint.getAgreedAnswerDate()),
        complaint.getClosedAt(),
        dates.moment(complaint.getClosedAt()),
        promises.ofComplaint(complaint.getTrackingNumber()).stream()
            .filter(p -> p.state() == PromiseState.OPEN)
            .map(p -> new StatusView.OpenPromise(p.type(), p.text(), p.windowFrom(), dates.moment(p.windowFrom()),
                p.dueAt(), dates.moment(p.dueAt())))
            .toList(),
        // Every message we wrote them, the sent ones with when: "Nothing yet" while our answer sits in the outbox
        // (no mail server, a call still to make) told them we had said nothing.
        outbox.messagesOf(complaint.getId()).stream()
            .map(m -> {
              Instant sentAt = m.getState() == DeliveryState.SENT ? m.getSentAt() : null;
              return new StatusView.SentMessage(m.getSubject(), sentAt, dates.moment(sentAt), m.getCreatedAt());
            })
            .toList());
  }

  /** The e-mail address or phone number they gave with the complaint, or the one we know them by. */
  private boolean isTheCustomers(Complaint complaint, String contact) {
    Customer customer = complaint.getCustomer();
    String email = normaliser.email(contact);
    String phone = normaliser.phone(contact);
    boolean emailMatches = email != null && Stream.of(complaint.getContactEmail(), customer == null ? null : customer.getEmail())
        .filter(Objects::nonNull).map(normaliser::email).anyMatch(email::equals);
    boolean phoneMatches = phone != null && Stream.of(complaint.getContactPhone(), customer == null ? null : customer.getPhone())
        .filter(Objects::nonNull).map(normaliser::phone).anyMatch(phone::equals);
    return emailMatches || phoneMatches;
  }
}
