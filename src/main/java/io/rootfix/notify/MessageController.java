package io.rootfix.notify;

import io.rootfix.web.InvalidInputException;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The messages agents send by hand: calls, letters, chat and social-media messages, e-mails that failed. */
@RestController
class MessageController {

  private final Outbox outbox;

  MessageController(Outbox outbox) {
    this.outbox = outbox;
  }

  record MessageView(Long id, String trackingNumber, MessageKind kind, String channel, String recipient,
      String subject, String body, Instant createdAt, DeliveryState state, int attempts, String failure,
      Instant sentAt, String sentBy) {

    static MessageView of(CustomerMessage m) {
      return new MessageView(m.getId(), m.getTrackingNumber(), m.getKind(), m.getChannel(), m.getRecipient(),
          m.getSubject(), m.getBody(), m.getCreatedAt(), m.getState(), m.getAttempts(), m.getFailure(),
          m.getSentAt(), m.getSentBy());
    }
  }

  @GetMapping("/api/messages")
  List<MessageView> forAgents(@RequestParam(defaultValue = "FOR_AGENT") DeliveryState state) {
    if (state != DeliveryState.FOR_AGENT) {
      throw InvalidInputException.of("state", "only the messages FOR_AGENT are listed here");
    }
    return outbox.forAgents().stream().map(MessageView::of).toList();
  }

  @PostMapping("/api/messages/{id}/sent")
  MessageView sent(@PathVariable Long id, Principal agent) {
    return MessageView.of(outbox.sentByAgent(id, agent.getName()));
  }
}
