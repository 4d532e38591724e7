package io.rootfix.complaint;

import io.rootfix.persistence.SequencedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A repeat contact: the customer came back about a complaint that is still open. It is attached to that
 * complaint instead of opening a new one, and counts against first-contact resolution.
 */
@Entity
@Table(name = "complaint_contact")
public class Contact extends SequencedEntity {

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy HH:mm", Locale.ENGLISH);

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "complaint_id")
  private Complaint complaint;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private Channel channel;

  @Column(nullable = false)
  private Instant receivedAt;

  /** What the customer said, in their words. */
  @Column(nullable = false, length = 4000)
  private String text;

  protected Contact() {}

  Contact(Complaint complaint, Channel channel, String text, Instant receivedAt) {
    this.complaint = complaint;
    this.channel = channel;
    this.text = text;
    this.receivedAt = receivedAt;
  }

  /** "Monday 23 November 2026 10:15, by phone: Still no parcel." */
  String summary(ZoneId zone) {
    return WHEN.format(receivedAt.atZone(zone)) + ", by " + channel.code() + ": " + text;
  }

  public Complaint getComplaint() {
    return complaint;
  }

  public Channel getChannel() {
    return channel;
  }

  public Instant getReceivedAt() {
    return receivedAt;
  }

  public String getText() {
    return text;
  }
}
