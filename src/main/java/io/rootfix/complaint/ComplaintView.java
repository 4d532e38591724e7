package io.rootfix.complaint;

import io.rootfix.customer.Customer;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.task.Task;

/** A complaint as the API shows it to staff, with the task that is open on it. */
public record ComplaintView(
    String trackingNumber,
    ComplaintState state,
    String channel,
    String category,
    String severity,
    String description,
    String desiredOutcome,
    LocalDate wantedAnswerDate,
    BigDecimal claimedAmount,
    String orderReference,
    LocalDate agreedAnswerDate,
    String contactPreference,
    String owner,
    int reopenCount,
    int repeatContacts,
    Instant createdAt,
    Instant updatedAt,
    Instant closedAt,
    String closingNote,
    String identityConflict,
    CustomerView customer,
    List<ContactView> contacts,
    List<String> mergedComplaints,
    List<OpenTask> openTasks) {

  public record CustomerView(Long id, String name, String email, String phone, List<HandleView> handles) {}

  public record HandleView(String network, String handle) {}

  /** A repeat contact: the customer came back about this complaint. */
  public record ContactView(String channel, Instant receivedAt, String text) {}

  public record OpenTask(String id, String taskKey, String name, String assignee, Date created, Date due) {}

  static ComplaintView of(Complaint c, List<Contact> contacts, List<String> mergedComplaints, List<Task> tasks) {
    Customer customer = c.getCustomer();
    return new ComplaintView(
        c.getTrackingNumber(),
        c.getState(),
        c.getChannel().code(),
        c.getCategory().code(),
        c.getSeverity().code(),
        c.getDescription(),
        c.getDesiredOutcome().code(),
        c.getWantedAnswerDate(),
        c.getClaimedAmount(),
        c.getOrderReference(),
        c.getAgreedAnswerDate(),
        c.getContactPreference() == null ? null : c.getContactPreference().code(),
        c.getOwner(),
        c.getReopenCount(),
        c.getRepeatContacts(),
        c.getCreatedAt(),
        c.getUpdatedAt(),
        c.getClosedAt(),
        c.getClosingNote(),
        c.getIdentityConflict(),
        customer == null
            ? null
            : new CustomerView(customer.getId(), customer.getName(), customer.getEmail(), customer.getPhone(),
                customer.getHandles().stream().map(h -> new HandleView(h.getNetwork().code(), h.getHandle())).toList()),
        contacts.stream().map(k -> new ContactView(k.getChannel().code(), k.getReceivedAt(), k.getText())).toList(),
        mergedComplaints,
        tasks.stream()
            .map(t -> new OpenTask(t.getId(), t.getTaskDefinitionKey(), t.getName(), t.getAssignee(),
                t.getCreateTime(), t.getDueDate()))
            .toList());
  }
}
