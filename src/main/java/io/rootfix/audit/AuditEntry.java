package io.rootfix.audit;

import java.time.Instant;

/**
 * One line of a complaint's audit trail: when, who ({@code system} for the engine and Rootfix itself),
 * what happened, and its details. {@code internal}: a working value of the engine (an option list offered on a
 * form, an emptied value) that says nothing about what was decided; the audit page folds these away.
 */
public record AuditEntry(Instant time, String actor, String what, String details, boolean internal) {

  static final String SYSTEM = "system";

  static AuditEntry of(Instant time, String actor, String what, String details) {
    return of(time, actor, what, details, false);
  }

  static AuditEntry of(Instant time, String actor, String what, String details, boolean internal) {
    return new AuditEntry(time, actor == null || actor.isBlank() ? SYSTEM : actor, what, details == null ? "" : details,
        internal);
  }
}
