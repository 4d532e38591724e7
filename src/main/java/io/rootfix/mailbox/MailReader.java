package io.rootfix.mailbox;

import io.rootfix.attachment.IncomingFile;
import io.rootfix.notify.Language;
import jakarta.mail.Address;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Reads what Rootfix needs from an e-mail; a mail it cannot read throws, and then an agent reads it. */
final class MailReader {

  private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]{1,990}>");
  private static final Pattern DUTCH = Pattern.compile(
      "\\b(de|het|een|ik|niet|wel|mijn|met|voor|van|en|is|dat|op|geen|bestelling|pakket|graag|nog)\\b");
  private static final Pattern ENGLISH = Pattern.compile(
      "\\b(the|a|an|i|not|my|with|for|of|and|is|that|on|no|order|parcel|please|still|was|it)\\b");

  private MailReader() {}

  /** The mail's own Message-ID, or a stable one made from its bytes, so a second delivery is still recognised. */
  static String idOf(MimeMessage mime, byte[] raw) {
    try {
      String given = mime.getMessageID();
      if (given != null) {
        Matcher id = MESSAGE_ID.matcher(given);
        if (id.find()) {
          return id.group();
        }
      }
    } catch (MessagingException e) {
      // unreadable header: fall back on the content
    }
    return "<sha256-" + sha256(raw) + "@no-message-id>";
  }

  static ReceivedMail read(MimeMessage mime, byte[] raw) throws MessagingException, IOException {
    Map<String, String> headers = new LinkedHashMap<>();
    StringBuilder headerText = new StringBuilder();
    for (Enumeration<Header> all = mime.getAllHeaders(); all.hasMoreElements(); ) {
      Header header = all.nextElement();
      headers.putIfAbsent(header.getName().toLowerCase(Locale.ROOT), header.getValue() == null ? "" : header.getValue());
      headerText.append(header.getName()).append(": ").append(header.getValue()).append('\n');
    }
    InternetAddress from = sender(mime);
    Body body = new Body();
    body.walk(mime);
    String text = body.text != null ? body.text : body.html != null ? withoutMarkup(body.html) : "";
    text = clean(text);
    List<String> refersTo = Stream.of("In-Reply-To", "References")
        .map(name -> headers.get(name.toLowerCase(Locale.ROOT)))
        .filter(value -> value != null)
        .flatMap(value -> MESSAGE_ID.matcher(value).results().map(java.util.regex.MatchResult::group))
        .distinct()
        .toList();
    String subject = mime.getSubject() == null ? "" : clean(mime.getSubject()).replace('\n', ' ').strip();
    return new ReceivedMail(idOf(mime, raw),
        from == null ? null : from.getAddress().toLowerCase(Locale.ROOT),
        from == null ? null : nameOf(from),
        subject, headers, mime.getContentType() == null ? "" : mime.getContentType().toLowerCase(Locale.ROOT),
        text, language(headers.get("content-language"), subject + "\n" + text), refersTo, body.files,
        headerText.toString());
  }

  /** The Message-IDs anywhere in the mail's text: a bounce quotes the headers of the mail that did not arrive. */
  static List<String> quotedMessageIds(byte[] raw) {
    String text = new String(raw, StandardCharsets.ISO_8859_1);
    return Pattern.compile("(?im)^\\s*Message-ID:\\s*(<[^<>\\s]{1,990}>)").matcher(text).results()
        .map(match -> match.group(1)).distinct().toList();
  }

  private static InternetAddress sender(MimeMessage mime) throws MessagingException {
    Address[] from = mime.getFrom();
    if (from == null || from.length == 0 || !(from[0] instanceof InternetAddress address)
        || address.getAddress() == null || !address.getAddress().contains("@")) {
      return null;
    }
    return address;
  }

  private static String nameOf(InternetAddress from) {
    String personal = from.getPersonal();
    if (personal != null && !clean(personal).isBlank()) {
      return clean(personal).replace('\n', ' ').strip();
    }
    return from.getAddress().substring(0, from.getAddress().indexOf('@'));
  }

  /** Walks the MIME tree: the first text/plain (or text/html) is the text, every named or binary part a file. */
  private static final class Body {
    String text;
    String html;
    final List<IncomingFile> files = new ArrayList<>();

    void walk(Part part) throws MessagingException, IOException {
      if (part.isMimeType("multipart/*")) {
        Multipart parts = (Multipart) part.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
          walk(parts.getBodyPart(i));
        }
        return;
      }
      String fileName = part.getFileName() == null ? null : MimeUtility.decodeText(part.getFileName());
      boolean attached = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || fileName != null;
      if (!attached && part.isMimeType("text/plain") && text == null) {
        text = part.getContent().toString();
      } else if (!attached && part.isMimeType("text/html") && html == null) {
        html = part.getContent().toString();
      } else if (attached || !part.isMimeType("text/*")) {
        try (InputStream in = part.getInputStream()) {
          files.add(new IncomingFile(fileName, in.readAllBytes()));
        }
      }
    }
  }

  /** HTML as text: no scripts or styles, line breaks where blocks end, no tags, the common entities decoded. */
  static String withoutMarkup(String html) {
    return html.replaceAll("(?is)<(script|style|head)[^>]*>.*?</\\1>", "")
        .replaceAll("(?i)<br\\s*/?>|</(p|div|li|tr|h[1-6])>", "\n")
        .replaceAll("<[^>]*>", "")
        .replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
        .replace("&#39;", "'").replace("&amp;", "&")
        .replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n");
  }

  /** Text a person wrote: line breaks as {@code \n}, no control characters but tabs and line breaks. */
  static String clean(String text) {
    return text.replace("\r\n", "\n").replace('\r', '\n')
        .replaceAll("[\\p{Cntrl}&&[^\\n\\t]]", "")
        .strip();
  }

  /** {@code Content-Language} when it names Dutch or English; else the more frequent little words; else Dutch. */
  static Language language(String contentLanguage, String text) {
    if (contentLanguage != null) {
      String primary = contentLanguage.strip().toLowerCase(Locale.ROOT);
      if (primary.startsWith("en")) {
        return Language.EN;
      }
      if (primary.startsWith("nl")) {
        return Language.NL;
      }
    }
    String lower = text.toLowerCase(Locale.ROOT);
    long dutch = DUTCH.matcher(lower).results().count();
    long english = ENGLISH.matcher(lower).results().count();
    return english > dutch ? Language.EN : Language.DEFAULT;
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
