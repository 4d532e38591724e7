package io.rootfix.attachment;

import java.time.Instant;

/** An attachment without its bytes: what lists, forms and the audit trail show. */
public record AttachmentSummary(Long id, String trackingNumber, String fileName, String mediaType, long sizeBytes,
    String sha256, String refusal, String source, Instant receivedAt) {

  public boolean isRefused() {
    return refusal != null;
  }

  /** Where a signed-in member of staff downloads it. */
  public String href() {
    return isRefused() ? null : "/attachments/" + id;
  }

  public String describe() {
    return isRefused()
        ? fileName + " refused: " + refusal
        : fileName + " (" + FileType.ofMediaType(mediaType).map(FileType::label).orElse(mediaType) + ", "
            + AttachmentCheck.readable(sizeBytes) + ", SHA-256 " + sha256 + ")";
  }
}
