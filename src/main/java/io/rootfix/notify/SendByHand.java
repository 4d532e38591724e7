package io.rootfix.notify;

import io.rootfix.notify.SendByHandProcess.Var;
import io.rootfix.process.TaskForms;
import io.rootfix.security.TaskActor;
import io.rootfix.web.InvalidInputException;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * Every message for an agent to send becomes a "Send the message to the customer" task in Tasklist, started in
 * the transaction that handed it over, so a call or a chat message the customer is owed cannot be forgotten.
 */
@Configuration
@EnableConfigurationProperties(SendByHandSettings.class)
class SendByHand {

  /** A process variable string is stored in a 4,000-character column; longer bodies are cut for the form. */
  private static final int FORM_TEXT_LIMIT = 3900;

  private final RuntimeService runtimeService;
  private final CustomerMessageRepository messages;
  private final Clock clock;
  private final Duration sendWithin;

  SendByHand(RuntimeService runtimeService, CustomerMessageRepository messages, Clock clock,
      SendByHandSettings settings) {
    this.runtimeService = runtimeService;
    this.messages = messages;
    this.clock = clock;
    this.sendWithin = settings.agentSendWithin();
  }

  @EventListener
  void handedToAgents(MessageForAgentEvent event) {
    CustomerMessage message = messages.findById(event.messageId()).orElseThrow();
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put(Var.MESSAGE_ID, message.getId());
    variables.put(Var.TRACKING_NUMBER, message.getTrackingNumber());
    variables.put(Var.CHANNEL, message.getChannel());
    variables.put(Var.RECIPIENT, message.getRecipient());
    variables.put(Var.SUBJECT, message.getSubject());
    variables.put(Var.BODY, shorten(message.getBody()));
    variables.put(Var.FAILURE, message.getFailure());
    variables.put(Var.SEND_BY, Date.from(clock.instant().plus(sendWithin)));
    runtimeService.startProcessInstanceByKey(SendByHandProcess.KEY,
        message.getTrackingNumber() + "/message-" + message.getId(), variables);
  }

  /** Marked sent through the API: the task is done too. */
  @EventListener
  void sentAnotherWay(MessageSentByAgentEvent event) {
    runtimeService.createMessageCorrelation(SendByHandProcess.MESSAGE_SENT_BY_HAND)
        .processInstanceVariableEquals(Var.MESSAGE_ID, event.messageId())
        .correlateAll();
  }

  /** Task_SendByHand: the agent confirms, the outbox records who sent it and when. */
  @Bean
  TaskListener recordSentByHand(Outbox outbox, TaskActor actor, TaskForms forms) {
    return task -> {
      if (!forms.of(task).flag(Var.SENT)) {
        throw InvalidInputException.of(Var.SENT, "confirm that you sent the message to the customer");
      }
      outbox.recordSentByAgent(SendByHandProcess.MESSAGE_ID.require(task), actor.of(task));
    };
  }

  private static String shorten(String body) {
    return body.length() <= FORM_TEXT_LIMIT ? body
        : body.substring(0, FORM_TEXT_LIMIT) + "… (the whole text: GET /api/messages)";
  }
}
