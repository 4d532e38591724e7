package io.rootfix.reply;

import io.rootfix.complaint.ComplaintApi;
import io.rootfix.complaint.ComplaintApi.ForCustomer;
import io.rootfix.complaint.ComplaintState;
import io.rootfix.complaint.CustomerInformation;
import io.rootfix.complaint.CustomerReply;
import io.rootfix.notify.CustomerLinks;
import io.rootfix.notify.CustomerLinks.Purpose;
import io.rootfix.notify.CustomerLinks.Refusal;
import io.rootfix.notify.CustomerLinks.RefusedLinkException;
import io.rootfix.notify.CustomerLinks.Verified;
import io.rootfix.web.ConflictException;
import io.rootfix.web.InvalidInputException;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a customer does through their personal link, acting as the customer (no login, no agent): answer our
 * question, say whether it is resolved, tell how much effort it took. The first two go through the process exactly
 * as a channel's reply does ({@link ComplaintApi#customerInformed}, {@link ComplaintApi#customerReplied}); each
 * checks first that the complaint still waits for that answer, so a link used again or after closing changes
 * nothing.
 */
@Service
public class CustomerReplies {

  private final CustomerLinks links;
  private final ComplaintApi complaints;
  private final CustomerEffortRepository efforts;
  private final Validator validator;
  private final Clock clock;

  CustomerReplies(CustomerLinks links, ComplaintApi complaints, CustomerEffortRepository efforts, Validator validator,
      Clock clock) {
    this.links = links;
    this.complaints = complaints;
    this.efforts = efforts;
    this.validator = validator;
    this.clock = clock;
  }

  /** What the link leads to now. */
  public enum Step {
    /** The question is open: the customer may answer it. */
    ANSWER,
    /** Our report waits for their word: resolved or not. */
    CONFIRM,
    /** Closed and not yet rated: how much effort did it take. */
    EFFORT,
    /** Nothing to do through this link (any more): it was used, or the complaint moved on. */
    DONE
  }

  /** A link that verified, with its complaint and what the customer may do now. */
  public record Opened(Verified link, ForCustomer complaint, Step step) {}

  /** Verifies the link and that it was made for this complaint's customer; otherwise refused. */
  @Transactional(readOnly = true)
  public Opened open(String token) {
    Verified link = links.verify(token);
    ForCustomer complaint = complaints.forCustomer(link.complaintId())
        .filter(c -> c.customerId() != null && c.customerId() == link.customerId())
        .orElseThrow(() -> new RefusedLinkException(Refusal.TAMPERED));
    return new Opened(link, complaint, step(link.purpose(), complaint));
  }

  /**
   * What this complaint waits for from its customer now, if anything: the purpose of the link that would work (the
   * status page offers to send it).
   */
  @Transactional(readOnly = true)
  public java.util.Optional<Purpose> awaited(long complaintId) {
    return complaints.forCustomer(complaintId).flatMap(complaint -> java.util.Arrays.stream(Purpose.values())
        .filter(purpose -> step(purpose, complaint) != Step.DONE).findFirst());
  }

  private Step step(Purpose purpose, ForCustomer complaint) {
    return switch (purpose) {
      case ANSWER -> complaint.state() == ComplaintState.WAITING_FOR_CUSTOMER ? Step.ANSWER : Step.DONE;
      case CONFIRM -> complaint.state() == ComplaintState.REPORTED ? Step.CONFIRM : Step.DONE;
      case EFFORT -> complaint.state() == ComplaintState.CLOSED && !efforts.existsById(complaint.id())
          ? Step.EFFORT : Step.DONE;
    };
  }

  /** The answer to our question; a conflict when the complaint no longer waits for it. */
  @Transactional
  public Opened answer(String token, String information) {
    Opened opened = expect(token, Step.ANSWER);
    CustomerInformation answer = valid(new CustomerInformation(information));
    complaints.customerInformed(opened.complaint().trackingNumber(), answer);
    return opened;
  }

  /** Resolved or not, with a comment; a conflict when the complaint no longer waits for it. */
  @Transactional
  public Opened confirm(String token, Boolean resolved, String comment) {
    Opened opened = expect(token, Step.CONFIRM);
    CustomerReply reply = valid(new CustomerReply(resolved, blankToNull(comment)));
    complaints.customerReplied(opened.complaint().trackingNumber(), reply);
    return opened;
  }

  /** The effort score, once per complaint. */
  @Transactional
  public Opened effort(String token, Integer score, String comment) {
    Opened opened = expect(token, Step.EFFORT);
    if (score == null || score < 1 || score > 7) {
      throw InvalidInputException.of("score", "must be a whole number from 1 to 7");
    }
    String text = blankToNull(comment);
    if (text != null && (text.length() > 2000 || text.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t'))) {
      throw InvalidInputException.of("comment", "must be at most 2000 characters of text");
    }
    efforts.saveAndFlush(new CustomerEffort(opened.complaint().id(), opened.complaint().trackingNumber(), score, text,
        Instant.now(clock)));
    return opened;
  }

  private Opened expect(String token, Step step) {
    Opened opened = open(token);
    if (opened.step() != step) {
      throw new ConflictException("Complaint " + opened.complaint().trackingNumber() + " does not wait for this answer");
    }
    return opened;
  }

  private <T> T valid(T value) {
    return InvalidInputException.requireValid(validator, value);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
