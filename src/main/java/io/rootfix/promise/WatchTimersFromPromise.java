package io.rootfix.promise;

import io.rootfix.process.ReadFromRecord;
import java.time.Instant;
import java.util.Date;
import java.util.Set;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The dates of the watch's three timers ({@code ${remindAt}}, {@code ${renegotiateAt}}, {@code ${dueAt}} in
 * {@code promise.bpmn}), read from the promise row when a timer is set: the row says when the watch acts next
 * ({@link Promise#watchActsAt}), so the watch stores no copy of them. A watch started before 7 December 2026 has them
 * as variables and reads those until its promise's dates first move.
 */
@Component
class WatchTimersFromPromise implements ReadFromRecord {

  static final Set<String> NAMES =
      Set.of(PromiseProcess.Var.REMIND_AT, PromiseProcess.Var.RENEGOTIATE_AT, PromiseProcess.Var.DUE_AT);

  private final PromiseRepository promises;

  WatchTimersFromPromise(PromiseRepository promises) {
    this.promises = promises;
  }

  @Override
  public String processKey() {
    return PromiseProcess.KEY;
  }

  @Override
  public Set<String> names() {
    return NAMES;
  }

  @Override
  public Object read(String name, VariableScope scope) {
    Long promiseId = PromiseProcess.promiseIdOf(scope);
    return promiseId == null ? null : dateOf(name, promises.findById(promiseId).map(Promise::watchTimers).orElse(null));
  }

  /** The date a timer of this name reads from the watch's timers; null when there are none. */
  static Date dateOf(String name, PromisePolicy.Timers timers) {
    if (timers == null) {
      return null;
    }
    Instant at = switch (name) {
      case PromiseProcess.Var.REMIND_AT -> timers.remindAt();
      case PromiseProcess.Var.RENEGOTIATE_AT -> timers.renegotiateAt();
      default -> timers.dueAt();
    };
    return Date.from(at);
  }
}
