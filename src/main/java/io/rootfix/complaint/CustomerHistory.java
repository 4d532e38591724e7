package io.rootfix.complaint;

import io.rootfix.promise.PromiseService;
import io.rootfix.promise.PromiseView;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the agent should know about the customer before agreeing anything: their earlier complaints and the
 * promises we still owe them (and what other features add, such as remedies), so nobody has to repeat themselves and no promise is made twice. Plain text,
 * because it is shown read-only in the "Agree expectation" form.
 */
@Component
public class CustomerHistory {

  static final int SHOWN = 10;
  /** How a day reads in the history, for its sections too. */
  public static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.ENGLISH);

  /** A part of the history another feature keeps (remedies): text for the customer's other complaints, or null. */
  public interface Section {
    String describe(List<Long> complaintIds);
  }

  private final ComplaintRepository complaints;
  private final PromiseService promises;
  private final List<Section> sections;
  private final ZoneId zone;

  CustomerHistory(ComplaintRepository complaints, PromiseService promises, List<Section> sections, Clock clock) {
    this.complaints = complaints;
    this.promises = promises;
    this.sections = sections;
    this.zone = clock.getZone();
  }

  @Transactional(readOnly = true)
  public String of(long complaintId) {
    Complaint complaint = complaints.findById(complaintId).orElseThrow();
    if (complaint.getCustomer() == null) {
      return "Customer not recognised: no history.";
    }
    List<Complaint> earlier = complaints.findTop10ByCustomerAndIdNotOrderByCreatedAtDesc(complaint.getCustomer(),
        complaint.getId());
    if (earlier.isEmpty()) {
      return "No earlier complaints from this customer.";
    }
    long total = complaints.countByCustomerAndIdNot(complaint.getCustomer(), complaint.getId());
    StringBuilder text = new StringBuilder();
    long open = earlier.stream().filter(Complaint::isOpen).count();
    text.append(total == 1 ? "1 earlier complaint" : total + " earlier complaints")
        .append(total > SHOWN ? " (latest " + SHOWN + " shown)" : "")
        .append(open > 0 ? ", " + open + " still open" : "")
        .append(":\n");
    for (Complaint other : earlier) {
      text.append("- ").append(other.getTrackingNumber()).append(", ").append(day(other.getCreatedAt()))
          .append(", ").append(label(other.getCategory())).append(": ").append(where(other)).append('\n');
    }
    List<Long> earlierIds = earlier.stream().map(Complaint::getId).toList();
    List<PromiseView> owed = promises.openOf(earlierIds);
    if (!owed.isEmpty()) {
      text.append("\nPromises we still owe this customer:\n");
      for (PromiseView promise : owed) {
        text.append("- ").append(promise.trackingNumber()).append(": \"").append(promise.text()).append("\" by ")
            .append(MOMENT.format(promise.dueAt().atZone(zone))).append('\n');
      }
    }
    for (Section section : sections) {
      String described = section.describe(earlierIds);
      if (described != null) {
        text.append('\n').append(described).append('\n');
      }
    }
    return text.toString().stripTrailing();
  }

  private String where(Complaint complaint) {
    String reopened = complaint.getReopenCount() == 0 ? ""
        : complaint.getReopenCount() == 1 ? ", reopened once" : ", reopened " + complaint.getReopenCount() + " times";
    return switch (complaint.getState()) {
      case CLOSED -> "closed " + day(complaint.getClosedAt()) + reopened;
      case MERGED -> "merged into " + complaint.getMergedInto();
      default -> "open (" + complaint.getState().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")"
          + (complaint.getAgreedAnswerDate() == null ? "" : ", answer due " + DAY.format(complaint.getAgreedAnswerDate()))
          + reopened;
    };
  }

  private String day(Instant instant) {
    return instant == null ? "?" : DAY.format(instant.atZone(zone));
  }

  private static String label(Category category) {
    return switch (category) {
      case DELIVERY -> "Delivery";
      case PRODUCT -> "Product quality";
      case BILLING -> "Billing and payment";
      case SERVICE -> "Service and staff";
      case OTHER -> "Something else";
    };
  }
}
