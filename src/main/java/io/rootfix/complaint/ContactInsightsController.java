package io.rootfix.complaint;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ContactInsightsController {

  private final RepeatContacts repeatContacts;

  ContactInsightsController(RepeatContacts repeatContacts) {
    this.repeatContacts = repeatContacts;
  }

  /** First-contact resolution and the repeat-contact rate, over every complaint so far. */
  @GetMapping("/api/insights/contacts")
  RepeatContacts.ContactInsights insights() {
    return repeatContacts.insights();
  }
}
