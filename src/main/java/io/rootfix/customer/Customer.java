package io.rootfix.customer;

import io.rootfix.persistence.SequencedEntity;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One customer, whatever channel they come through; recognised by e-mail address, phone number or handle. */
@Entity
public class Customer extends SequencedEntity {

  @Column(nullable = false, length = 200)
  private String name;

  /** Normalised: trimmed, lower case. */
  @Column(length = 320)
  private String email;

  /** Normalised: E.164, such as +31612345678. */
  @Column(length = 32)
  private String phone;

  @OneToMany(mappedBy = "customer", cascade = CascadeType.ALL)
  @OrderBy("createdAt")
  private List<CustomerHandle> handles = new ArrayList<>();

  @Column(nullable = false)
  private Instant createdAt;

  protected Customer() {}

  Customer(String name, String email, String phone, Instant createdAt) {
    this.name = name;
    this.email = email;
    this.phone = phone;
    this.createdAt = createdAt;
  }

  /** A contact may add what we did not know yet; it never overwrites what we knew. */
  void completeWith(String email, String phone) {
    if (this.email == null) {
      this.email = email;
    }
    if (this.phone == null) {
      this.phone = phone;
    }
  }

  /** A handle nobody has yet; a customer may have several, on one network or more. */
  void addHandle(HandleNetwork network, String handle, Instant now) {
    handles.add(new CustomerHandle(this, network, handle, now));
  }

  public String getName() {
    return name;
  }

  public String getEmail() {
    return email;
  }

  public String getPhone() {
    return phone;
  }

  public List<CustomerHandle> getHandles() {
    return handles;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
