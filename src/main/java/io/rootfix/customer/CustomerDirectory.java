package io.rootfix.customer;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Recognises the customer behind a contact, or creates them. */
@Service
public class CustomerDirectory {

  private final CustomerRepository customers;
  private final CustomerHandleRepository handles;
  private final ContactNormaliser normaliser;
  private final Clock clock;

  public CustomerDirectory(CustomerRepository customers, CustomerHandleRepository handles,
      ContactNormaliser normaliser, Clock clock) {
    this.customers = customers;
    this.handles = handles;
    this.normaliser = normaliser;
    this.clock = clock;
  }

  /**
   * The known customer with this e-mail address, phone number or handle, completed with what the contact
   * adds; or a new customer. When the details belong to different customers, they are not merged: the
   * contact joins the longest-known of them, nothing is added to anyone, and the conflict is returned for
   * an agent to sort out.
   */
  @Transactional
  public Recognition recognise(ContactDetails contact) {
    String email = normaliser.email(contact.email());
    String phone = normaliser.phone(contact.phone());
    HandleNetwork network = contact.handleNetwork();
    String handle = normaliser.handle(network, contact.handle());

    List<Customer> byEmailOrPhone = email == null && phone == null ? List.of() : customers.findByEmailOrPhone(email, phone);
    Customer byHandle = handle == null
        ? null
        : handles.findByNetworkAndHandle(network, handle).map(CustomerHandle::getCustomer).orElse(null);
    // What the contact gave → the known customer it belongs to, in the order a person would check them.
    Map<String, Customer> owners = new LinkedHashMap<>();
    putOwner(owners, "the e-mail address " + email, firstWith(byEmailOrPhone, Customer::getEmail, email));
    putOwner(owners, "the phone number " + phone, firstWith(byEmailOrPhone, Customer::getPhone, phone));
    putOwner(owners, handle == null ? null : "the " + network.code() + " handle " + handle, byHandle);

    List<Customer> known = owners.values().stream().distinct().sorted(Comparator.comparing(Customer::getId)).toList();
    if (known.size() > 1) {
      return new Recognition(known.get(0), conflict(owners, known.get(0)));
    }
    Customer customer = known.isEmpty()
        ? customers.save(new Customer(contact.name(), email, phone, now()))
        : known.get(0);
    customer.completeWith(email, phone);
    if (handle != null && byHandle == null) {
      customer.addHandle(network, handle, now());
    }
    return new Recognition(customer, null);
  }

  @Transactional(readOnly = true)
  public Customer get(long customerId) {
    return customers.findById(customerId)
        .orElseThrow(() -> new IllegalStateException("No customer with id " + customerId));
  }

  private static Customer firstWith(List<Customer> candidates, Function<Customer, String> detail, String value) {
    if (value == null) {
      return null;
    }
    return candidates.stream().filter(c -> value.equals(detail.apply(c))).findFirst().orElse(null);
  }

  private static void putOwner(Map<String, Customer> owners, String detail, Customer owner) {
    if (owner != null) {
      owners.put(detail, owner);
    }
  }

  /** "The e-mail address … belongs to customer 1 (Eva de Wit); the phone number … to customer 51 (…). …" */
  private static String conflict(Map<String, Customer> owners, Customer filedUnder) {
    String whose = owners.entrySet().stream()
        .map(e -> e.getKey() + " belongs to customer " + e.getValue().getId() + " (" + e.getValue().getName() + ")")
        .collect(Collectors.joining("; "));
    return Character.toUpperCase(whose.charAt(0)) + whose.substring(1)
        + ". Not merged: check with the customer who they are. Filed under customer " + filedUnder.getId() + ".";
  }

  private Instant now() {
    return Instant.now(clock);
  }
}
