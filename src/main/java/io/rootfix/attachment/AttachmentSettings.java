package io.rootfix.attachment;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What a customer may attach ({@code rootfix.attachments.*}): each file at most max-file-size, all files of one
 * complaint together at most max-per-complaint, and only the allowed types (media types of {@link FileType}).
 */
@ConfigurationProperties("rootfix.attachments")
public record AttachmentSettings(
    @DefaultValue("10MB") DataSize maxFileSize,
    @DefaultValue("25MB") DataSize maxPerComplaint,
    @DefaultValue({"image/jpeg", "image/png", "image/webp", "image/heic", "application/pdf"}) List<String> allowedTypes) {

  public AttachmentSettings {
    if (maxFileSize.toBytes() <= 0 || maxPerComplaint.toBytes() < maxFileSize.toBytes()) {
      throw new IllegalArgumentException("rootfix.attachments: max-file-size must be positive and at most "
          + "max-per-complaint, not " + maxFileSize + " and " + maxPerComplaint);
    }
    for (String type : allowedTypes) {
      if (FileType.ofMediaType(type).isEmpty()) {
        // Only types recognised by content can be allowed: one that is not would be taken on the client's word.
        throw new IllegalArgumentException("rootfix.attachments.allowed-types: " + type
            + " is not one Rootfix recognises by its content; choose from " + List.of(FileType.values()).stream()
            .map(FileType::mediaType).toList());
      }
    }
  }

  /** A whole multipart request: a complaint's files plus 1 MB for its form fields and the parts' headers. */
  public DataSize maxRequestSize() {
    return DataSize.ofBytes(maxPerComplaint.toBytes() + DataSize.ofMegabytes(1).toBytes());
  }

  List<FileType> allowed() {
    return allowedTypes.stream().map(type -> FileType.ofMediaType(type).orElseThrow()).distinct().toList();
  }
}
