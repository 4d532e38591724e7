package io.rootfix.mailbox;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface InboundMailRepository extends JpaRepository<InboundMail, Long> {

  boolean existsByMessageId(String messageId);

  java.util.Optional<InboundMail> findByMessageId(String messageId);

  /** The Message-IDs of the mails filed into this complaint, oldest first. */
  @Query("""
      select m.messageId from InboundMail m
      where m.trackingNumber = :trackingNumber and m.outcome in :filed
      order by m.id""")
  List<String> messageIdsFiledInto(@Param("trackingNumber") String trackingNumber,
      @Param("filed") Collection<InboundMailOutcome> filed);
}
