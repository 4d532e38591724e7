package io.rootfix.attachment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rootfix.complaint.ComplaintSummary;
import io.rootfix.complaint.Complaints;
import io.rootfix.web.NotFoundException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The files of a complaint: stored with it, listed on every form of its process (the {@value #FORM_VARIABLE}
 * variable, rewritten whenever a file arrives) and in its audit trail, downloaded by staff. Every write joins
 * the caller's transaction, so a complaint and its files commit together or not at all.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class Attachments {

  /** The complaint's files as the forms show them: a list of {name, href, label, refusal}. */
  public static final String FORM_VARIABLE = "attachments";

  private final AttachmentRepository repository;
  private final AttachmentCheck check;
  private final Complaints complaints;
  private final RuntimeService runtimeService;
  private final ObjectMapper json;
  private final Clock clock = Clock.systemUTC();

  Attachments(AttachmentRepository repository, AttachmentCheck check, Complaints complaints,
      RuntimeService runtimeService, ObjectMapper json) {
    this.repository = repository;
    this.check = check;
    this.complaints = complaints;
    this.runtimeService = runtimeService;
    this.json = json;
  }

  @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
  public ComplaintSummary complaint(String trackingNumber) {
    return complaints.summary(trackingNumber);
  }

  /** How many bytes of files the complaint holds, towards its limit. */
  @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
  public long storedBytes(String trackingNumber) {
    return repository.storedBytesOf(complaints.summary(trackingNumber).id());
  }

  /**
   * Checks the files against what the complaint holds already and keeps those that pass; the refused ones are
   * noted (name, size, why) for the agent, without their content.
   */
  public AttachmentCheck.Result keep(String trackingNumber, List<IncomingFile> files, String source) {
    ComplaintSummary complaint = complaints.summary(trackingNumber);
    AttachmentCheck.Result result = check.check(files, repository.storedBytesOf(complaint.id()));
    Instant now = clock.instant();
    for (AttachmentCheck.Accepted accepted : result.accepted()) {
      repository.save(Attachment.stored(complaint.id(), complaint.trackingNumber(), accepted.file(),
          accepted.type(), sha256(accepted.file().content()), source, now));
    }
    for (AttachmentCheck.Refused refused : result.refused()) {
      repository.save(Attachment.refused(complaint.id(), complaint.trackingNumber(), refused,
          files.get(refused.index()).content().length, source, now));
    }
    if (!files.isEmpty()) {
      showOnForms(complaint);
    }
    return result;
  }

  @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
  public List<AttachmentSummary> of(long complaintId) {
    return repository.summariesOf(complaintId);
  }

  /** The stored file, to download; a refused one has nothing to download. */
  @Transactional(propagation = Propagation.REQUIRED, readOnly = true)
  public Attachment download(long id) {
    return repository.findById(id).filter(attachment -> attachment.getContent() != null)
        .orElseThrow(() -> new NotFoundException("No attachment " + id));
  }

  private void showOnForms(ComplaintSummary complaint) {
    String processInstanceId = complaint.processInstanceId();
    if (processInstanceId == null
        || runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).count() == 0) {
      return;
    }
    List<Map<String, Object>> shown = repository.summariesOf(complaint.id()).stream().map(summary -> {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("name", summary.fileName());
      item.put("href", summary.href());
      item.put("label", summary.describe());
      item.put("refused", summary.isRefused());
      return item;
    }).toList();
    try {
      runtimeService.setVariable(processInstanceId, FORM_VARIABLE,
          SpinValues.jsonValue(json.writeValueAsString(shown)).create());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot list the files of " + complaint.trackingNumber(), e);
    }
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
