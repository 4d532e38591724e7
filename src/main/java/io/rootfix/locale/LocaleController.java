package io.rootfix.locale;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The convention, for Tasklist's script: its date pickers and its time zone label follow it. */
@RestController
class LocaleController {

  record Convention(String datePattern, String zone, String language) {}

  private final LocaleSettings settings;

  LocaleController(LocaleSettings settings) {
    this.settings = settings;
  }

  @GetMapping("/api/locale")
  Convention convention() {
    return new Convention(settings.datePattern(), settings.zone().getId(), settings.language());
  }
}
