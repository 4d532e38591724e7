package io.rootfix.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.mail.MailHealthContributorAutoConfiguration;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.mail.MailSenderAutoConfiguration;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.ClassPathResource;

/**
 * The mail server in the health: asked only when Rootfix sends e-mail (rootfix.notify.email.enabled, as
 * application.yaml says), UP while it answers and DOWN when it does not.
 */
class MailHealthTest {

  private final ApplicationContextRunner application = new ApplicationContextRunner()
      .withInitializer(context -> {
        try {
          // application.yaml's first document: the settings of every profile.
          context.getEnvironment().getPropertySources().addLast(new YamlPropertySourceLoader()
              .load("application.yaml", new ClassPathResource("application.yaml")).get(0));
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      })
      .withConfiguration(AutoConfigurations.of(MailSenderAutoConfiguration.class,
          MailHealthContributorAutoConfiguration.class));

  @Test
  void theMailServerIsInTheHealthWhenRootfixSendsEmail() throws Exception {
    int port = freePort();
    GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    try {
      application.withPropertyValues("rootfix.notify.email.enabled=true", "spring.mail.host=127.0.0.1",
          "spring.mail.port=" + port).run(context -> {
            HealthIndicator mail = context.getBean("mailHealthContributor", HealthIndicator.class);
            assertThat(mail.health().getStatus()).isEqualTo(Status.UP);
            smtp.stop();
            assertThat(mail.health().getStatus()).as("the mail server is gone").isEqualTo(Status.DOWN);
          });
    } finally {
      smtp.stop();
    }
  }

  @Test
  void noMailServerIsAskedWhileRootfixSendsNoEmail() {
    application.run(context -> assertThat(context).doesNotHaveBean("mailHealthContributor"));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
