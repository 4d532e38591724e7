package io.rootfix.reason;

import java.time.Instant;

/** A reason given on a complaint ({@link RecordedReason}), read-only: what other features may know of it. */
public record GivenReason(String step, String code, String label, String note, String recordedBy,
    Instant recordedAt) {

  static GivenReason of(RecordedReason reason) {
    return new GivenReason(reason.getStep(), reason.getCode(), reason.getLabel(), reason.getNote(),
        reason.getRecordedBy(), reason.getRecordedAt());
  }
}
