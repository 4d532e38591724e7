package io.rootfix.mailbox;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Mail no person wrote to us: an out-of-office reply, a bounce, a mailing list, or our own mail come back (a loop).
 * None of it becomes a complaint, and none is answered, which would start a loop of auto-replies.
 */
final class AutomaticMail {

  enum Kind { AUTO_REPLY, BOUNCE, MAILING_LIST, LOOP }

  record Verdict(Kind kind, String reason) {}

  private static final Set<String> BULK = Set.of("bulk", "junk", "list", "auto_reply");
  private static final Pattern DAEMON = Pattern.compile("^(mailer-daemon|postmaster|mail-daemon)@.*");

  private AutomaticMail() {}

  /**
   * @param ownAddresses our addresses in lower case (the sender of our mail, the mailbox's login, any listed)
   * @param ownDomain the domain of our Message-IDs
   */
  static Optional<Verdict> recognise(ReceivedMail mail, Set<String> ownAddresses, String ownDomain) {
    String from = mail.fromAddress();
    // First: a bounce may come from our own mail server, with our domain in its Message-ID.
    String returnPath = lower(mail.header("Return-Path"));
    if ("<>".equals(returnPath.replace(" ", "")) || (from != null && DAEMON.matcher(from).matches())
        || (mail.contentType().startsWith("multipart/report") && mail.contentType().contains("delivery-status"))) {
      return verdict(Kind.BOUNCE, "a delivery status notification (bounce) from " + (from == null ? "?" : from));
    }
    if (from != null && ownAddresses.contains(from)) {
      return verdict(Kind.LOOP, "sent from our own address " + from);
    }
    if (mail.messageId().toLowerCase(Locale.ROOT).endsWith("@" + ownDomain + ">")) {
      return verdict(Kind.LOOP, "carries our own Message-ID " + mail.messageId());
    }
    String autoSubmitted = lower(mail.header("Auto-Submitted"));
    if (!autoSubmitted.isEmpty() && !autoSubmitted.equals("no")) {
      return verdict(Kind.AUTO_REPLY, "Auto-Submitted: " + autoSubmitted);
    }
    for (String header : new String[] {"X-Autoreply", "X-Autorespond", "X-Autoresponder"}) {
      if (mail.header(header) != null) {
        return verdict(Kind.AUTO_REPLY, header + ": " + mail.header(header).strip());
      }
    }
    String precedence = lower(mail.header("Precedence"));
    if (BULK.contains(precedence)) {
      return verdict(precedence.equals("auto_reply") ? Kind.AUTO_REPLY : Kind.MAILING_LIST,
          "Precedence: " + precedence);
    }
    for (String header : new String[] {"List-Id", "List-Unsubscribe"}) {
      if (mail.header(header) != null) {
        return verdict(Kind.MAILING_LIST, "from a mailing list (" + header + ")");
      }
    }
    return Optional.empty();
  }

  private static Optional<Verdict> verdict(Kind kind, String reason) {
    return Optional.of(new Verdict(kind, reason));
  }

  private static String lower(String value) {
    return value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
  }
}
