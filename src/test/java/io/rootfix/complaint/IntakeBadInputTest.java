package io.rootfix.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rootfix.support.RootfixIntegrationTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * What the public intake does with bad input: every case gets the right 4xx and a message that names the
 * field (or says what is wrong with the body as a whole), stores nothing, and the next good complaint is
 * taken as usual. SQL and script fragments are no bad input: they are text, stored and returned as sent.
 */
class IntakeBadInputTest extends RootfixIntegrationTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One bad request: what is sent, the status it must get, and the field named or what the detail says. */
  record BadInput(String name, MediaType type, String body, HttpStatus status, String field, String says) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<BadInput> corpus() {
    return Stream.of(
        // missing fields
        invalid("no customer name", without("customerName"), "customerName", "must not be blank"),
        invalid("no description", without("description"), "description", "must not be blank"),
        invalid("no channel", without("channel"), "channel", "must not be blank"),
        invalid("blank customer name", with("customerName", "   "), "customerName", "must not be blank"),
        invalid("no contact at all", without("customerEmail", "customerPhone"), "customerEmail",
            "e-mail address or a phone number"),
        // wrong types
        invalid("a number as name", with("customerName", 42), "customerName", "must be text"),
        invalid("an object as description", with("description", Map.of("text", "broken")), "description",
            "must be text"),
        invalid("a list as channel", with("channel", List.of("web")), "channel", "must be text"),
        invalid("a number as date", with("wantedAnswerDate", 20991210), "wantedAnswerDate", "must be text"),
        invalid("true as category", with("category", true), "category", "must be text"),
        // lengths
        invalid("description of 4001 characters", with("description", "x".repeat(4001)), "description",
            "size must be between"),
        rejected("a description of 1 MB", with("description", "x".repeat(1024 * 1024)),
            HttpStatus.PAYLOAD_TOO_LARGE, "larger than 64 KB"),
        invalid("name of 201 characters", with("customerName", "E".repeat(201)), "customerName",
            "size must be between"),
        // control characters
        invalid("NUL in the description", with("description", "broken\u0000vase"), "description",
            "control characters"),
        invalid("terminal escape in the name", with("customerName", "Eva\u001b[31m de Wit"), "customerName",
            "control characters"),
        invalid("C1 control in the name", with("customerName", "Eva\u0085de Wit"), "customerName",
            "control characters"),
        // SQL and script fragments where a format or code is expected
        invalid("SQL as channel", with("channel", "web' OR '1'='1"), "channel", "must be one of"),
        invalid("SQL as phone", with("customerPhone", "0612345678; DROP TABLE customer"), "customerPhone",
            "must be a phone number"),
        invalid("a phone number with a digit too few", with("customerPhone", "06 1234567"), "customerPhone",
            "must be a phone number we can call"),
        invalid("a handle without its network", with("customerHandle", "@eva"), "handleNetwork",
            "say which network"),
        invalid("a network without a handle", with("handleNetwork", "twitter"), "customerHandle", "give the customer's handle"),
        invalid("an unknown network", with("handleNetwork", "myspace"), "handleNetwork", "must be one of"),
        invalid("a handle that cannot exist on its network", withHandle("twitter", "eva de wit"), "customerHandle",
            "not a handle that can exist on twitter"),
        invalid("script as handle", withHandle("chat", "<script>alert(1)</script>"), "customerHandle",
            "not a handle that can exist on chat"),
        invalid("script as e-mail", with("customerEmail", "<script>alert(1)</script>@example.com"),
            "customerEmail", "well-formed email address"),
        // invalid dates
        invalid("30 February", with("wantedAnswerDate", "2099-02-30"), "wantedAnswerDate", "date like"),
        invalid("day-month-year", with("wantedAnswerDate", "10-12-2099"), "wantedAnswerDate", "date like"),
        invalid("a date with a time", with("wantedAnswerDate", "2099-12-10T10:00:00"), "wantedAnswerDate",
            "date like"),
        invalid("a word as date", with("wantedAnswerDate", "tomorrow"), "wantedAnswerDate", "date like"),
        invalid("a date in the past", with("wantedAnswerDate", "2001-01-01"), "wantedAnswerDate",
            "must not be in the past"),
        // unknown codes and fields
        invalid("unknown channel", with("channel", "fax"), "channel", "must be one of"),
        invalid("channel in capitals", with("channel", "WEB"), "channel", "must be one of"),
        invalid("unknown category", with("category", "weather"), "category", "must be one of"),
        invalid("unknown desired outcome", with("desiredOutcome", "revenge"), "desiredOutcome", "must be one of"),
        invalid("unknown severity", with("severity", "urgent"), "severity", "must be one of low|normal|high|critical"),
        invalid("unknown field", with("priority", "urgent"), "priority", "is not a known field"),
        invalid("misspelt field", renamed("description", "descripton"), "descripton", "is not a known field"),
        // malformed bodies
        rejected("truncated JSON", "{\"customerName\": ", HttpStatus.BAD_REQUEST, "not valid JSON"),
        rejected("single quotes", "{'customerName': 'Eva'}", HttpStatus.BAD_REQUEST, "not valid JSON"),
        rejected("raw control character in a string", good().replace("broken", "bro\u0007ken"),
            HttpStatus.BAD_REQUEST, "not valid JSON"),
        rejected("form encoding sent as JSON", "customerName=Eva&channel=web", HttpStatus.BAD_REQUEST,
            "not valid JSON"),
        rejected("a list instead of an object", "[" + good() + "]", HttpStatus.BAD_REQUEST, "must be a JSON object"),
        rejected("empty body", "", HttpStatus.BAD_REQUEST, "body is missing"),
        new BadInput("plain text", MediaType.TEXT_PLAIN, good(), HttpStatus.UNSUPPORTED_MEDIA_TYPE, null,
            "text/plain"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void badInputIsRejectedNamingTheProblemAndStoresNothing(BadInput bad) {
    long complaints = count("complaint");
    long customers = count("customer");
    long instances = runtimeService.createProcessInstanceQuery().count();

    ResponseEntity<String> response = send(bad.type(), bad.body());

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(bad.status());
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    Map<String, Object> problem = parse(response.getBody());
    if (bad.field() != null) {
      assertThat((List<Map<String, String>>) problem.get("errors"))
          .anySatisfy(error -> {
            assertThat(error.get("field")).isEqualTo(bad.field());
            assertThat(error.get("message")).contains(bad.says());
          });
    } else {
      assertThat((String) problem.get("detail")).contains(bad.says());
    }
    assertThat(response.getBody()).as("no stack trace").doesNotContain("Exception", "\tat ", "io.rootfix.");

    assertThat(count("complaint")).isEqualTo(complaints);
    assertThat(count("customer")).isEqualTo(customers);
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(instances);
    assertThat(send(MediaType.APPLICATION_JSON, good()).getStatusCode()).as("the next good complaint")
        .isEqualTo(HttpStatus.CREATED);
  }

  @Test
  void scriptAndSqlInTheDescriptionAreTextStoredAndReturnedUnchanged() {
    String description = "<script>alert('pwned')</script> <img src=x onerror=alert(1)> '; DROP TABLE complaint; --";

    ResponseEntity<String> response = send(MediaType.APPLICATION_JSON, with("description", description));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String trackingNumber = (String) parse(response.getBody()).get("trackingNumber");
    Map<String, Object> complaint = as(AGENT).getForObject("/api/complaints/" + trackingNumber, Map.class);
    assertThat(complaint).containsEntry("description", description);
    assertThat(jdbc.queryForObject("select description from complaint where tracking_number = ?", String.class,
        trackingNumber)).isEqualTo(description);
  }

  private ResponseEntity<String> send(MediaType type, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(type);
    return http.postForEntity("/api/complaints", new HttpEntity<>(body, headers), String.class);
  }

  private static BadInput invalid(String name, String body, String field, String says) {
    return new BadInput(name, MediaType.APPLICATION_JSON, body, HttpStatus.BAD_REQUEST, field, says);
  }

  private static BadInput rejected(String name, String body, HttpStatus status, String detail) {
    return new BadInput(name, MediaType.APPLICATION_JSON, body, status, null, detail);
  }

  private static Map<String, Object> goodFields() {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("customerName", "Eva de Wit");
    fields.put("customerEmail", newEmail());
    fields.put("customerPhone", newPhone());
    fields.put("channel", "web");
    fields.put("category", "delivery");
    fields.put("description", "The vase arrived broken.");
    fields.put("desiredOutcome", "replacement");
    fields.put("wantedAnswerDate", "2099-12-10");
    return fields;
  }

  private static String good() {
    return toJson(goodFields());
  }

  private static String with(String field, Object value) {
    Map<String, Object> fields = goodFields();
    fields.put(field, value);
    return toJson(fields);
  }

  private static String withHandle(String network, String handle) {
    Map<String, Object> fields = goodFields();
    fields.put("handleNetwork", network);
    fields.put("customerHandle", handle);
    return toJson(fields);
  }

  private static String without(String... names) {
    Map<String, Object> fields = goodFields();
    List.of(names).forEach(fields::remove);
    return toJson(fields);
  }

  private static String renamed(String name, String misspelt) {
    Map<String, Object> fields = goodFields();
    fields.put(misspelt, fields.remove(name));
    return toJson(fields);
  }

  private static String toJson(Map<String, Object> fields) {
    try {
      return JSON.writeValueAsString(fields);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Object> parse(String body) {
    try {
      return JSON.readValue(body, Map.class);
    } catch (JsonProcessingException e) {
      throw new AssertionError("not JSON: " + body, e);
    }
  }
}
