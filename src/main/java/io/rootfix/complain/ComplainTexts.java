package io.rootfix.complain;

import io.rootfix.attachment.AttachmentCheck;
import java.util.Map;

/** The words of the complaint page in Dutch and English. */
final class ComplainTexts {

  private ComplainTexts() {}

  private static final Map<String, String[]> TEXTS = Map.ofEntries(
      // key -> {Dutch, English}
      Map.entry("title", new String[] {"Een klacht indienen", "File a complaint"}),
      Map.entry("intro", new String[] {
          "Vertel ons wat er misging. U krijgt meteen een klachtnummer, en wij nemen contact met u op.",
          "Tell us what went wrong. You get a tracking number straight away, and we will contact you."}),
      Map.entry("switch", new String[] {"English", "Nederlands"}),
      Map.entry("required", new String[] {"verplicht", "required"}),
      Map.entry("optional", new String[] {"niet verplicht", "optional"}),
      Map.entry("customerName", new String[] {"Uw naam", "Your name"}),
      Map.entry("customerEmail", new String[] {"Uw e-mailadres", "Your e-mail address"}),
      Map.entry("customerEmail.hint", new String[] {
          "Een e-mailadres of een telefoonnummer is nodig, zodat wij u kunnen bereiken.",
          "We need an e-mail address or a phone number to reach you."}),
      Map.entry("customerPhone", new String[] {"Uw telefoonnummer", "Your phone number"}),
      Map.entry("category", new String[] {"Waar gaat uw klacht over?", "What is your complaint about?"}),
      Map.entry("category.choose", new String[] {"Kies…", "Choose…"}),
      Map.entry("category.delivery", new String[] {"Bezorging", "Delivery"}),
      Map.entry("category.product", new String[] {"Kwaliteit van het product", "Product quality"}),
      Map.entry("category.billing", new String[] {"Factuur en betaling", "Billing and payment"}),
      Map.entry("category.service", new String[] {"Service en medewerkers", "Service and staff"}),
      Map.entry("category.other", new String[] {"Iets anders", "Something else"}),
      Map.entry("description", new String[] {"Wat is er gebeurd?", "What happened?"}),
      Map.entry("desiredOutcome", new String[] {"Wat wilt u dat wij doen?", "What would you like us to do?"}),
      Map.entry("desiredOutcome.answer", new String[] {"Een antwoord of uitleg", "An answer or explanation"}),
      Map.entry("desiredOutcome.repair", new String[] {"Een reparatie", "A repair"}),
      Map.entry("desiredOutcome.refund", new String[] {"Mijn geld terug", "A refund"}),
      Map.entry("desiredOutcome.replacement", new String[] {"Een vervanging", "A replacement"}),
      Map.entry("wantedAnswerDate", new String[] {"Wanneer wilt u ons antwoord uiterlijk hebben?",
          "By when do you need our answer?"}),
      Map.entry("orderReference", new String[] {"Ordernummer", "Order number"}),
      Map.entry("files", new String[] {"Foto's of documenten", "Photos or documents"}),
      Map.entry("files.hint", new String[] {
          "Foto's (JPEG, PNG, WebP, HEIC) of PDF, elk hooguit %s, samen hooguit %s.",
          "Photos (JPEG, PNG, WebP, HEIC) or PDF, each at most %s, together at most %s."}),
      Map.entry("submit", new String[] {"Klacht versturen", "Send complaint"}),
      Map.entry("errors.title", new String[] {"Controleer deze velden:", "Please check these fields:"}),
      Map.entry("error.customerName", new String[] {"Vul uw naam in (hooguit 200 tekens).",
          "Please enter your name (at most 200 characters)."}),
      Map.entry("error.customerEmail", new String[] {
          "Vul een geldig e-mailadres in, of anders een telefoonnummer.",
          "Please enter a valid e-mail address, or else a phone number."}),
      Map.entry("error.customerPhone", new String[] {"Vul een geldig telefoonnummer in, bijvoorbeeld 06 12345678.",
          "Please enter a valid phone number, such as +31 6 12345678."}),
      Map.entry("error.category", new String[] {"Kies waar uw klacht over gaat.",
          "Please choose what your complaint is about."}),
      Map.entry("error.description", new String[] {"Beschrijf wat er gebeurd is (hooguit 4000 tekens).",
          "Please describe what happened (at most 4000 characters)."}),
      Map.entry("error.desiredOutcome", new String[] {"Kies wat u wilt dat wij doen.",
          "Please choose what you would like us to do."}),
      Map.entry("error.wantedAnswerDate", new String[] {"Vul een datum in vanaf vandaag, of laat het veld leeg.",
          "Please enter a date from today on, or leave it empty."}),
      Map.entry("error.orderReference", new String[] {"Hooguit 100 tekens, zonder regeleinden.",
          "At most 100 characters, on one line."}),
      Map.entry("error.files.TOO_LARGE", new String[] {"%s is groter dan %s.", "%s is larger than %s."}),
      Map.entry("error.files.TOO_MUCH_IN_TOTAL", new String[] {"%s past niet meer: samen mogen uw bestanden hooguit %s zijn.",
          "%s does not fit: your files may be at most %s together."}),
      Map.entry("error.files.NOT_ALLOWED", new String[] {"%s is geen foto (JPEG, PNG, WebP, HEIC) of PDF.",
          "%s is not a photo (JPEG, PNG, WebP, HEIC) or a PDF."}),
      Map.entry("error.files.EMPTY", new String[] {"%s is leeg.", "%s is empty."}),
      Map.entry("error.other", new String[] {"Dit veld klopt niet: %s", "This field is not right: %s"}),
      Map.entry("thanks.title", new String[] {"Dank u wel, wij hebben uw klacht ontvangen",
          "Thank you, we have received your complaint"}),
      Map.entry("thanks.number", new String[] {"Uw klachtnummer", "Your tracking number"}),
      Map.entry("thanks.keep", new String[] {"Bewaar dit nummer: u hebt het nodig om uw klacht te volgen.",
          "Keep this number: you need it to follow your complaint."}),
      Map.entry("thanks.next", new String[] {"Wat er nu gebeurt", "What happens next"}),
      Map.entry("thanks.step1", new String[] {
          "Een medewerker van onze klantenservice neemt contact met u op om af te spreken wat u nodig hebt en wanneer"
              + " u ons antwoord krijgt. Die afspraak houden wij bij.",
          "Someone from our customer service contacts you to agree what you need and by when you get our answer."
              + " We keep track of that promise."}),
      Map.entry("thanks.repeat", new String[] {
          "U had al een open klacht over dit onderwerp; wij hebben uw bericht daaraan toegevoegd.",
          "You already had an open complaint about this; we have added your message to it."}),
      Map.entry("thanks.status", new String[] {"Volg uw klacht op de statuspagina", "Follow your complaint on the status page"}),
      Map.entry("thanks.another", new String[] {"Nog een klacht indienen", "File another complaint"}));

  static String text(PageLanguage language, String key) {
    String[] texts = TEXTS.get(key);
    if (texts == null) {
      throw new IllegalArgumentException("No text " + key);
    }
    return texts[language.ordinal()];
  }

  static String fileError(PageLanguage language, AttachmentCheck.Refused refused, String maxFile, String maxTotal) {
    String limit = refused.reason() == AttachmentCheck.Reason.TOO_MUCH_IN_TOTAL ? maxTotal : maxFile;
    return text(language, "error.files." + refused.reason().name()).formatted(refused.fileName(), limit);
  }
}
