package io.rootfix.status;

import io.rootfix.notify.CustomerLinks.Purpose;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** When the status page last sent a complaint's customer their link for one purpose: the 15-minute limit. */
@Entity
@Table(name = "status_link_request")
class LinkRequest {

  @EmbeddedId
  private Key key;

  @Column(nullable = false)
  private Instant sentAt;

  protected LinkRequest() {}

  LinkRequest(Key key, Instant sentAt) {
    this.key = key;
    this.sentAt = sentAt;
  }

  Instant getSentAt() {
    return sentAt;
  }

  void sentAgain(Instant at) {
    this.sentAt = at;
  }

  @Embeddable
  static class Key implements Serializable {

    @Column(name = "complaint_id")
    private long complaintId;

    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    private Purpose purpose;

    protected Key() {}

    Key(long complaintId, Purpose purpose) {
      this.complaintId = complaintId;
      this.purpose = purpose;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key && key.complaintId == complaintId && key.purpose == purpose;
    }

    @Override
    public int hashCode() {
      return Objects.hash(complaintId, purpose);
    }
  }
}
