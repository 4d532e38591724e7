package io.rootfix.complaint;

import io.rootfix.customer.CustomerDirectory;
import io.rootfix.customer.Recognition;
import io.rootfix.notify.Outbox;
import io.rootfix.promise.PromiseService;
import io.rootfix.web.InvalidInputException;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How a contact becomes a complaint: the intake checked once, the customer recognised, a new matter registered or a
 * repeat contact attached to the open complaint, two complaints of one matter merged. Called by the intake API and
 * the complaint process's first steps, in the engine's transaction.
 */
@Service
@Transactional
public class ComplaintIntakeService {

  private final ComplaintRepository complaints;
  private final CustomerDirectory customers;
  private final ComplaintCorrespondence correspondence;
  private final TrackingNumbers trackingNumbers;
  private final RepeatContacts repeatContacts;
  private final PromiseService promises;
  private final Outbox outbox;
  private final Validator validator;
  private final Clock clock;

  ComplaintIntakeService(ComplaintRepository complaints, CustomerDirectory customers,
      ComplaintCorrespondence correspondence, TrackingNumbers trackingNumbers, RepeatContacts repeatContacts,
      PromiseService promises, Outbox outbox, Validator validator, Clock clock) {
    this.complaints = complaints;
    this.customers = customers;
    this.correspondence = correspondence;
    this.trackingNumbers = trackingNumbers;
    this.repeatContacts = repeatContacts;
    this.promises = promises;
    this.outbox = outbox;
    this.validator = validator;
    this.clock = clock;
  }

  /**
   * The intake's rules, checked once per contact, and the intake typed: by the intake API before it starts the
   * process, or by the process's first step for the phone-intake start form's values.
   */
  ComplaintIntake checked(IntakeForm form) {
    return InvalidInputException.requireValid(validator, form).toIntake();
  }

  /**
   * The first step of every contact: recognises the customer, and finds their open complaint this contact is about.
   * With conflicting details there is no telling whose complaint it would be, so it is a new matter.
   */
  RecognisedContact recogniseContact(ComplaintIntake intake) {
    Recognition recognition = customers.recognise(intake.contactDetails());
    String repeatOf = recognition.identityConflict() != null
        ? null
        : repeatContacts.openMatter(recognition.customer(), intake).map(Complaint::getTrackingNumber).orElse(null);
    return new RecognisedContact(recognition, repeatOf);
  }

  /** @param repeatOf the tracking number of the open complaint the contact is about; null for a new matter */
  public record RecognisedContact(Recognition recognition, String repeatOf) {}

  /** A new matter: the complaint is filed under its customer; a conflict between their details stays visible. */
  Complaint register(ComplaintIntake intake, String processInstanceId, long customerId, String identityConflict) {
    Complaint complaint = new Complaint(intake, now());
    complaint.assignTrackingNumber(trackingNumbers.next());
    complaint.startedAs(processInstanceId);
    complaint.belongsTo(customers.get(customerId), identityConflict);
    Complaint saved = complaints.save(complaint);
    // ISO 10002: a complaint that came in writing is acknowledged at once, with its tracking number and what
    // happens next; in the outbox, so it goes out exactly when the intake committed. The agreed date follows.
    if (saved.getChannel() == Channel.WEB || saved.getChannel() == Channel.EMAIL) {
      correspondence.acknowledge(saved);
    }
    return saved;
  }

  /** A repeat contact joins the open complaint; returns it for the complaint's owner to see. */
  Contact attachContact(String trackingNumber, ComplaintIntake intake) {
    return repeatContacts.attach(trackingNumber, intake);
  }

  /**
   * Ends the merged complaint (its process's event subprocess calls this): its contacts, promises and
   * messages move to the survivor, which counts it as a repeat contact. Returns the contact it became.
   */
  public Contact mergeInto(long mergedId, String survivorTrackingNumber, String note, String by) {
    Complaint merged = complaints.require(mergedId);
    Complaint survivor = complaints.findFollowingMerges(survivorTrackingNumber)
        .orElseThrow(() -> new ComplaintNotFoundException(survivorTrackingNumber));
    Contact contact = repeatContacts.absorb(merged, survivor);
    promises.moveTo(merged.getTrackingNumber(), survivor.getId(), survivor.getTrackingNumber());
    outbox.moveTo(merged.getId(), survivor.getId(), survivor.getTrackingNumber());
    merged.mergeInto(survivor, "Merged into " + survivor.getTrackingNumber() + (by == null ? "" : " by " + by)
        + ": " + note, now());
    return contact;
  }

  private Instant now() {
    return Instant.now(clock);
  }
}
