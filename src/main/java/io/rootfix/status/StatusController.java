package io.rootfix.status;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import io.rootfix.web.InvalidInputException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
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

  /** The contact, as the lookup proves it; in the body, so that it stays out of addresses and access logs. */
  record LinkRequestBody(String contact) {}

  /** What the page says, the same whether a message went now or one went in the last 15 minutes. */
  record LinkSent(String text) {}

  static final LinkSent LINK_SENT = new LinkSent("We have sent your personal link to the e-mail address or phone "
      + "number you gave us. It may take a little while to reach you.");

  /**
   * Sends the customer their personal link for what the complaint waits for, to the contact on file, never to one
   * the request names: knowing a tracking number and a contact proves enough to read the state, not to act in the
   * customer's name (docs/customer-links.md).
   */
  @PostMapping("/api/status/{trackingNumber}/link")
  LinkSent sendLink(@PathVariable String trackingNumber, @RequestBody(required = false) LinkRequestBody body) {
    if (body == null || body.contact() == null || body.contact().isBlank()) {
      throw InvalidInputException.of("contact", "is required: the e-mail address or phone number you gave us");
    }
    try {
      status.sendLink(trackingNumber, body.contact());
    } catch (DataIntegrityViolationException sameMoment) {
      // Another request for the same link won the first send at the same moment: that one sends it.
    }
    return LINK_SENT;
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
