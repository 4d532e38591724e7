package io.rootfix.customer;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Recognises the customer behind a contact, or creates them. */
@Service
public class CustomerDirectory {

  private final CustomerRepository customers;
  private final Clock clock;

  public CustomerDirectory(CustomerRepository customers, Clock clock) {
    this.customers = customers;
    this.clock = clock;
  }

  /**
   * The known customer with this e-mail address or phone number (the longest-known one when both
   * match different customers), or a new customer.
   */
  @Transactional
  public Customer recognise(String name, String email, String phone) {
    String normalisedEmail = ContactNormaliser.email(email);
    String normalisedPhone = ContactNormaliser.phone(phone);
    if (normalisedEmail != null || normalisedPhone != null) {
      List<Customer> known = customers.findByEmailOrPhone(normalisedEmail, normalisedPhone);
      if (!known.isEmpty()) {
        Customer customer = known.get(0);
        customer.completeWith(normalisedEmail, normalisedPhone);
        return customer;
      }
    }
    return customers.save(new Customer(name, normalisedEmail, normalisedPhone, Instant.now(clock)));
  }
}
