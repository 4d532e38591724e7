package io.rootfix.complaint;

import jakarta.validation.Valid;
import java.net.URI;
import java.security.Principal;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
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
  private final StartedComplaints started;

  ComplaintController(ComplaintApi api, StartedComplaints started) {
    this.api = api;
    this.started = started;
  }

  record Receipt(String trackingNumber, String location, boolean repeatContact) {}

  /**
   * Public intake: web forms, the mail gateway, chat and social integrations post here. A new complaint is
   * 201 Created; a contact about the customer's open complaint is attached to it: 200 with its tracking number.
   */
  @PostMapping
  ResponseEntity<Receipt> receive(@Valid @RequestBody IntakeForm form) {
    ComplaintApi.Received received = api.receive(form);
    String location = "/api/complaints/" + received.trackingNumber();
    Receipt receipt = new Receipt(received.trackingNumber(), location, received.repeatContact());
    return received.repeatContact()
        ? ResponseEntity.ok(receipt)
        : ResponseEntity.created(URI.create(location)).body(receipt);
  }

  /**
   * After Tasklist's phone-intake start form: the new complaint's tracking number and the task the agent goes on
   * with (Tasklist's custom script shows and opens them). Also for a Tasklist session, see SecurityConfiguration.
   */
  @GetMapping("/started/{processInstanceId}")
  StartedComplaints.Started started(@PathVariable String processInstanceId, Authentication caller) {
    return started.of(processInstanceId, caller.getName(),
        caller.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList());
  }

  @GetMapping("/{trackingNumber}")
  ComplaintView get(@PathVariable String trackingNumber) {
    return api.view(trackingNumber);
  }

  /** Service agents merge a complaint about the same matter into this one. */
  @PostMapping("/{trackingNumber}/merge")
  ComplaintView merge(@PathVariable String trackingNumber, @Valid @RequestBody MergeRequest request, Principal agent) {
    return api.merge(trackingNumber, request, agent.getName());
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
