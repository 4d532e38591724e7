package io.rootfix.attachment;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The kinds of file a customer may send, recognised by their first bytes, never by the name or the content type
 * the client claims: a file called vase.jpg that is an SVG or an HTML page is no photo. Anything that could run
 * in a browser (SVG, HTML, XML) has no entry here, so it is refused.
 */
public enum FileType {
  JPEG("image/jpeg", "JPEG image", "jpg"),
  PNG("image/png", "PNG image", "png"),
  WEBP("image/webp", "WebP image", "webp"),
  HEIC("image/heic", "HEIC image", "heic"),
  PDF("application/pdf", "PDF document", "pdf");

  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  /** The ISO base media brands of HEIF/HEIC still images and sequences (ISO/IEC 23008-12). */
  private static final Set<String> HEIC_BRANDS = Set.of("heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1");

  private final String mediaType;
  private final String label;
  private final String extension;

  FileType(String mediaType, String label, String extension) {
    this.mediaType = mediaType;
    this.label = label;
    this.extension = extension;
  }

  public String mediaType() {
    return mediaType;
  }

  public String label() {
    return label;
  }

  public String extension() {
    return extension;
  }

  public static Optional<FileType> ofMediaType(String mediaType) {
    return Arrays.stream(values()).filter(type -> type.mediaType.equalsIgnoreCase(mediaType.trim())).findFirst();
  }

  /** What the content is, by its magic bytes; empty for anything else. */
  public static Optional<FileType> detect(byte[] content) {
    if (startsWith(content, 0, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
      return Optional.of(JPEG);
    }
    if (startsWith(content, 0, PNG_SIGNATURE)) {
      return Optional.of(PNG);
    }
    if (startsWith(content, 0, ascii("RIFF")) && startsWith(content, 8, ascii("WEBP"))) {
      return Optional.of(WEBP);
    }
    if (startsWith(content, 4, ascii("ftyp")) && content.length >= 12
        && HEIC_BRANDS.contains(new String(content, 8, 4, StandardCharsets.US_ASCII))) {
      return Optional.of(HEIC);
    }
    if (startsWith(content, 0, ascii("%PDF-"))) {
      return Optional.of(PDF);
    }
    return Optional.empty();
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  private static boolean startsWith(byte[] content, int offset, byte[] prefix) {
    if (content.length < offset + prefix.length) {
      return false;
    }
    return Arrays.equals(content, offset, offset + prefix.length, prefix, 0, prefix.length);
  }
}
