package io.rootfix.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The templates in templates/ as a process owner writes them, and what the check refuses. */
class MessageTemplateTest {

  private static final Path TEMPLATES = Path.of("templates");

  @Test
  void everyMessageKindHasADutchAndAnEnglishTemplateThatPassesTheCheck() throws IOException {
    for (MessageKind kind : MessageKind.values()) {
      for (Language language : Language.values()) {
        Path file = TEMPLATES.resolve(kind.fileName() + "." + language.code() + ".txt");
        assertThat(file).as(kind + " in " + language).exists();
        assertThat(MessageTemplate.check(file.toString(), Files.readString(file))).as(file.toString()).isEmpty();
      }
    }
    try (Stream<Path> files = Files.list(TEMPLATES)) {
      assertThat(files).as("no template for a kind that does not exist").hasSize(MessageKind.values().length * Language.values().length);
    }
  }

  @Test
  void anUnknownPlaceholderIsRefusedNamingItAndItsLine() {
    List<MessageTemplate.Problem> problems = MessageTemplate.check("report.nl.txt",
        "Subject: Over {trackingNumber}\n\nBeste {customerName},\n\n{answr}\n");

    assertThat(problems).singleElement().satisfies(problem -> {
      assertThat(problem.line()).isEqualTo(5);
      assertThat(problem.message()).contains("unknown placeholder {answr}", "{answer}");
    });
  }

  @Test
  void aPlaceholderOfAnotherKindIsRefused() {
    assertThat(MessageTemplate.check("closing.en.txt", "Subject: Closed\n\n{answer}\n"))
        .extracting(MessageTemplate.Problem::message).singleElement().asString().contains("unknown placeholder {answer}");
  }

  @Test
  void aFileThatNamesNoKindOrLanguageOrHasNoSubjectIsRefused() {
    assertThat(MessageTemplate.check("reprot.nl.txt", "Subject: x\n\nBody\n")).extracting(MessageTemplate.Problem::message)
        .singleElement().asString().contains("no message kind \"reprot\"");
    assertThat(MessageTemplate.check("report.de.txt", "Subject: x\n\nBody\n")).extracting(MessageTemplate.Problem::message)
        .singleElement().asString().contains("no language \"de\"");
    assertThat(MessageTemplate.check("report.txt", "Subject: x\n\nBody\n")).isNotEmpty();
    assertThat(MessageTemplate.check("report.nl.txt", "Beste {customerName}\n")).extracting(MessageTemplate.Problem::message)
        .singleElement().asString().contains("subject");
    assertThat(MessageTemplate.check("report.nl.txt", "Subject: x\n\n{#fixDescription} open\n")).isNotEmpty();
  }

  @Test
  void valuesAreFilledInOnceSoWhatACustomerWroteCannotInjectPlaceholders() {
    MessageTemplate template = MessageTemplate.parse("status-update.en.txt",
        "Subject: About {trackingNumber}\n\nDear {customerName},\n\n{update}\n\nKind regards,\n\n{agentName}\nCustomer Service\n");

    MessageTemplate.Rendered rendered = template.render(Map.of("trackingNumber", "RF-2026-000001",
        "customerName", "Eva {trackingNumber} $1 \\", "update", "Done {#agentName}x{/agentName}", "agentName", ""));

    assertThat(rendered.subject()).isEqualTo("About RF-2026-000001");
    assertThat(rendered.body()).isEqualTo(
        "Dear Eva {trackingNumber} $1 \\,\n\nDone {#agentName}x{/agentName}\n\nKind regards,\n\nCustomer Service\n");
  }

  @Test
  void sectionsAreKeptOnlyWithTheirValue() throws IOException {
    MessageTemplate report = MessageTemplate.parse("report.en.txt", Files.readString(TEMPLATES.resolve("report.en.txt")));

    String withFix = report.render(Map.of("customerName", "Eva", "trackingNumber", "RF-1", "answer", "Body.",
        "fixDescription", "Moulded boxes.", "agentName", "Sam Jansen", "replyLink", "https://x/reply/1")).body();
    String without = report.render(Map.of("customerName", "Eva", "trackingNumber", "RF-1", "answer", "Body.",
        "agentName", "Sam Jansen")).body();

    assertThat(withFix).contains("What we changed", "Moulded boxes.", "https://x/reply/1").doesNotContain("{", "\n\n\n");
    assertThat(without).doesNotContain("What we changed", "reply", "{", "\n\n\n");
    // One greeting, one signature, with the full name.
    assertThat(withFix.split("Dear ", -1)).hasSize(2);
    assertThat(withFix.split("Kind regards", -1)).hasSize(2);
    assertThat(withFix).endsWith("Kind regards,\n\nSam Jansen\nCustomer Service\n");
  }
}
