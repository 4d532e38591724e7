package io.rootfix.audit;

import java.time.Instant;

/**
 * One line of a complaint's audit trail: when, who ({@code system} for the engine and Rootfix itself),
 * what happened, and its details.
 */
public record AuditEntry(Instant time, String actor, String what, String details) {

  static final String SYSTEM = "system";

  static AuditEntry of(Instant time, String actor, String what, String details) {
    return new AuditEntry(time, actor == null || actor.isBlank() ? SYSTEM : actor, what, details == null ? "" : details);
  }
}
