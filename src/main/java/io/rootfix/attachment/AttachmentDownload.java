package io.rootfix.attachment;

import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff open a customer's file from the complaint's form (SecurityConfiguration: signed in to Tasklist or with
 * HTTP Basic, in a staff group). Always a download of the type its content showed at intake, never rendered in
 * Rootfix's origin, so a file cannot become a page that runs script there.
 */
@RestController
class AttachmentDownload {

  private final Attachments attachments;

  AttachmentDownload(Attachments attachments) {
    this.attachments = attachments;
  }

  @GetMapping("/attachments/{id}")
  ResponseEntity<byte[]> download(@PathVariable long id) {
    Attachment attachment = attachments.download(id);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(attachment.getMediaType()))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(attachment.getFileName(), StandardCharsets.UTF_8).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "default-src 'none'; sandbox")
        .header("Cross-Origin-Resource-Policy", "same-origin")
        .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
        .body(attachment.getContent());
  }
}
