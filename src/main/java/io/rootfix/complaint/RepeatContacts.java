package io.rootfix.complaint;

import io.rootfix.customer.Customer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One good answer beats a fast wrong one: a customer who comes back about a matter that is still open is
 * attached to that complaint and counted, never opened as a new one.
 */
@Service
@Transactional
public class RepeatContacts {

  private final ComplaintRepository complaints;
  private final ContactRepository contacts;
  private final Clock clock;
  private final Duration window;

  RepeatContacts(ComplaintRepository complaints, ContactRepository contacts, Clock clock,
      ComplaintSettings settings) {
    this.complaints = complaints;
    this.contacts = contacts;
    this.clock = clock;
    this.window = settings.repeatWindow();
  }

  /**
   * The customer's open complaint this contact is about: the one whose tracking number they mention, or
   * else the one in the same category they last contacted us about within the repeat window. Another
   * customer's tracking number is ignored, so nobody can add to a complaint that is not theirs.
   */
  @Transactional(readOnly = true)
  Optional<Complaint> openMatter(Customer customer, ComplaintIntake intake) {
    if (intake.referencedTrackingNumber() != null) {
      Optional<Complaint> mentioned = complaints.findFollowingMerges(intake.referencedTrackingNumber())
          .filter(c -> c.isOpen() && c.getCustomer() != null && c.getCustomer().getId().equals(customer.getId()));
      if (mentioned.isPresent()) {
        return mentioned;
      }
    }
    Instant since = Instant.now(clock).minus(window);
    return complaints.findOpenInCategoryContactedSince(customer, intake.category(), since).stream().findFirst();
  }

  /** Adds what the customer said now to their open complaint. */
  Contact attach(String trackingNumber, ComplaintIntake intake) {
    Complaint complaint = complaints.findByTrackingNumber(trackingNumber)
        .orElseThrow(() -> new ComplaintNotFoundException(trackingNumber));
    Instant now = Instant.now(clock);
    complaint.recordRepeatContact(now);
    return contacts.save(new Contact(complaint, intake.channel(), intake.description(), now));
  }

  /**
   * A complaint merged into the survivor was the customer coming back about the same matter: its intake
   * becomes a contact of the survivor, and its own contacts move along. Returns the intake's contact.
   */
  Contact absorb(Complaint merged, Complaint survivor) {
    Instant now = Instant.now(clock);
    survivor.absorb(merged, now);
    contacts.move(merged, survivor);
    return contacts.save(new Contact(survivor, merged.getChannel(), merged.getDescription(), merged.getCreatedAt()));
  }

  @Transactional(readOnly = true)
  List<Contact> of(Complaint complaint) {
    return contacts.findByComplaintOrderByReceivedAtAsc(complaint);
  }

  /**
   * First-contact resolution: the share of closed complaints the customer never came back about (no repeat
   * contact, never reopened). Repeat-contact rate: repeat contacts over all contacts (first and repeat).
   */
  @Transactional(readOnly = true)
  public ContactInsights insights() {
    // A merged complaint was a repeat contact of the one it was merged into (counted there), not a first one.
    long firstContacts = complaints.count() - complaints.countByState(ComplaintState.MERGED);
    long repeat = contacts.count();
    long closed = complaints.countByState(ComplaintState.CLOSED);
    long closedAtFirstContact = complaints.countClosedAtFirstContact();
    return new ContactInsights(firstContacts + repeat, firstContacts, repeat,
        ratio(repeat, firstContacts + repeat), closed, closedAtFirstContact, ratio(closedAtFirstContact, closed));
  }

  /**
   * @param repeatContactRate null while there are no contacts
   * @param firstContactResolution null while no complaint is closed
   */
  public record ContactInsights(long contacts, long firstContacts, long repeatContacts, Double repeatContactRate,
      long closedComplaints, long closedAtFirstContact, Double firstContactResolution) {}

  private static Double ratio(long part, long whole) {
    return whole == 0 ? null : (double) part / whole;
  }
}
