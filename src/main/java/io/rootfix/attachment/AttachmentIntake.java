package io.rootfix.attachment;

import io.rootfix.complaint.ComplaintApi;
import io.rootfix.complaint.IntakeForm;
import io.rootfix.web.ConflictException;
import io.rootfix.web.InvalidInputException;
import jakarta.validation.Validator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A complaint that comes with files (the intake API's multipart form, the public complaint page, an e-mail):
 * the complaint goes through the one intake ({@link ComplaintApi#receive}) and its files are kept with it in
 * the same transaction.
 */
@Service
@Transactional
public class AttachmentIntake {

  private final ComplaintApi intake;
  private final Attachments attachments;
  private final AttachmentCheck check;
  private final Validator validator;

  AttachmentIntake(ComplaintApi intake, Attachments attachments, AttachmentCheck check, Validator validator) {
    this.intake = intake;
    this.attachments = attachments;
    this.check = check;
    this.validator = validator;
  }

  /**
   * All or nothing: a bad field or a refused file is a 400 naming every one of them ({@code files[i]} with the
   * file's name and why), and nothing is stored, neither the complaint nor any file.
   */
  public ComplaintApi.Received receive(IntakeForm form, List<IncomingFile> files, String source) {
    Map<String, String> errors = fieldErrors(form);
    AttachmentCheck.Result checked = check.check(files, 0);
    checked.refused().forEach(refused -> errors.put(filesField(refused.index()), refused.message()));
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    ComplaintApi.Received received = intake.receive(form);
    // A repeat contact's files join the open complaint, which may hold files already: its total counts.
    refuseAny(attachments.keep(received.trackingNumber(), files, source));
    return received;
  }

  /**
   * For a channel that must not lose the customer's words over a file (e-mail): the complaint is received, the
   * files that pass are kept, and the refused ones are noted for the agent.
   */
  public ComplaintApi.Received receiveKeepingRefusals(IntakeForm form, List<IncomingFile> files, String source) {
    ComplaintApi.Received received = intake.receive(form);
    attachments.keep(received.trackingNumber(), files, source);
    return received;
  }

  /** Staff add files to an open complaint (sent to them another way); all or nothing as at intake. */
  public List<AttachmentSummary> add(String trackingNumber, List<IncomingFile> files, String source) {
    if (files.isEmpty()) {
      throw InvalidInputException.of("files", "must hold at least one file");
    }
    var complaint = attachments.complaint(trackingNumber);
    if (!complaint.isOpen()) {
      throw new ConflictException("Complaint " + trackingNumber + " is " + complaint.state()
          + "; files are added to open complaints only");
    }
    refuseAny(attachments.keep(trackingNumber, files, source));
    return attachments.of(complaint.id());
  }

  /** The names of the bad fields as the intake names them. */
  public Map<String, String> fieldErrors(IntakeForm form) {
    return InvalidInputException.byField(validator.validate(form));
  }

  static String filesField(int index) {
    return "files[" + index + "]";
  }

  private static void refuseAny(AttachmentCheck.Result result) {
    if (!result.allAccepted()) {
      Map<String, String> errors = new LinkedHashMap<>();
      result.refused().forEach(refused -> errors.put(filesField(refused.index()), refused.message()));
      // Thrown inside the transaction: the complaint and every file roll back with it.
      throw new InvalidInputException(errors);
    }
  }
}
