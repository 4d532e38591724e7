package io.rootfix.promise;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Future;
import io.rootfix.web.NoControlCharacters;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import io.rootfix.web.InvalidInputException;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class PromiseController {

  private final PromiseService promises;

  PromiseController(PromiseService promises) {
    this.promises = promises;
  }

  @GetMapping("/api/complaints/{trackingNumber}/promises")
  List<PromiseView> ofComplaint(@PathVariable String trackingNumber) {
    return promises.ofComplaint(trackingNumber);
  }

  /**
   * Open promises nearest their deadline first; {@code dueBefore} defaults to "any time". One page of at most
   * {@code limit}: with a year of complaints there are thousands open, and the nearest are the ones to act on.
   */
  @GetMapping("/api/promises")
  List<PromiseView> open(@RequestParam(defaultValue = "OPEN") PromiseState state,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant dueBefore,
      @RequestParam(defaultValue = "100") int limit) {
    if (state != PromiseState.OPEN) {
      throw InvalidInputException.of("state", "only OPEN promises are listed here");
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw InvalidInputException.of("limit", "must be between 1 and " + MAX_LIMIT);
    }
    return promises.openDueBefore(dueBefore, limit);
  }

  static final int MAX_LIMIT = 1000;

  record Renegotiation(@NotNull @Future Instant newDueAt, @NotBlank @Size(max = 2000) @NoControlCharacters String reason) {}

  @PostMapping("/api/promises/{id}/renegotiation")
  PromiseView renegotiate(@PathVariable Long id, @Valid @RequestBody Renegotiation renegotiation, Principal user) {
    return promises.renegotiate(id, renegotiation.newDueAt(), renegotiation.reason(), user.getName());
  }

  /** The person who kept it says so; the watch ends as kept (the answer promise is kept by sending the answer). */
  @PostMapping("/api/promises/{id}/kept")
  PromiseView kept(@PathVariable Long id, Principal user) {
    return promises.keepByHand(id, user.getName());
  }

  @GetMapping("/api/insights/promises")
  PromiseService.KeptRate keptRate() {
    return promises.keptRate();
  }
}
