package io.rootfix.audit;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** The single row a sealer locks (select … for update) before it extends the chain. */
@Entity
class AuditSealLock {

  static final long ID = 1;

  @Id
  private Long id;

  protected AuditSealLock() {}
}
