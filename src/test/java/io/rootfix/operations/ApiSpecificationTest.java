package io.rootfix.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rootfix.support.RootfixIntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The OpenAPI document of /api: for people signed in, generated from the controllers, and what the README says. */
class ApiSpecificationTest extends RootfixIntegrationTest {

  private static final Pattern README_ENTRY = Pattern.compile("`(GET|POST|PUT|PATCH|DELETE) (/api/[^`?]*)[^`]*`");

  @Test
  void theSpecificationIsForPeopleSignedInAndListsTheIntake() throws Exception {
    ResponseEntity<String> anonymous = http.getForEntity("/v3/api-docs", String.class);
    assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(anonymous.getBody()).doesNotContain("/api/complaints");
    for (String path : new String[] {"/v3/api-docs.yaml", "/v3/api-docs/swagger-config", "/swagger-ui.html",
        "/swagger-ui/index.html"}) {
      assertThat(http.getForEntity(path, String.class).getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
    }
    assertThat(as(AGENT).getForEntity("/v3/api-docs.yaml", String.class).getBody()).contains("/api/complaints:");

    JsonNode spec = new ObjectMapper().readTree(as(AGENT).getForObject("/v3/api-docs", String.class));
    assertThat(spec.at("/info/title").asText()).isEqualTo("Rootfix API");
    assertThat(spec.at("/components/securitySchemes/basic/scheme").asText()).isEqualTo("basic");
    JsonNode intake = spec.at("/paths/~1api~1complaints/post");
    assertThat(intake.isMissingNode()).as("POST /api/complaints in the spec").isFalse();
    String schema = intake.at("/requestBody/content/application~1json/schema/$ref").asText();
    JsonNode form = spec.at("/components/schemas/" + schema.substring(schema.lastIndexOf('/') + 1) + "/properties");
    assertThat(form.has("customerName") && form.has("description") && form.has("channel")).as(form.toString()).isTrue();
    // Rootfix's own API only: the engine's REST API has its own documentation.
    assertThat(spec.get("paths").fieldNames()).toIterable().allMatch(path -> path.startsWith("/api/"));

    ResponseEntity<String> ui = as(AGENT).getForEntity("/swagger-ui/index.html", String.class);
    assertThat(ui.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(ui.getHeaders().getFirst("Content-Security-Policy")).contains("default-src 'self'")
        .doesNotContain("script-src");
  }

  @Test
  void theReadmesApiTableAndTheSpecificationListTheSameEndpoints() throws Exception {
    JsonNode spec = new ObjectMapper().readTree(as(AGENT).getForObject("/v3/api-docs", String.class));
    Set<String> specified = new TreeSet<>();
    for (Iterator<String> paths = spec.get("paths").fieldNames(); paths.hasNext(); ) {
      String path = paths.next();
      spec.get("paths").get(path).fieldNames().forEachRemaining(method ->
          specified.add(method.toUpperCase() + " " + normalised(path)));
    }

    String readme = Files.readString(Path.of("README.md"));
    String table = readme.substring(readme.indexOf("\n## The API\n"));
    table = table.substring(0, table.indexOf("\n\n", table.indexOf("| --- |")));
    Set<String> documented = new TreeSet<>();
    Matcher entry = README_ENTRY.matcher(table);
    while (entry.find()) {
      documented.add(entry.group(1) + " " + normalised(entry.group(2)));
    }

    // "GET /api/audit/**" in the README stands for every GET under /api/audit/.
    Set<String> undocumented = new TreeSet<>(specified);
    undocumented.removeIf(operation -> documented.contains(operation) || documented.stream()
        .anyMatch(d -> d.endsWith("/**") && operation.startsWith(d.substring(0, d.length() - 2))));
    Set<String> unspecified = new TreeSet<>(documented);
    unspecified.removeIf(operation -> specified.contains(operation) || operation.endsWith("/**") && specified.stream()
        .anyMatch(s -> s.startsWith(operation.substring(0, operation.length() - 2))));
    assertThat(undocumented).as("in the spec but not in the README's API table").isEmpty();
    assertThat(unspecified).as("in the README's API table but not in the spec").isEmpty();
  }

  /** Path variables by position, not name: {trackingNumber} in the README is {number} in a controller. */
  private static String normalised(String path) {
    return path.replaceAll("\\{[^}]*}", "{}");
  }
}
