package io.rootfix.persistence;

import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/**
 * An entity whose id comes from its table's own sequence, {@code <table>_seq}, 50 values at a time: Hibernate's
 * standard implicit sequence name ({@code hibernate.id.db_structure_naming_strategy: standard}, set in
 * application.yaml), which every migration in {@code db/migration} follows. Start-up schema validation fails on
 * a table whose sequence is missing, so a new entity cannot silently share another's numbers.
 */
@MappedSuperclass
public abstract class SequencedEntity {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE)
  private Long id;

  public Long getId() {
    return id;
  }
}
