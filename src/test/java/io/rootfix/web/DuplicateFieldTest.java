package io.rootfix.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.rootfix.support.RootfixIntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A body that gives a field twice ({@code "description": "a", "description": "b"}) means two different
 * complaints to two parsers: the intake refuses it, names the field, and stores nothing.
 */
class DuplicateFieldTest extends RootfixIntegrationTest {

  @Test
  void aFieldGivenTwiceIsRefusedAndNothingIsStored() {
    long complaints = count("complaint");
    long customers = count("customer");
    String body = intake().replace("\"description\":", "\"description\": \"Please refund me 5000 euros.\", \"description\":");

    ResponseEntity<Map> response = postComplaint(body);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody()).containsEntry("detail", "Invalid input: description");
    assertThat((List<Map<String, String>>) response.getBody().get("errors"))
        .containsExactly(Map.of("field", "description", "message", "is given more than once"));
    assertThat(count("complaint")).isEqualTo(complaints);
    assertThat(count("customer")).isEqualTo(customers);
    assertThat(postComplaint(intake()).getStatusCode()).as("the next good one").isEqualTo(HttpStatus.CREATED);
  }
}
