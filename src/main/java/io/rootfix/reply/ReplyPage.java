package io.rootfix.reply;

import io.rootfix.notify.CustomerLinks.Refusal;
import io.rootfix.notify.CustomerLinks.RefusedLinkException;
import io.rootfix.notify.Language;
import io.rootfix.reply.CustomerReplies.Opened;
import io.rootfix.reply.CustomerReplies.Step;
import io.rootfix.web.ConflictException;
import io.rootfix.web.InvalidInputException;
import java.util.Map;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.HtmlUtils;

/**
 * {@code /reply/{link}}: the page a customer's personal link opens, in their language (or the other one, by the
 * switch at the top). Rendered on the server as a plain HTML form, with no script, so it works with any browser
 * and keyboard and the strict content security policy holds; every text from a complaint is escaped.
 */
@Controller
class ReplyPage {

  private final CustomerReplies replies;

  ReplyPage(CustomerReplies replies) {
    this.replies = replies;
  }

  @GetMapping("/reply/{token}")
  ResponseEntity<String> show(@PathVariable String token, @RequestParam(required = false) String lang) {
    try {
      Opened opened = replies.open(token);
      return page(HttpStatus.OK, texts(lang, opened), token, opened, null);
    } catch (RefusedLinkException e) {
      return refused(e.refusal(), lang);
    }
  }

  @PostMapping(value = "/reply/{token}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
  ResponseEntity<String> submit(@PathVariable String token, @RequestParam(required = false) String lang,
      @RequestParam(required = false) String information, @RequestParam(required = false) String resolved,
      @RequestParam(required = false) String score, @RequestParam(required = false) String comment) {
    Opened opened;
    try {
      opened = replies.open(token);
    } catch (RefusedLinkException e) {
      return refused(e.refusal(), lang);
    }
    Texts t = texts(lang, opened);
    try {
      switch (opened.step()) {
        case ANSWER -> replies.answer(token, information);
        case CONFIRM -> replies.confirm(token, resolved == null ? null : "yes".equals(resolved), comment);
        case EFFORT -> replies.effort(token, parse(score), comment);
        case DONE -> throw new ConflictException("nothing to answer");
      }
    } catch (InvalidInputException e) {
      return page(HttpStatus.BAD_REQUEST, t, token, opened, t.invalid(e.getFieldErrors()));
    } catch (ConflictException | DataIntegrityViolationException e) {
      return html(HttpStatus.CONFLICT, t, t.get("done.title"), "<p>" + t.get("done.text") + "</p>");
    }
    String thanks = switch (opened.step()) {
      case ANSWER -> t.get("thanks.answer");
      case CONFIRM -> "yes".equals(resolved) ? t.get("thanks.resolved") : t.get("thanks.notResolved");
      default -> t.get("thanks.effort");
    };
    return html(HttpStatus.OK, t, t.get("thanks.title"), "<p>" + thanks + "</p>"
        + "<p>" + t.get("tracking") + " <strong>" + esc(opened.complaint().trackingNumber()) + "</strong></p>");
  }

  private static Integer parse(String score) {
    try {
      return score == null ? null : Integer.valueOf(score.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private ResponseEntity<String> page(HttpStatus status, Texts t, String token, Opened opened, String problem) {
    String tracking = esc(opened.complaint().trackingNumber());
    StringBuilder body = new StringBuilder();
    body.append("<p>").append(t.get("tracking")).append(" <strong>").append(tracking).append("</strong></p>");
    if (problem != null) {
      body.append("<p class=\"problem\" role=\"alert\">").append(problem).append("</p>");
    }
    String action = "/reply/" + esc(token) + "?lang=" + t.language.code();
    switch (opened.step()) {
      case ANSWER -> body.append("<h2>").append(t.get("answer.question")).append("</h2><blockquote>")
          .append(multiline(opened.complaint().question())).append("</blockquote>")
          .append("<form method=\"post\" action=\"").append(action).append("\">")
          .append("<label for=\"information\">").append(t.get("answer.label")).append("</label>")
          .append("<textarea id=\"information\" name=\"information\" rows=\"6\" maxlength=\"4000\" required></textarea>")
          .append("<button type=\"submit\">").append(t.get("answer.send")).append("</button></form>");
      case CONFIRM -> body.append("<h2>").append(t.get("confirm.ourAnswer")).append("</h2><blockquote>")
          .append(multiline(opened.complaint().answer())).append("</blockquote>")
          .append("<form method=\"post\" action=\"").append(action).append("\"><fieldset><legend>")
          .append(t.get("confirm.question")).append("</legend>")
          .append(radio("resolved", "resolved-yes", "yes", t.get("confirm.yes"), true))
          .append(radio("resolved", "resolved-no", "no", t.get("confirm.no"), false))
          .append("</fieldset><label for=\"comment\">").append(t.get("comment")).append("</label>")
          .append("<textarea id=\"comment\" name=\"comment\" rows=\"4\" maxlength=\"2000\"></textarea>")
          .append("<button type=\"submit\">").append(t.get("send")).append("</button></form>");
      case EFFORT -> {
        body.append("<form method=\"post\" action=\"").append(action).append("\"><fieldset class=\"scale\"><legend>")
            .append(t.get("effort.question")).append("</legend>");
        for (int score = 1; score <= 7; score++) {
          String label = score + (score == 1 ? " – " + t.get("effort.low") : score == 7 ? " – " + t.get("effort.high") : "");
          body.append(radio("score", "score-" + score, String.valueOf(score), label, false));
        }
        body.append("</fieldset><label for=\"comment\">").append(t.get("comment")).append("</label>")
            .append("<textarea id=\"comment\" name=\"comment\" rows=\"3\" maxlength=\"2000\"></textarea>")
            .append("<button type=\"submit\">").append(t.get("send")).append("</button></form>");
      }
      case DONE -> body.append("<p>").append(t.get("done.text")).append("</p>");
    }
    String switchTo = t.language == Language.NL ? "en" : "nl";
    String switcher = "<p class=\"language\"><a href=\"/reply/" + esc(token) + "?lang=" + switchTo + "\" lang=\""
        + switchTo + "\">" + t.get("switch") + "</a></p>";
    return html(status, t, t.get("title." + opened.step().name().toLowerCase()), switcher + body);
  }

  private static String radio(String name, String id, String value, String label, boolean required) {
    return "<div class=\"choice\"><input type=\"radio\" id=\"" + id + "\" name=\"" + name + "\" value=\"" + value + "\""
        + (required ? " required" : "") + "><label for=\"" + id + "\">" + label + "</label></div>";
  }

  private ResponseEntity<String> refused(Refusal refusal, String lang) {
    Texts t = new Texts(lang == null ? Language.DEFAULT : safeLanguage(lang, Language.DEFAULT));
    String key = refusal == Refusal.EXPIRED ? "expired" : "invalid";
    return html(refusal == Refusal.EXPIRED ? HttpStatus.GONE : HttpStatus.BAD_REQUEST, t, t.get(key + ".title"),
        "<p>" + t.get(key + ".text") + "</p>");
  }

  private static ResponseEntity<String> html(HttpStatus status, Texts t, String title, String content) {
    String page = """
        <!DOCTYPE html>
        <html lang="%s">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <meta name="robots" content="noindex">
          <title>%s</title>
          <link rel="stylesheet" href="/status.css">
          <link rel="stylesheet" href="/reply.css">
        </head>
        <body>
        <main>
          <h1>%s</h1>
          %s
        </main>
        </body>
        </html>
        """.formatted(t.language.code(), title, title, content);
    return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
        .header("Cache-Control", "no-store").body(page);
  }

  private static Texts texts(String lang, Opened opened) {
    return new Texts(safeLanguage(lang, opened.complaint().language()));
  }

  private static Language safeLanguage(String lang, Language fallback) {
    return lang != null && lang.matches(Language.CODES) ? Language.fromCode(lang) : fallback;
  }

  private static String esc(String text) {
    return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
  }

  private static String multiline(String text) {
    return esc(text).replace("\n", "<br>");
  }

  /** The page's own words (the messages' words are the process owners' templates). */
  private static final class Texts {
    private static final Map<String, String[]> WORDS = Map.ofEntries(
        Map.entry("tracking", new String[] {"Uw klacht", "Your complaint"}),
        Map.entry("switch", new String[] {"English", "Nederlands"}),
        Map.entry("title.answer", new String[] {"Uw antwoord op onze vraag", "Your answer to our question"}),
        Map.entry("title.confirm", new String[] {"Is uw klacht opgelost?", "Is your complaint resolved?"}),
        Map.entry("title.effort", new String[] {"Eén korte vraag", "One short question"}),
        Map.entry("title.done", new String[] {"Dank u", "Thank you"}),
        Map.entry("answer.question", new String[] {"Onze vraag", "Our question"}),
        Map.entry("answer.label", new String[] {"Uw antwoord", "Your answer"}),
        Map.entry("answer.send", new String[] {"Antwoord versturen", "Send my answer"}),
        Map.entry("confirm.ourAnswer", new String[] {"Ons antwoord", "Our answer"}),
        Map.entry("confirm.question", new String[] {"Is uw klacht hiermee opgelost?", "Does this resolve your complaint?"}),
        Map.entry("confirm.yes", new String[] {"Ja, het is opgelost", "Yes, it is resolved"}),
        Map.entry("confirm.no", new String[] {"Nee, het is niet opgelost", "No, it is not resolved"}),
        Map.entry("comment", new String[] {"Toelichting (niet verplicht)", "Comment (optional)"}),
        Map.entry("send", new String[] {"Versturen", "Send"}),
        Map.entry("effort.question", new String[] {
            "Hoeveel moeite kostte het u om dit opgelost te krijgen? (1 = heel weinig, 7 = heel veel)",
            "How much effort did it take you to get this solved? (1 = very little, 7 = a great deal)"}),
        Map.entry("effort.low", new String[] {"heel weinig moeite", "very little effort"}),
        Map.entry("effort.high", new String[] {"heel veel moeite", "a great deal of effort"}),
        Map.entry("thanks.title", new String[] {"Dank u", "Thank you"}),
        Map.entry("thanks.answer", new String[] {
            "We hebben uw antwoord ontvangen en gaan ermee verder. U hoort van ons wanneer ons antwoord komt.",
            "We have your answer and carry on with it. You will hear from us when our answer comes."}),
        Map.entry("thanks.resolved", new String[] {
            "Fijn dat het is opgelost. We sluiten uw klacht en sturen u een bevestiging.",
            "We are glad it is resolved. We close your complaint and send you a confirmation."}),
        Map.entry("thanks.notResolved", new String[] {
            "Het spijt ons dat het nog niet is opgelost. We pakken uw klacht opnieuw op en laten van ons horen.",
            "We are sorry it is not resolved yet. We pick your complaint up again and will be in touch."}),
        Map.entry("thanks.effort", new String[] {"Dank u voor uw antwoord.", "Thank you for your answer."}),
        Map.entry("done.title", new String[] {"Er valt hier niets meer te doen", "Nothing more to do here"}),
        Map.entry("done.text", new String[] {
            "Via deze link valt nu niets (meer) te beantwoorden: we hebben uw antwoord al, of uw klacht is verder gegaan. "
                + "Er is niets veranderd. Wilt u iets kwijt, reageer dan op ons laatste bericht.",
            "There is nothing (left) to answer through this link: we have your answer already, or your complaint has "
                + "moved on. Nothing was changed. If you want to tell us something, reply to our latest message."}),
        Map.entry("invalid.title", new String[] {"Deze link werkt niet", "This link does not work"}),
        Map.entry("invalid.text", new String[] {
            "Deze link is niet geldig; misschien is hij niet volledig overgenomen. Er is niets veranderd. "
                + "Gebruik de link uit ons bericht, of reageer op dat bericht.",
            "This link is not valid; perhaps it was not copied completely. Nothing was changed. "
                + "Use the link in our message, or reply to that message."}),
        Map.entry("expired.title", new String[] {"Deze link is verlopen", "This link has expired"}),
        Map.entry("expired.text", new String[] {
            "Deze link is niet meer geldig. Er is niets veranderd. Reageer op ons bericht of neem contact op met uw "
                + "volgnummer, dan helpen we u verder.",
            "This link is no longer valid. Nothing was changed. Reply to our message or contact us with your tracking "
                + "number, and we will help you further."}));

    private static final Map<String, String[]> FIELDS = Map.of(
        "information", new String[] {"Vul uw antwoord in (hoogstens 4000 tekens).", "Please write your answer (at most 4000 characters)."},
        "resolved", new String[] {"Kies of uw klacht is opgelost.", "Please choose whether your complaint is resolved."},
        "score", new String[] {"Kies een cijfer van 1 tot 7.", "Please choose a number from 1 to 7."},
        "comment", new String[] {"De toelichting is te lang (hoogstens 2000 tekens).", "The comment is too long (at most 2000 characters)."});

    final Language language;

    Texts(Language language) {
      this.language = language;
    }

    String get(String key) {
      return WORDS.get(key)[language == Language.NL ? 0 : 1];
    }

    /** Names the field in words the customer reads, never a stack trace or a code. */
    String invalid(Map<String, String> errors) {
      StringBuilder text = new StringBuilder();
      for (String field : errors.keySet()) {
        String[] words = FIELDS.get(field);
        text.append(words == null ? esc(field) : words[language == Language.NL ? 0 : 1]).append(' ');
      }
      return text.toString().trim();
    }
  }
}
