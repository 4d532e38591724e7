package io.rootfix.complaint;

import static io.rootfix.complaint.ComplaintProcess.Element.AGREE_EXPECTATION;
import static io.rootfix.complaint.ComplaintProcess.Element.PATCH_SYMPTOM;
import static org.assertj.core.api.Assertions.assertThat;

import io.rootfix.complaint.ComplaintProcess.Var;
import io.rootfix.support.RootfixIntegrationTest;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** A second contact about an open matter is attached to its complaint and counted, never opened anew. */
class RepeatContactTest extends RootfixIntegrationTest {

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void theCustomerComingBackAboutTheSameMatterIsAttachedToTheOpenComplaint() {
    String email = newEmail();
    String phone = newPhone();
    String trackingNumber = created(postComplaint(intake(email, phone)));
    agreeExpectation(trackingNumber, PROMISED);
    long complaints = count("complaint");
    long running = runtimeService.createProcessInstanceQuery().count();

    ResponseEntity<Map> again = postComplaint(contact(null, phone.replace("+31 6 ", "06-"), "phone", "delivery",
        "Still no replacement, and nobody called."));

    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(again.getBody()).containsEntry("trackingNumber", trackingNumber).containsEntry("repeatContact", true);
    assertThat(count("complaint")).as("no new complaint").isEqualTo(complaints);
    assertThat(runtimeService.createProcessInstanceQuery().count()).as("no new process").isEqualTo(running);

    Map<String, Object> complaint = as(AGENT).getForObject("/api/complaints/" + trackingNumber, Map.class);
    assertThat(complaint).containsEntry("repeatContacts", 1);
    assertThat((List<Map<String, Object>>) complaint.get("contacts")).singleElement().satisfies(contact -> {
      assertThat(contact).containsEntry("channel", "phone").containsEntry("text", "Still no replacement, and nobody called.");
      assertThat(contact.get("receivedAt")).isNotNull();
    });

    String instance = processInstanceOf(trackingNumber);
    assertThat(runtimeService.getVariable(instance, Var.REPEAT_CONTACTS)).as("on the owner's forms").isEqualTo(1);
    assertThat((String) runtimeService.getVariable(instance, Var.LATEST_CONTACT))
        .contains("by phone: Still no replacement, and nobody called.");
    assertThat(openTaskKeys(trackingNumber)).containsExactly(PATCH_SYMPTOM);
  }

  @Test
  void aMentionedTrackingNumberAttachesTheContactWhateverItsCategory() {
    String email = newEmail();
    String trackingNumber = created(postComplaint(intake(email, null)));

    ResponseEntity<Map> again = postComplaint(contact(email, null, "email", "billing", "About " + trackingNumber)
        .replace("}", ", \"trackingNumber\": \"" + trackingNumber + "\"}"));

    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(again.getBody()).containsEntry("trackingNumber", trackingNumber);
    assertThat(openTaskKeys(trackingNumber)).containsExactly(AGREE_EXPECTATION);
  }

  @Test
  void anotherMatterAnotherCustomersNumberOrALateContactOpensANewComplaint() {
    String email = newEmail();
    String first = created(postComplaint(intake(email, null)));

    String otherMatter = created(postComplaint(contact(email, null, "web", "billing", "Charged twice.")));
    String notTheirs = created(postComplaint(contact(newEmail(), null, "web", "delivery", "My parcel too!")
        .replace("}", ", \"trackingNumber\": \"" + first + "\"}")));
    ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + Duration.ofDays(15).toMillis()));
    String afterTheWindow = created(postComplaint(contact(email, null, "web", "delivery", "Another broken vase.")));

    assertThat(List.of(otherMatter, notTheirs, afterTheWindow)).doesNotContain(first).doesNotHaveDuplicates();
    assertThat(as(AGENT).getForObject("/api/complaints/" + first, Map.class)).containsEntry("repeatContacts", 0);
  }

  @Test
  void firstContactResolutionAndTheRepeatContactRateCountTheCustomersComingBack() {
    Map<String, Number> before = insights();

    String resolvedAtOnce = receiveAndPatch();
    findCauseAndReport(resolvedAtOnce);
    customerReplies(resolvedAtOnce, true, null);
    String email = newEmail();
    String cameBack = created(postComplaint(intake(email, null)));
    agreeExpectation(cameBack, PROMISED);
    submit(cameBack, PATCH_SYMPTOM, Map.of(Var.PATCH_DESCRIPTION, "Sent a replacement"));
    postComplaint(contact(email, null, "chat", "delivery", "Where is my replacement?"));
    findCauseAndReport(cameBack);
    customerReplies(cameBack, true, null);
    executeDueJobs();
    Map<String, Number> after = insights();

    assertThat(delta(before, after, "firstContacts")).isEqualTo(2);
    assertThat(delta(before, after, "repeatContacts")).isEqualTo(1);
    assertThat(delta(before, after, "contacts")).isEqualTo(3);
    assertThat(delta(before, after, "closedComplaints")).isEqualTo(2);
    assertThat(delta(before, after, "closedAtFirstContact")).isEqualTo(1);
    assertThat(after.get("firstContactResolution").doubleValue())
        .isEqualTo((double) after.get("closedAtFirstContact").longValue() / after.get("closedComplaints").longValue());
    assertThat(after.get("repeatContactRate").doubleValue())
        .isEqualTo((double) after.get("repeatContacts").longValue() / after.get("contacts").longValue());
    assertThat(as(AUDITOR).getForEntity("/api/insights/contacts", Map.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  private Map<String, Number> insights() {
    return as(LEAD).getForObject("/api/insights/contacts", Map.class);
  }

  private static long delta(Map<String, Number> before, Map<String, Number> after, String key) {
    return after.get(key).longValue() - before.get(key).longValue();
  }

  private static String contact(String email, String phone, String channel, String category, String text) {
    return intake(email, phone).replace("\"web\"", '"' + channel + '"').replace("\"delivery\"", '"' + category + '"')
        .replace("The parcel arrived broken, for the second time.", text);
  }

  private static String created(ResponseEntity<Map> response) {
    assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.CREATED);
    assertThat(response.getBody()).containsEntry("repeatContact", false);
    return (String) response.getBody().get("trackingNumber");
  }

  private String processInstanceOf(String trackingNumber) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(ComplaintProcess.KEY).processInstanceBusinessKey(trackingNumber).singleResult().getId();
  }
}
