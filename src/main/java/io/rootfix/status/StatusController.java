package io.rootfix.status;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Public (no login) and rate-limited like the intake; the page at /status calls it. */
@RestController
class StatusController {

  private final CustomerStatus status;

  StatusController(CustomerStatus status) {
    this.status = status;
  }

  @GetMapping("/api/status/{trackingNumber}")
  StatusView status(@PathVariable String trackingNumber, @RequestParam String contact) {
    return status.of(trackingNumber, contact);
  }

  /**
   * One body for every miss, to the byte: not even the problem's {@code instance} (by default the request
   * path) tells an unknown tracking number from a wrong contact.
   */
  @ExceptionHandler(StatusNotFoundException.class)
  ResponseEntity<ProblemDetail> notFound(StatusNotFoundException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    problem.setInstance(URI.create("/api/status"));
    return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
  }
}
