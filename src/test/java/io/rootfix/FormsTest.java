package io.rootfix;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The forms in forms/ show variables (a customer's name, their contact details) only in HTML views, whose
 * templating escapes the value. A Text view renders its template as Markdown with HTML: a customer named
 * {@code <img src=…>} or {@code [click](…)} would become an image or a link in front of the agent.
 */
class FormsTest {

  // A key twice in one object (two merges adding the same "conditional") is a broken form: Tasklist and the
  // server's form check would each take one of them.
  private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  @Test
  void variablesAreShownOnlyInHtmlViewsWhichEscapeThem() throws IOException {
    List<String> textViewsWithVariables = new ArrayList<>();
    try (Stream<Path> forms = Files.list(Path.of("forms"))) {
      for (Path form : forms.toList()) {
        collect(JSON.readTree(form.toFile()).path("components"), form.getFileName().toString(), textViewsWithVariables);
      }
    }

    assertThat(textViewsWithVariables).isEmpty();
  }

  private static void collect(JsonNode components, String form, List<String> found) {
    for (JsonNode component : components) {
      if ("text".equals(component.path("type").asText()) && component.path("text").asText().contains("{{")) {
        found.add(form + ": " + component.path("id").asText());
      }
      collect(component.path("components"), form, found);
    }
  }
}
