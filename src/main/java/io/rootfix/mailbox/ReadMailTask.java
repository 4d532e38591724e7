package io.rootfix.mailbox;

import io.rootfix.mailbox.ReadMailProcess.Var;
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
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The seam to {@code read-mail.bpmn}: an e-mail Rootfix could not file becomes a "Read an e-mail Rootfix could not
 * file" task in Tasklist, started in the transaction that recorded the mail, so it cannot be forgotten.
 */
@Configuration
class ReadMailTask {

  /** A process variable string is stored in a 4,000-character column; the whole mail stays in inbound_mail. */
  private static final int FORM_TEXT_LIMIT = 3900;

  private final RuntimeService runtimeService;
  private final Clock clock;
  private final Duration readWithin;

  ReadMailTask(RuntimeService runtimeService, Clock clock, MailboxSettings settings) {
    this.runtimeService = runtimeService;
    this.clock = clock;
    this.readWithin = settings.agentReadWithin();
  }

  void start(InboundMail mail, String headers, String text) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put(Var.INBOUND_MAIL_ID, mail.getId());
    variables.put(Var.TRACKING_NUMBER, mail.getTrackingNumber());
    variables.put(Var.SENDER, mail.getSender() == null ? "(no sender)" : mail.getSender());
    variables.put(Var.SUBJECT, mail.getSubject() == null ? "" : mail.getSubject());
    variables.put(Var.REASON, mail.getReason());
    variables.put(Var.HEADERS, shorten(headers));
    variables.put(Var.TEXT, shorten(text));
    variables.put(Var.READ_BY, Date.from(clock.instant().plus(readWithin)));
    String businessKey = mail.getTrackingNumber() != null ? mail.getTrackingNumber() + "/mail-" + mail.getId()
        : "mail/" + mail.getId();
    runtimeService.startProcessInstanceByKey(ReadMailProcess.KEY, businessKey, variables);
  }

  /** Task_ReadMail: the agent confirms; the mail records who handled it and when. */
  @Bean
  TaskListener recordMailRead(InboundMailRepository mails, TaskActor actor, TaskForms forms) {
    return task -> {
      if (!forms.of(task).flag(Var.HANDLED)) {
        throw InvalidInputException.of(Var.HANDLED, "confirm that you read and handled the e-mail");
      }
      mails.findById(ReadMailProcess.INBOUND_MAIL_ID.require(task)).orElseThrow()
          .handled(actor.of(task), clock.instant());
    };
  }

  private static String shorten(String text) {
    if (text == null) {
      return "";
    }
    return text.length() <= FORM_TEXT_LIMIT ? text : text.substring(0, FORM_TEXT_LIMIT) + "… (cut; the whole e-mail "
        + "is kept in inbound_mail)";
  }
}
