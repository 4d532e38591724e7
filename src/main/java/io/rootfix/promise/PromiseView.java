package io.rootfix.promise;

import java.time.Instant;
import java.util.List;

/** A promise as the API shows it, with its renegotiation history. */
public record PromiseView(Long id, String trackingNumber, PromiseType type, String text, Instant windowFrom,
    Instant dueAt, String madeBy, Instant madeAt, PromiseState state, Instant keptAt, String keptBy, Instant brokenAt,
    Instant releasedAt, String releasedBy, String releaseNote, Instant remindedAt, Instant pausedSince, String escalationNote, List<RenegotiationView> renegotiations) {

  public record RenegotiationView(Instant oldDueAt, Instant newDueAt, String reason, boolean customerToldInTime,
      String renegotiatedBy, Instant renegotiatedAt) {}

  static PromiseView of(Promise p) {
    return new PromiseView(p.getId(), p.getTrackingNumber(), p.getType(), p.getText(), p.getWindowFrom(),
        p.getDueAt(), p.getMadeBy(), p.getMadeAt(), p.getState(), p.getKeptAt(), p.getKeptBy(), p.getBrokenAt(),
        p.getReleasedAt(), p.getReleasedBy(), p.getReleaseNote(), p.getRemindedAt(), p.getPausedSince(), p.getEscalationNote(),
        p.getRenegotiations().stream()
            .map(r -> new RenegotiationView(r.getOldDueAt(), r.getNewDueAt(), r.getReason(),
                r.isCustomerToldInTime(), r.getRenegotiatedBy(), r.getRenegotiatedAt()))
            .toList());
  }
}
