package io.rootfix.attachment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rootfix.complaint.ComplaintApi;
import io.rootfix.complaint.IntakeForm;
import io.rootfix.web.InvalidInputException;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Complaints with files: the intake's multipart form ({@code complaint}: the same JSON as the plain intake,
 * at most 64 KB; {@code files}: the photos and documents), and staff adding files to an open complaint. There is
 * no anonymous upload to an existing complaint: a customer's files come with the complaint, or through an agent.
 */
@RestController
class AttachmentController {

  static final String COMPLAINT_PART = "complaint";
  static final String FILES_PART = "files";
  private static final long MAX_COMPLAINT_PART = DataSize.ofKilobytes(64).toBytes();

  private final AttachmentIntake intake;
  private final Attachments attachments;
  private final ObjectMapper json;

  AttachmentController(AttachmentIntake intake, Attachments attachments, ObjectMapper json) {
    this.intake = intake;
    this.attachments = attachments;
    this.json = json;
  }

  record Receipt(String trackingNumber, String location, boolean repeatContact, List<String> files) {}

  /** As {@code POST /api/complaints} with JSON, plus the files; all or nothing. */
  @PostMapping(path = "/api/complaints", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<Receipt> receive(HttpServletRequest request) throws IOException, ServletException {
    IntakeForm form = complaintPart(request.getPart(COMPLAINT_PART));
    List<IncomingFile> files = IncomingFile.fromParts(request, FILES_PART);
    ComplaintApi.Received received = intake.receive(form, files, "api");
    String location = "/api/complaints/" + received.trackingNumber();
    Receipt receipt = new Receipt(received.trackingNumber(), location, received.repeatContact(),
        files.stream().map(IncomingFile::fileName).toList());
    return received.repeatContact()
        ? ResponseEntity.ok(receipt)
        : ResponseEntity.created(URI.create(location)).body(receipt);
  }

  /** Staff add files a customer sent them another way to an open complaint. */
  @PostMapping(path = "/api/complaints/{trackingNumber}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  List<AttachmentSummary> add(@PathVariable String trackingNumber, HttpServletRequest request, Principal agent)
      throws IOException, ServletException {
    return intake.add(trackingNumber, IncomingFile.fromParts(request, FILES_PART), "agent:" + agent.getName());
  }

  @GetMapping("/api/complaints/{trackingNumber}/attachments")
  List<AttachmentSummary> list(@PathVariable String trackingNumber) {
    return attachments.of(attachments.complaint(trackingNumber).id());
  }

  private IntakeForm complaintPart(Part part) throws IOException {
    if (part == null) {
      throw InvalidInputException.of(COMPLAINT_PART, "is missing: the complaint as JSON, as for application/json");
    }
    if (part.getSize() > MAX_COMPLAINT_PART) {
      throw InvalidInputException.of(COMPLAINT_PART, "is larger than 64 KB");
    }
    try (InputStream in = part.getInputStream()) {
      return json.readValue(in, IntakeForm.class);
    } catch (JsonProcessingException e) {
      throw InvalidInputException.of(COMPLAINT_PART, "is not a complaint in JSON: " + e.getOriginalMessage());
    }
  }

}
