package io.rootfix.complaint;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.LocalDate;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.springframework.stereotype.Component;

/** Hands out tracking numbers like {@code RF-2026-000123} from a database sequence. */
@Component
class TrackingNumbers {

  private final EntityManager entityManager;
  private final Clock clock;
  private final String prefix;
  private volatile String nextValueSql;

  TrackingNumbers(EntityManager entityManager, Clock clock,
      ComplaintSettings settings) {
    this.entityManager = entityManager;
    this.clock = clock;
    this.prefix = settings.trackingPrefix();
  }

  String next() {
    Number value = (Number) entityManager.createNativeQuery(nextValueSql()).getSingleResult();
    return String.format("%s-%d-%06d", prefix, LocalDate.now(clock).getYear(), value.longValue());
  }

  /** The dialect knows how H2 and PostgreSQL spell "next value of a sequence". */
  private String nextValueSql() {
    if (nextValueSql == null) {
      nextValueSql = entityManager.getEntityManagerFactory()
          .unwrap(SessionFactoryImplementor.class)
          .getJdbcServices()
          .getDialect()
          .getSequenceSupport()
          .getSequenceNextValString("tracking_number_seq");
    }
    return nextValueSql;
  }
}
