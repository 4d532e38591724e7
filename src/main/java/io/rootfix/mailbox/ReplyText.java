package io.rootfix.mailbox;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What the customer wrote in a reply, without the quoted history of our own message; and whether it says the
 * matter is resolved. Only a clear word decides: anything unclear goes to an agent, never closes a complaint.
 */
final class ReplyText {

  enum Verdict { RESOLVED, NOT_RESOLVED, UNCLEAR }

  /** Where the quoted history starts: "On … wrote:", "Op … schreef …:", Outlook's original-message line. */
  private static final Pattern HISTORY = Pattern.compile(
      "(?im)^(On .{0,200}wrote:|Op .{0,200}schreef.{0,100}:|-{2,}\\s*(Original Message|Oorspronkelijk bericht)"
          + "\\s*-{2,}|From: .*|Van: .*)\\s*$");
  private static final Pattern NOT_RESOLVED = Pattern.compile(
      "\\b(not|isn'?t|is not|never|still not|niet|nog steeds|nog altijd|geen)\\b[^.!?\\n]{0,30}"
          + "\\b(resolved|solved|fixed|opgelost|verholpen|in orde)\\b"
          + "|\\bun(resolved|solved)\\b|\\bnot (yet )?(ok|okay|good)\\b|\\bstill (broken|wrong|not)\\b");
  private static final Pattern RESOLVED = Pattern.compile(
      "\\b(resolved|solved|fixed|opgelost|verholpen|in orde)\\b");
  private static final Pattern DOUBT = Pattern.compile(
      "\\b(not|no|nee|niet|geen|nog|still|but|maar|never|nooit|why|waarom)\\b|\\?");

  private ReplyText() {}

  /** The customer's own words: up to the quoted history, without lines quoted with {@code >}. */
  static String own(String text) {
    String own = HISTORY.split(text, 2)[0];
    return own.lines().filter(line -> !line.startsWith(">")).reduce((a, b) -> a + "\n" + b).orElse("").strip();
  }

  /** "Not resolved" wins over "resolved"; "resolved" counts only without any word of doubt; else unclear. */
  static Verdict verdict(String own) {
    String lower = own.toLowerCase(Locale.ROOT);
    if (NOT_RESOLVED.matcher(lower).find()) {
      return Verdict.NOT_RESOLVED;
    }
    if (RESOLVED.matcher(lower).find() && !DOUBT.matcher(lower).find()) {
      return Verdict.RESOLVED;
    }
    return Verdict.UNCLEAR;
  }
}
