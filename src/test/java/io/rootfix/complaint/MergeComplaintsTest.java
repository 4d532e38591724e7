package io.rootfix.complaint;

import static io.rootfix.complaint.ComplaintProcess.Element.AGREE_EXPECTATION;
import static io.rootfix.complaint.ComplaintProcess.Element.PATCH_SYMPTOM;
import static org.assertj.core.api.Assertions.assertThat;

import io.rootfix.complaint.ComplaintProcess.Var;
import io.rootfix.support.RootfixIntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Two open complaints of one customer about one matter become one; both tracking numbers lead to it. */
class MergeComplaintsTest extends RootfixIntegrationTest {

  @Test
  void theMergedComplaintEndsWithANoteAndEverythingItHadMovesToTheSurvivor() {
    String email = newEmail();
    String survivor = created(postComplaint(intake(email, null)));
    agreeExpectation(survivor, PROMISED);
    // Opened as another category by mistake, so not attached as a repeat contact.
    String merged = created(postComplaint(intake(email, null).replace("\"delivery\"", "\"product\"")));
    agreeExpectation(merged, PROMISED);
    postComplaint(intake(email, null).replace("\"delivery\"", "\"product\"")
        .replace("The parcel arrived broken, for the second time.", "Any news?"));

    ResponseEntity<Map> response = merge(AGENT, survivor, merged, "The same broken vase, reported twice");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getBody()).containsEntry("trackingNumber", survivor).containsEntry("repeatContacts", 2)
        .containsEntry("mergedComplaints", List.of(merged));
    assertThat((List<Map<String, Object>>) response.getBody().get("contacts")).extracting(c -> c.get("text"))
        .containsExactlyInAnyOrder("The parcel arrived broken, for the second time.", "Any news?");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(merged).count())
        .as("every open step of the merged complaint stopped").isZero();
    assertThat(openTaskKeys(survivor)).containsExactly(PATCH_SYMPTOM);
    assertThat(jdbc.queryForMap("select state, closing_note, merged_into from complaint where tracking_number = ?",
        merged)).containsEntry("STATE", "MERGED").containsEntry("MERGED_INTO", survivor)
        .containsEntry("CLOSING_NOTE", "Merged into " + survivor + " by " + AGENT + ": The same broken vase, reported twice");

    assertThat(as(AGENT).getForObject("/api/complaints/" + merged, Map.class))
        .as("the merged number leads to the survivor").containsEntry("trackingNumber", survivor);
    assertThat(jdbc.queryForList("select kind from customer_message where tracking_number = ?", String.class, survivor))
        .as("both acknowledgements, each with its agreed date").containsExactlyInAnyOrder("ACKNOWLEDGEMENT", "ANSWER_DATE_AGREED",
            "ACKNOWLEDGEMENT", "ANSWER_DATE_AGREED");
    assertThat(as(AGENT).getForObject("/api/complaints/" + survivor + "/promises", List.class))
        .as("both answer promises").hasSize(2);
    assertThat(runtimeService.getVariable(processInstanceOf(survivor), Var.REPEAT_CONTACTS)).isEqualTo(2);
    assertThat(http.getForObject("/api/status/{tn}?contact={email}", Map.class, merged, email))
        .containsEntry("trackingNumber", survivor);

    ResponseEntity<Map> later = postComplaint(intake(email, null).replace("\"delivery\"", "\"billing\"")
        .replace("}", ", \"trackingNumber\": \"" + merged + "\"}"));
    assertThat(later.getBody()).as("mentioning the merged number").containsEntry("trackingNumber", survivor)
        .containsEntry("repeatContact", true);
  }

  @Test
  void onlyOneCustomersOpenComplaintsAreMergedAndOnlyByServiceAgents() {
    String email = newEmail();
    String survivor = created(postComplaint(intake(email, null)));
    String sameCustomer = created(postComplaint(intake(email, null).replace("\"delivery\"", "\"service\"")));
    String otherCustomer = created(postComplaint(intake()));

    assertThat(merge(AGENT, survivor, otherCustomer, "Looks alike").getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(merge(AGENT, survivor, survivor, "Itself").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(merge(AGENT, survivor, sameCustomer, "").getStatusCode()).as("no note").isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(merge(AGENT, survivor, "RF-1999-999999", "Unknown").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(merge(SECOND_LEAD, survivor, sameCustomer, "A lead only").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(merge("owen", survivor, sameCustomer, "A process owner").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(openTaskKeys(sameCustomer)).containsExactly(AGREE_EXPECTATION);

    assertThat(merge(AGENT, survivor, sameCustomer, "One matter").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(merge(AGENT, sameCustomer, survivor, "Again").getStatusCode()).as("one complaint now")
        .isEqualTo(HttpStatus.BAD_REQUEST);
  }

  private ResponseEntity<Map> merge(String user, String survivor, String other, String note) {
    return as(user).postForEntity("/api/complaints/" + survivor + "/merge",
        json("{\"trackingNumber\": \"" + other + "\", \"note\": \"" + note + "\"}"), Map.class);
  }

  private static String created(ResponseEntity<Map> response) {
    assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.CREATED);
    return (String) response.getBody().get("trackingNumber");
  }

  private String processInstanceOf(String trackingNumber) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(ComplaintProcess.KEY).processInstanceBusinessKey(trackingNumber).singleResult().getId();
  }
}
