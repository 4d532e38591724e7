package io.rootfix.customer;

import static org.assertj.core.api.Assertions.assertThat;

import io.rootfix.complaint.ComplaintProcess;
import io.rootfix.complaint.ComplaintProcess.Var;
import io.rootfix.support.RootfixIntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** One customer on every channel: however they write their number, address or handle. */
class CustomerRecognitionTest extends RootfixIntegrationTest {

  @Autowired
  private CustomerDirectory directory;

  @ParameterizedTest(name = "{0} / {1}")
  @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
      -                          | +31 6 12340001
      -                          | 0612340001
      -                          | 0031612340001
      -                          | 06-1234 0001
      ' Lotte.Prins@Example.COM' | -
      LOTTE.PRINS@EXAMPLE.COM    | 0031 6 1234 0001
      """)
  void theSameCustomerHoweverTheyWriteTheirNumberOrAddress(String email, String phone) {
    Customer lotte = directory.recognise(contact("lotte.prins@example.com", "+31612340001")).customer();

    Recognition again = directory.recognise(contact(email, phone));

    assertThat(again.customer().getId()).isEqualTo(lotte.getId());
    assertThat(again.identityConflict()).isNull();
    assertThat(jdbc.queryForObject("select count(*) from customer where phone = '+31612340001'", Long.class)).isOne();
  }

  @Test
  void aHandleJoinsTheCustomerOnItsOwnNetworkOnly() {
    Customer bram = directory.recognise(new ContactDetails("Bram Vos", "bram.vos@example.com", null,
        HandleNetwork.TWITTER, "@BramVos")).customer();

    Recognition byProfileAddress = directory.recognise(
        new ContactDetails("Bram", null, null, HandleNetwork.TWITTER, "https://x.com/bramvos"));
    Recognition onAnotherNetwork = directory.recognise(
        new ContactDetails("Bram", null, null, HandleNetwork.INSTAGRAM, "@bramvos"));

    assertThat(byProfileAddress.customer().getId()).isEqualTo(bram.getId());
    assertThat(onAnotherNetwork.customer().getId()).isNotEqualTo(bram.getId());
    assertThat(jdbc.queryForList("select network from customer_handle where customer_id = ?", String.class,
        bram.getId())).containsExactly("TWITTER");
  }

  @Test
  void aHandleGivenAtIntakeIsKeptAndRecognisesTheCustomerNextTime() {
    ResponseEntity<Map> first = postComplaint("""
        {"customerName": "Fenna Bos", "customerEmail": "fenna.bos@example.com", "customerHandle": "@FennaBos",
         "handleNetwork": "twitter", "channel": "social", "category": "service",
         "description": "Nobody answered my DM.", "desiredOutcome": "answer"}""");
    ResponseEntity<Map> second = postComplaint("""
        {"customerName": "Fenna", "customerHandle": "fennabos", "handleNetwork": "twitter", "channel": "social",
         "category": "billing", "description": "And I was charged twice.", "desiredOutcome": "refund"}""");

    Map<String, Object> customer = customerOf(trackingNumber(first));
    assertThat(customerOf(trackingNumber(second))).containsEntry("id", customer.get("id"));
    assertThat(customer).containsEntry("email", "fenna.bos@example.com")
        .containsEntry("handles", List.of(Map.of("network", "twitter", "handle", "fennabos")));
  }

  @Test
  void detailsOfTwoCustomersAreFlaggedForAnAgentNotMerged() {
    String ofAnna = trackingNumber(postComplaint(intake("anna.kok@example.com", null)));
    String ofJoost = trackingNumber(postComplaint(intake(null, "+31 6 12340002")));
    long customers = count("customer");

    String both = trackingNumber(postComplaint(intake("Anna.Kok@example.com", "06 1234 0002")));

    Map<String, Object> complaint = as(AGENT).getForObject("/api/complaints/" + both, Map.class);
    String conflict = (String) complaint.get("identityConflict");
    Object anna = customerOf(ofAnna).get("id");
    Object joost = customerOf(ofJoost).get("id");
    assertThat(conflict)
        .contains("The e-mail address anna.kok@example.com belongs to customer " + anna)
        .contains("the phone number +31612340002 belongs to customer " + joost, "Not merged");
    assertThat(customerOf(both)).as("filed under the longest-known").containsEntry("id", anna)
        .doesNotContainKey("phone");
    assertThat(customerOf(ofJoost)).containsEntry("phone", "+31612340002");
    assertThat(count("customer")).isEqualTo(customers);
    assertThat(runtimeService.getVariable(processInstanceOf(both), Var.IDENTITY_CONFLICT))
        .as("shown on the Agree expectation form").isEqualTo(conflict);
    assertThat(as(AGENT).getForObject("/api/complaints/" + ofAnna, Map.class)).doesNotContainKey("identityConflict");
  }

  private static ContactDetails contact(String email, String phone) {
    return new ContactDetails("Lotte Prins", email, phone, null, null);
  }

  private static String trackingNumber(ResponseEntity<Map> response) {
    assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.CREATED);
    return (String) response.getBody().get("trackingNumber");
  }

  private Map<String, Object> customerOf(String trackingNumber) {
    return (Map<String, Object>) as(AGENT).getForObject("/api/complaints/" + trackingNumber, Map.class).get("customer");
  }

  private String processInstanceOf(String trackingNumber) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(ComplaintProcess.KEY).processInstanceBusinessKey(trackingNumber).singleResult().getId();
  }
}
