package io.rootfix.customer;

import io.rootfix.persistence.SequencedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.time.Instant;

/** A customer's handle on a social or chat network; one handle on one network belongs to one customer. */
@Entity
public class CustomerHandle extends SequencedEntity {

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "customer_id")
  private Customer customer;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private HandleNetwork network;

  /** Normalised for its network (see {@link HandleNetwork}). */
  @Column(nullable = false, length = 100)
  private String handle;

  @Column(nullable = false)
  private Instant createdAt;

  protected CustomerHandle() {}

  CustomerHandle(Customer customer, HandleNetwork network, String handle, Instant createdAt) {
    this.customer = customer;
    this.network = network;
    this.handle = handle;
    this.createdAt = createdAt;
  }

  public Customer getCustomer() {
    return customer;
  }

  public HandleNetwork getNetwork() {
    return network;
  }

  public String getHandle() {
    return handle;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
