package io.rootfix.notify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One message template: {@code templates/<kind>.<language>.txt}, plain text. The first line is {@code Subject: …},
 * then a blank line, then the body. {@code {name}} is replaced by a value, once: a value is never read as a
 * template itself, so what a customer or agent wrote cannot inject placeholders. {@code {#name}…{/name}} is kept
 * only when the value is not empty, {@code {^name}…{/name}} only when it is (not nested). Other braces are text.
 */
public final class MessageTemplate {

  /** A template file's name: kind, language, {@code .txt}; the folder (if the deployment keeps one) does not count. */
  static final Pattern FILE_NAME = Pattern.compile("(?:.*/)?([a-z-]+)\\.([a-z]{2})\\.txt");

  private static final Pattern TAG = Pattern.compile("\\{([#^/]?)([A-Za-z][A-Za-z0-9]*)\\}");
  /** A section whose tags stand on lines of their own: the tags' lines go, whether the section is kept or not. */
  private static final Pattern BLOCK = Pattern.compile("^\\{([#^])([A-Za-z][A-Za-z0-9]*)\\}\\n(.*?\\n)\\{/\\2\\}\\n",
      Pattern.DOTALL | Pattern.MULTILINE);
  private static final Pattern SECTION = Pattern.compile("\\{([#^])([A-Za-z][A-Za-z0-9]*)\\}(.*?)\\{/\\2\\}", Pattern.DOTALL);
  private static final String SUBJECT = "Subject:";

  /** A rendered message. */
  public record Rendered(String subject, String body) {}

  /** What is wrong with a template, with its line (1-based; 0 for the file as a whole). */
  public record Problem(int line, String message) {}

  private final MessageKind kind;
  private final Language language;
  private final String subject;
  private final String body;

  private MessageTemplate(MessageKind kind, Language language, String subject, String body) {
    this.kind = kind;
    this.language = language;
    this.subject = subject;
    this.body = body;
  }

  public MessageKind kind() {
    return kind;
  }

  public Language language() {
    return language;
  }

  /** True for a resource name that is meant to be a template (ends in .txt): it must then pass {@link #check}. */
  static boolean isTemplate(String resourceName) {
    return resourceName != null && resourceName.endsWith(".txt");
  }

  /** Parses a template that passed {@link #check}. */
  static MessageTemplate parse(String resourceName, String text) {
    List<Problem> problems = check(resourceName, text);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(resourceName + ": " + problems.get(0).message());
    }
    Matcher name = FILE_NAME.matcher(resourceName);
    name.matches();
    String normalised = normalise(text);
    int end = normalised.indexOf('\n');
    return new MessageTemplate(MessageKind.fromFileName(name.group(1)).orElseThrow(), Language.fromCode(name.group(2)),
        normalised.substring(SUBJECT.length(), end).trim(), normalised.substring(end + 1).strip() + "\n");
  }

  /**
   * Why this file may not be deployed as a template: its name names no message kind or language, it has no
   * subject line, or it uses a placeholder its kind does not have or a section it does not close.
   */
  public static List<Problem> check(String resourceName, String text) {
    List<Problem> problems = new ArrayList<>();
    Matcher name = FILE_NAME.matcher(resourceName);
    if (!name.matches()) {
      problems.add(new Problem(0, "a template is named <kind>.<language>.txt, like report.nl.txt"));
      return problems;
    }
    Optional<MessageKind> kind = MessageKind.fromFileName(name.group(1));
    if (kind.isEmpty()) {
      problems.add(new Problem(0, "no message kind \"" + name.group(1) + "\"; the kinds are "
          + String.join(", ", java.util.Arrays.stream(MessageKind.values()).map(MessageKind::fileName).toList())));
    }
    if (!name.group(2).matches(Language.CODES)) {
      problems.add(new Problem(0, "no language \"" + name.group(2) + "\"; the languages are " + Language.CODES.replace("|", ", ")));
    }
    String normalised = normalise(text);
    if (!normalised.startsWith(SUBJECT) || normalised.indexOf('\n') < 0
        || normalised.substring(SUBJECT.length(), normalised.indexOf('\n')).isBlank()) {
      problems.add(new Problem(1, "the first line is the subject: \"Subject: …\", then the body"));
    }
    if (kind.isEmpty()) {
      return problems;
    }
    Set<String> known = kind.get().placeholders();
    Matcher tag = TAG.matcher(normalised);
    while (tag.find()) {
      if (!known.contains(tag.group(2))) {
        problems.add(new Problem(lineOf(normalised, tag.start()), "unknown placeholder {" + tag.group(2) + "}; "
            + kind.get().fileName() + " knows " + String.join(", ", known.stream().sorted().map(p -> "{" + p + "}").toList())));
      }
    }
    String withoutSections = SECTION.matcher(BLOCK.matcher(normalised).replaceAll("")).replaceAll("");
    Matcher left = TAG.matcher(withoutSections);
    while (left.find()) {
      if (!left.group(1).isEmpty()) {
        problems.add(new Problem(0, "section {" + left.group(1) + left.group(2) + "} is not opened and closed "
            + "as {#" + left.group(2) + "}…{/" + left.group(2) + "} (sections do not nest)"));
      }
    }
    return problems;
  }

  /** Fills in the values; a missing value is empty. */
  public Rendered render(Map<String, String> values) {
    return new Rendered(fill(subject, values).replace('\n', ' ').trim(), fill(body, values).replaceAll("\n{3,}", "\n\n").strip() + "\n");
  }

  private static String fill(String template, Map<String, String> values) {
    String kept = sections(SECTION, sections(BLOCK, template, values), values);
    Matcher tag = TAG.matcher(kept);
    StringBuilder filled = new StringBuilder();
    while (tag.find()) {
      tag.appendReplacement(filled, Matcher.quoteReplacement(value(values, tag.group(2))));
    }
    tag.appendTail(filled);
    return filled.toString();
  }

  private static String sections(Pattern pattern, String template, Map<String, String> values) {
    Matcher section = pattern.matcher(template);
    StringBuilder kept = new StringBuilder();
    while (section.find()) {
      boolean present = !value(values, section.group(2)).isEmpty();
      boolean keep = section.group(1).equals("#") == present;
      section.appendReplacement(kept, keep ? Matcher.quoteReplacement(section.group(3)) : "");
    }
    section.appendTail(kept);
    return kept.toString();
  }

  private static String value(Map<String, String> values, String name) {
    String value = values.get(name);
    return value == null ? "" : value.strip();
  }

  private static String normalise(String text) {
    String unified = text.replace("\r\n", "\n").replace('\r', '\n');
    return unified.startsWith("\uFEFF") ? unified.substring(1) : unified;
  }

  private static int lineOf(String text, int index) {
    int line = 1;
    for (int i = 0; i < index; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }
}
