package io.rootfix.mailbox;

import jakarta.mail.internet.MimeMessage;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.dsl.IntegrationFlowBuilder;
import org.springframework.integration.dsl.Pollers;
import org.springframework.integration.mail.dsl.Mail;

/**
 * Reads the support mailbox over IMAP, only when {@code rootfix.mail.inbound.enabled}: with IDLE (the server tells
 * the moment a mail arrives) or by looking every {@code poll-interval}. Each mail goes to {@link Mailbox#receive}.
 */
@Configuration
@ConditionalOnProperty(prefix = "rootfix.mail.inbound", name = "enabled", havingValue = "true")
class MailboxAdapter {

  @Bean
  IntegrationFlow supportMailbox(MailboxSettings settings, Mailbox mailbox) {
    return flow(settings, mailbox);
  }

  /** The flow for these settings; tests register it against their own IMAP server. */
  static IntegrationFlow flow(MailboxSettings settings, Mailbox mailbox) {
    String url = url(settings);
    Properties properties = javaMailProperties(settings);
    jakarta.mail.Authenticator login = new jakarta.mail.Authenticator() {
      @Override
      protected jakarta.mail.PasswordAuthentication getPasswordAuthentication() {
        return new jakarta.mail.PasswordAuthentication(settings.username(), settings.password());
      }
    };
    IntegrationFlowBuilder from = settings.idle()
        ? IntegrationFlow.from(Mail.imapIdleAdapter(url)
            .javaMailProperties(properties)
            .javaMailAuthenticator(login)
            .shouldMarkMessagesAsRead(settings.markSeen()))
        : IntegrationFlow.from(Mail.imapInboundAdapter(url)
                .javaMailProperties(properties)
                .javaMailAuthenticator(login)
                .shouldMarkMessagesAsRead(settings.markSeen()),
            poller -> poller.poller(Pollers.fixedDelay(settings.pollInterval()).maxMessagesPerPoll(50)));
    return from.handle(MimeMessage.class, (mail, headers) -> {
      mailbox.receive(mail);
      return null;
    }).get();
  }

  static String url(MailboxSettings settings) {
    String user = URLEncoder.encode(settings.username(), StandardCharsets.UTF_8);
    return (settings.ssl() ? "imaps" : "imap") + "://" + user + "@" + settings.host() + ":" + settings.port() + "/"
        + settings.folder();
  }

  private static Properties javaMailProperties(MailboxSettings settings) {
    Properties properties = new Properties();
    String protocol = settings.ssl() ? "imaps" : "imap";
    // A server that does not answer must not hold the reader up for minutes (milliseconds).
    properties.setProperty("mail." + protocol + ".connectiontimeout", "10000");
    properties.setProperty("mail." + protocol + ".timeout", "60000");
    return properties;
  }
}
