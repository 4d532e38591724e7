package io.rootfix.notify;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Sends the outbox's e-mails every {@code rootfix.notify.email.fixed-delay}, only when
 * {@code rootfix.notify.email.enabled}. Every node may run it: the sender's claims keep a message from
 * going out twice.
 */
@Configuration
@EnableScheduling
@ConditionalOnProperty(prefix = "rootfix.notify.email", name = "enabled", havingValue = "true")
class OutboxSchedule {

  private final OutboxSender sender;

  OutboxSchedule(OutboxSender sender) {
    this.sender = sender;
  }

  @Scheduled(fixedDelayString = "${rootfix.notify.email.fixed-delay:PT30S}",
      initialDelayString = "${rootfix.notify.email.fixed-delay:PT30S}")
  void sendDue() {
    sender.sendDue();
  }
}
