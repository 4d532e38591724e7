package io.rootfix.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import io.rootfix.support.RootfixIntegrationTest;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

class ComplaintIntakeApiTest extends RootfixIntegrationTest {

  @Test
  void intakeRegistersTheComplaintAndStartsItsProcess() {
    ResponseEntity<Map> response = postComplaint(intake("Eva@Example.com", "+31 6 12345678"));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String trackingNumber = (String) response.getBody().get("trackingNumber");
    assertThat(trackingNumber).matches("RF-\\d{4}-\\d{6}");
    assertThat(response.getHeaders().getLocation()).hasToString("/api/complaints/" + trackingNumber);

    ProcessInstance instance = runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(ComplaintProcess.KEY).processInstanceBusinessKey(trackingNumber).singleResult();
    assertThat(instance.getProcessDefinitionId()).startsWith(ComplaintProcess.KEY + ":");

    Map<String, Object> complaint = as(AGENT).getForObject("/api/complaints/" + trackingNumber, Map.class);
    assertThat(complaint).containsEntry("state", "RECEIVED").containsEntry("channel", "web");
    assertThat((Map<String, Object>) complaint.get("customer"))
        .containsEntry("email", "eva@example.com").containsEntry("phone", "+31612345678");
    assertThat((List<Map<String, Object>>) complaint.get("openTasks"))
        .extracting(task -> task.get("taskKey")).containsExactly(ComplaintProcess.Element.AGREE_EXPECTATION);
  }

  /** The typed intake the API hands to the process's first steps is transient: no row, no history, no bytes. */
  @Test
  void theIntakeHandedToTheProcessIsNeverStored() {
    String trackingNumber = track(postComplaint(intake(newEmail(), null)));

    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(trackingNumber).count()).isOne();
    for (String table : List.of("act_ru_variable", "act_hi_varinst", "act_hi_detail")) {
      assertThat(jdbc.queryForObject("select count(*) from " + table + " where name_ = ?", Long.class,
          ComplaintProcess.Var.INTAKE)).as(table).isZero();
    }
    // What only the intake read is on the complaint's rows, not in the process: not a single row was written for it.
    String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(trackingNumber)
        .processDefinitionKey(ComplaintProcess.KEY).singleResult().getId();
    for (String table : List.of("act_ru_variable", "act_hi_varinst", "act_hi_detail")) {
      assertThat(jdbc.queryForList("select name_ from " + table + " where proc_inst_id_ = ?", String.class, instance))
          .as(table).doesNotContainAnyElementsOf(ComplaintDelegates.READ_ONLY_AT_INTAKE);
    }
    assertThat(jdbc.queryForObject("select contact_email from complaint where tracking_number = ?", String.class,
        trackingNumber)).as("the complaint row keeps the e-mail address").isNotNull();
    assertThat(runtimeService.getVariable(instance, ComplaintProcess.Var.CUSTOMER_NAME))
        .as("what later steps read stays the process's (Tasklist's customer column)").isNotNull();
  }

  @Test
  void aKnownEmailOrPhoneJoinsTheExistingCustomer() {
    String first = track(postComplaint(intake("jan.smit@example.com", "06 12349876")));
    // Other matters (categories), or they would be repeat contacts about the first one.
    String sameEmail = track(postComplaint(intake("JAN.Smit@Example.COM", null).replace("delivery", "product")));
    String samePhone = track(postComplaint(intake(null, "06-12349876").replace("delivery", "billing")));

    assertThat(customerIdOf(sameEmail)).isEqualTo(customerIdOf(first));
    assertThat(customerIdOf(samePhone)).isEqualTo(customerIdOf(first));
  }

  @Test
  void badInputNamesEveryBadFieldAndStoresNothing() {
    long complaints = count("complaint");
    long customers = count("customer");
    long instances = runtimeService.createProcessInstanceQuery().count();

    ResponseEntity<Map> response = postComplaint("""
        {"customerName": "", "customerEmail": "not-an-address", "channel": "fax", "category": "weather",
         "description": "", "desiredOutcome": "revenge", "wantedAnswerDate": "2001-01-01"}""");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((List<Map<String, String>>) response.getBody().get("errors"))
        .extracting(error -> error.get("field"))
        .containsExactlyInAnyOrder("customerName", "customerEmail", "channel", "category", "description",
            "desiredOutcome", "wantedAnswerDate");
    assertThat(count("complaint")).isEqualTo(complaints);
    assertThat(count("customer")).isEqualTo(customers);
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(instances);
  }

  @Test
  void aContactIsRequiredTooLongTextAndImpossibleDatesAreRejected() {
    ResponseEntity<Map> noContact = postComplaint(intake(null, null));
    assertThat(noContact.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(fields(noContact)).containsExactly("customerEmail");

    ResponseEntity<Map> tooLong = postComplaint(intake("a@example.com", null)
        .replace("The parcel arrived broken, for the second time.", "x".repeat(4001)));
    assertThat(fields(tooLong)).containsExactly("description");

    ResponseEntity<Map> impossibleDate = postComplaint(intake("a@example.com", null).replace("2099-12-10", "2099-02-30"));
    assertThat(fields(impossibleDate)).containsExactly("wantedAnswerDate");
  }

  @Test
  void malformedJsonAndWrongTypesAreA400WithAMessage() {
    ResponseEntity<Map> malformed = postComplaint("{\"customerName\": ");
    assertThat(malformed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) malformed.getBody().get("detail")).contains("not valid JSON");

    ResponseEntity<Map> wrongType = postComplaint(intake("a@example.com", null).replace("\"Eva de Wit\"", "[1, 2]"));
    assertThat(wrongType.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(fields(wrongType)).containsExactly("customerName");
  }

  @Test
  void readingAComplaintNeedsAnAuthorisedUser() {
    String trackingNumber = track(postComplaint(intake()));

    assertThat(http.getForEntity("/api/complaints/" + trackingNumber, Map.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(as(AUDITOR).getForEntity("/api/complaints/" + trackingNumber, Map.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(as(AGENT).getForEntity("/api/complaints/RF-1999-999999", Map.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  private static String track(ResponseEntity<Map> response) {
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return (String) response.getBody().get("trackingNumber");
  }

  private Object customerIdOf(String trackingNumber) {
    return ((Map<String, Object>) as(AGENT).getForObject("/api/complaints/" + trackingNumber, Map.class)
        .get("customer")).get("id");
  }

  private static List<String> fields(ResponseEntity<Map> response) {
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    return ((List<Map<String, String>>) response.getBody().get("errors")).stream().map(e -> e.get("field")).toList();
  }
}
