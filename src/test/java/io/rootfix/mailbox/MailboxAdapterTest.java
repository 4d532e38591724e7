package io.rootfix.mailbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.rootfix.support.RootfixIntegrationTest;
import jakarta.mail.Flags;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.integration.dsl.context.IntegrationFlowContext;
import org.springframework.integration.dsl.context.IntegrationFlowContext.IntegrationFlowRegistration;
import org.springframework.util.unit.DataSize;

/**
 * The real IMAP adapter (the flow {@code rootfix.mail.inbound.enabled} starts) against an IMAP server in the test
 * (GreenMail): a mail delivered to the mailbox is filed, found by polling the database with a bounded wait.
 */
class MailboxAdapterTest extends RootfixIntegrationTest {

  @Autowired
  private Mailbox mailbox;

  @Autowired
  private IntegrationFlowContext flows;

  private GreenMail imap;
  private GreenMailUser support;
  private int port;

  @BeforeEach
  void imapServer() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    imap = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_IMAP));
    imap.start();
    support = imap.setUser("support@rootfix.example", "support", "secret");
  }

  @AfterEach
  void stop() {
    imap.stop();
  }

  @ParameterizedTest(name = "idle={0}")
  @ValueSource(booleans = {true, false})
  void aMailDeliveredToTheMailboxIsFiledOnceAndMarkedSeen(boolean idle) throws Exception {
    MailboxSettings settings = new MailboxSettings(true, idle, Duration.ofMillis(200), "127.0.0.1", port, false,
        "support", "secret", "INBOX", true, DataSize.ofMegabytes(30), DataSize.ofKilobytes(64), List.of(),
        Duration.ofHours(4));
    IntegrationFlowRegistration adapter = flows.registration(MailboxAdapter.flow(settings, mailbox)).register();
    try {
      String customer = newEmail();
      String id = "<adapter-" + idle + "-" + System.nanoTime() + "@customer.example>";
      support.deliver(MailboxTest.parse(MailboxTest.mailText(id, customer, "Broken chair", "",
          "The chair I ordered arrived with a broken leg.")));

      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
          jdbc.queryForObject("select count(*) from inbound_mail where message_id = ?", Long.class, id) == 1);

      assertThat(jdbc.queryForObject("select outcome from inbound_mail where message_id = ?", String.class, id))
          .isEqualTo("COMPLAINT");
      assertThat(jdbc.queryForObject("select count(*) from complaint where contact_email = ? and channel = 'EMAIL'",
          Long.class, customer)).isOne();
      await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
          assertThat(imap.getManagers().getImapHostManager().getInbox(support).getMessages())
              .allMatch(stored -> stored.getFlags().contains(Flags.Flag.SEEN)));
    } finally {
      adapter.destroy();
    }
  }
}
