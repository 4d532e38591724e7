package io.rootfix.complaint;

import io.rootfix.customer.ContactDetails;
import io.rootfix.customer.HandleNetwork;
import io.rootfix.notify.Language;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A validated, typed intake. */
record ComplaintIntake(
    String customerName,
    String customerEmail,
    String customerPhone,
    String customerHandle,
    HandleNetwork handleNetwork,
    Channel channel,
    Category category,
    String description,
    DesiredOutcome desiredOutcome,
    LocalDate wantedAnswerDate,
    String referencedTrackingNumber,
    BigDecimal claimedAmount,
    String orderReference,
    Severity severity,
    Language language) {

  ContactDetails contactDetails() {
    return new ContactDetails(customerName, customerEmail, customerPhone, handleNetwork, customerHandle);
  }
}
