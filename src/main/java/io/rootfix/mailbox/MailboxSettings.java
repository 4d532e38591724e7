package io.rootfix.mailbox;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code rootfix.mail.inbound.*}: the support mailbox Rootfix reads over IMAP (docs/mail-and-web-intake.md).
 *
 * @param enabled whether Rootfix reads the mailbox at all; off by default, so a demo or test reads nobody's mail
 * @param idle wait for new mail with IMAP IDLE (the server tells at once); false: ask every {@code pollInterval}
 * @param pollInterval the pause between two looks when not idling
 * @param host the IMAP server
 * @param port its port (993 for IMAP over TLS, 143 without)
 * @param ssl IMAP over TLS ({@code imaps})
 * @param username the mailbox's login
 * @param password its password
 * @param folder the folder new complaints arrive in
 * @param markSeen mark a mail read once Rootfix took it, so it is fetched once (the table of inbound mails keeps a
 *     second fetch from filing it twice anyway)
 * @param maxSize a larger mail is not filed but goes to an agent, with its first {@code keepRawUpTo} bytes
 * @param keepRawUpTo how much of a mail that was not filed (auto-reply, bounce, one for an agent) is kept
 * @param ownAddresses addresses that are ours besides {@code rootfix.notify.email.from} and the mailbox's own:
 *     a mail from one of them is a loop, never a complaint
 * @param agentReadWithin an e-mail Rootfix could not file is due in Tasklist ("Read an e-mail …") within this time
 */
@ConfigurationProperties("rootfix.mail.inbound")
public record MailboxSettings(
    @DefaultValue("false") boolean enabled,
    @DefaultValue("true") boolean idle,
    @DefaultValue("PT1M") Duration pollInterval,
    @DefaultValue("localhost") String host,
    @DefaultValue("993") int port,
    @DefaultValue("true") boolean ssl,
    @DefaultValue("") String username,
    @DefaultValue("") String password,
    @DefaultValue("INBOX") String folder,
    @DefaultValue("true") boolean markSeen,
    @DefaultValue("30MB") DataSize maxSize,
    @DefaultValue("64KB") DataSize keepRawUpTo,
    @DefaultValue("") List<String> ownAddresses,
    @DefaultValue("PT4H") Duration agentReadWithin) {}
