package io.rootfix.mailbox;

import io.rootfix.attachment.IncomingFile;
import io.rootfix.notify.Language;
import java.util.List;
import java.util.Map;

/**
 * An e-mail as the mailbox read it.
 *
 * @param messageId its {@code Message-ID}, or one made from its content when it has none
 * @param fromAddress the sender's address in lower case; null when there is none to be read
 * @param fromName the sender's display name, or the address's local part
 * @param headers the first value of each header, by lower-case name
 * @param contentType the top-level content type, lower case
 * @param text the readable text: text/plain, or text/html without its markup
 * @param language from {@code Content-Language}, or guessed from the text
 * @param refersTo the Message-IDs of {@code In-Reply-To} and {@code References}
 * @param files the attachments and inline images
 * @param headerText the header block as it came, for an agent to read
 */
record ReceivedMail(String messageId, String fromAddress, String fromName, String subject,
    Map<String, String> headers, String contentType, String text, Language language, List<String> refersTo,
    List<IncomingFile> files, String headerText) {

  String header(String name) {
    return headers.get(name.toLowerCase(java.util.Locale.ROOT));
  }
}
