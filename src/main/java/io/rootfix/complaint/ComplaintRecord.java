package io.rootfix.complaint;

import io.rootfix.customer.HandleNetwork;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The whole complaint, read-only, for the features that show or check all of it (the audit, the context on every
 * form). A copy taken in the caller's transaction: changing a complaint goes through the complaint's process and
 * services, never through this.
 *
 * @param customer the customer on file; null when none was recognised
 */
public record ComplaintRecord(Long id, String trackingNumber, ComplaintState state, String processInstanceId,
    CustomerOnFile customer, String contactName, String contactEmail, String contactPhone, String contactHandle,
    HandleNetwork handleNetwork, Channel channel, Category category, String description, DesiredOutcome desiredOutcome,
    Severity severity, String orderReference, BigDecimal claimedAmount, LocalDate agreedAnswerDate,
    ContactPreference contactPreference, String expectationNote, String owner, String patchDescription,
    Long rootCauseId, String rootCauseDescription, boolean oneOff, String oneOffReason, String informationRequest,
    String customerInformation, String fixDescription, String answerDraftedBy, String answerText,
    String customerComment, String closingNote, int reopenCount, Instant createdAt, Instant updatedAt,
    Instant closedAt, String mergedInto) {

  /** The customer as the customer directory knows them. */
  public record CustomerOnFile(Long id, String name, String email, String phone, List<Handle> handles) {}

  /** A social-media handle; the network may be unknown. */
  public record Handle(HandleNetwork network, String handle) {}

  static ComplaintRecord of(Complaint c) {
    var customer = c.getCustomer() == null ? null : new CustomerOnFile(c.getCustomer().getId(),
        c.getCustomer().getName(), c.getCustomer().getEmail(), c.getCustomer().getPhone(),
        c.getCustomer().getHandles().stream().map(h -> new Handle(h.getNetwork(), h.getHandle())).toList());
    return new ComplaintRecord(c.getId(), c.getTrackingNumber(), c.getState(), c.getProcessInstanceId(), customer,
        c.getContactName(), c.getContactEmail(), c.getContactPhone(), c.getContactHandle(), c.getHandleNetwork(),
        c.getChannel(), c.getCategory(), c.getDescription(), c.getDesiredOutcome(), c.getSeverity(),
        c.getOrderReference(), c.getClaimedAmount(), c.getAgreedAnswerDate(), c.getContactPreference(),
        c.getExpectationNote(), c.getOwner(), c.getPatchDescription(), c.getRootCauseId(), c.getRootCauseDescription(),
        c.isOneOff(), c.getOneOffReason(), c.getInformationRequest(), c.getCustomerInformation(),
        c.getFixDescription(), c.getAnswerDraftedBy(), c.getAnswerText(), c.getCustomerComment(), c.getClosingNote(),
        c.getReopenCount(), c.getCreatedAt(), c.getUpdatedAt(), c.getClosedAt(), c.getMergedInto());
  }

  /** Whom the audit names: the customer on file, or the name given with the complaint. */
  public String customerName() {
    return customer == null ? contactName : customer.name();
  }

  public Long customerId() {
    return customer == null ? null : customer.id();
  }
}
