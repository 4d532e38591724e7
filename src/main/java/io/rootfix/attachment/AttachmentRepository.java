package io.rootfix.attachment;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface AttachmentRepository extends JpaRepository<Attachment, Long> {

  @Query("""
      select new io.rootfix.attachment.AttachmentSummary(a.id, a.complaint.trackingNumber, a.fileName, a.mediaType, a.sizeBytes,
        a.sha256, a.refusal, a.source, a.receivedAt)
      from Attachment a where a.complaint.id = :complaintId order by a.receivedAt, a.id""")
  List<AttachmentSummary> summariesOf(@Param("complaintId") long complaintId);

  @Query("select coalesce(sum(a.sizeBytes), 0) from Attachment a where a.complaint.id = :complaintId and a.refusal is null")
  long storedBytesOf(@Param("complaintId") long complaintId);
}
