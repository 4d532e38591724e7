package io.rootfix.complaint;

import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/complaints")
class ComplaintController {

  private final ComplaintApi api;

  ComplaintController(ComplaintApi api) {
    this.api = api;
  }

  record Receipt(String trackingNumber, String location) {}

  /** Public intake: web forms, the mail gateway, chat and social integrations post here. */
  @PostMapping
  ResponseEntity<Receipt> receive(@Valid @RequestBody IntakeForm form) {
    String trackingNumber = api.receive(form);
    return ResponseEntity.created(URI.create("/api/complaints/" + trackingNumber))
        .body(new Receipt(trackingNumber, "/api/complaints/" + trackingNumber));
  }

  @GetMapping("/{trackingNumber}")
  ComplaintView get(@PathVariable String trackingNumber) {
    return api.view(trackingNumber);
  }

  @PostMapping("/{trackingNumber}/information")
  ResponseEntity<Void> customerInformed(@PathVariable String trackingNumber,
      @Valid @RequestBody CustomerInformation information) {
    api.customerInformed(trackingNumber, information);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/{trackingNumber}/confirmation")
  ResponseEntity<Void> customerReplied(@PathVariable String trackingNumber, @Valid @RequestBody CustomerReply reply) {
    api.customerReplied(trackingNumber, reply);
    return ResponseEntity.noContent().build();
  }
}
