package io.rootfix.attachment;

import io.rootfix.persistence.ComplaintReference;
import io.rootfix.persistence.SequencedEntity;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import java.time.Instant;

/**
 * A file that came with a complaint, or a note that one was refused (then without content). Lists read
 * {@link AttachmentSummary}, so only a download loads the bytes.
 */
@Entity
public class Attachment extends SequencedEntity {

  @Embedded
  private ComplaintReference complaint;

  @Column(nullable = false, length = 200)
  private String fileName;

  @Column(length = 64)
  private String mediaType;

  @Column(nullable = false)
  private long sizeBytes;

  @Column(length = 64)
  private String sha256;

  @Basic(fetch = FetchType.LAZY)
  private byte[] content;

  @Column(length = 500)
  private String refusal;

  @Column(nullable = false, length = 16)
  private String source;

  @Column(nullable = false)
  private Instant receivedAt;

  protected Attachment() {}

  static Attachment stored(long complaintId, String trackingNumber, IncomingFile file, FileType type, String sha256,
      String source, Instant at) {
    Attachment attachment = new Attachment();
    attachment.complaint = new ComplaintReference(complaintId, trackingNumber);
    attachment.fileName = file.fileName();
    attachment.mediaType = type.mediaType();
    attachment.sizeBytes = file.content().length;
    attachment.sha256 = sha256;
    attachment.content = file.content();
    attachment.source = source;
    attachment.receivedAt = at;
    return attachment;
  }

  static Attachment refused(long complaintId, String trackingNumber, AttachmentCheck.Refused refused, long size,
      String source, Instant at) {
    Attachment attachment = new Attachment();
    attachment.complaint = new ComplaintReference(complaintId, trackingNumber);
    attachment.fileName = refused.fileName();
    attachment.sizeBytes = size;
    attachment.refusal = refused.detail();
    attachment.source = source;
    attachment.receivedAt = at;
    return attachment;
  }

  public String getFileName() {
    return fileName;
  }

  public String getMediaType() {
    return mediaType;
  }

  public byte[] getContent() {
    return content;
  }

  public String getRefusal() {
    return refusal;
  }
}
