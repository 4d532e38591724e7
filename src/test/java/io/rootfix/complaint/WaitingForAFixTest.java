package io.rootfix.complaint;

import io.rootfix.support.BusinessDay;
import static org.assertj.core.api.Assertions.assertThat;

import io.rootfix.complaint.ComplaintProcess.Element;
import io.rootfix.complaint.ComplaintProcess.Var;
import io.rootfix.rootcause.RootCauseProcess;
import io.rootfix.support.RootfixIntegrationTest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A complaint that waits for its root cause's fix stays in sight: a task in "Waiting for a fix" with the root
 * cause's title and fix deadline, that nobody can complete, and that the fix ends.
 */
class WaitingForAFixTest extends RootfixIntegrationTest {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd-MM-yyyy");

  @Test
  void aComplaintWaitingForItsFixIsInWaitingForAFixUntilTheFixEndsTheWait() {
    String complaint = receiveAndPatch();
    submit(complaint, Element.FIND_ROOT_CAUSE, Map.of(Var.ROOT_CAUSE_TITLE, "Lids crack in the cold",
        Var.ROOT_CAUSE_DESCRIPTION, "The lids are moulded from a brittle plastic"));
    long rootCause = rootCauseOf(complaint);
    String wait = taskId(complaint, Element.WAIT_FOR_FIX);

    // Investigating: in the filter with its title, no deadline yet.
    assertThat(taskIdsIn(AGENT, TasklistFilters.WAITING_FOR_FIX)).contains(wait);
    Map<String, Object> card = cardVariables(AGENT, TasklistFilters.WAITING_FOR_FIX, wait);
    assertThat(card).containsEntry(Var.ROOT_CAUSE_TITLE, "RC-" + rootCause + " Lids crack in the cold")
        .containsEntry(Var.FIX_DUE_BY, "not set yet");
    assertThat((String) card.get(Var.ROOT_CAUSE_STATUS)).startsWith("Being investigated");

    // The investigation sets the deadline: the card and the task's due date follow.
    LocalDate deadline = BusinessDay.today().plusDays(10);
    submit(LEAD, "RC-" + rootCause, RootCauseProcess.Element.INVESTIGATE, Map.of(RootCauseProcess.Var.WILL_FIX, true,
        RootCauseProcess.Var.FIX_DEADLINE, deadline.toString()));
    card = cardVariables(AGENT, TasklistFilters.WAITING_FOR_FIX, wait);
    assertThat(card).containsEntry(Var.FIX_DUE_BY, DAY.format(deadline));
    assertThat((String) card.get(Var.ROOT_CAUSE_STATUS)).startsWith("Being fixed");
    Task task = taskService.createTaskQuery().taskId(wait).singleResult();
    assertThat(task.getDueDate()).isNotNull();
    assertThat(task.getDueDate().toInstant().atZone(ZoneId.of("Europe/Amsterdam")).toLocalDate()).isEqualTo(deadline);

    // Its owner cannot complete it, through the form or without: refused, the complaint still waits.
    for (String call : List.of("submit-form", "complete")) {
      ResponseEntity<Map> refused = as(AGENT).postForEntity("/engine-rest/task/" + wait + "/" + call,
          json("{\"variables\": {}}"), Map.class);
      assertThat(refused.getStatusCode()).as(call).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat((String) refused.getBody().get("message")).contains("ends by itself");
    }
    assertThat(taskId(complaint, Element.WAIT_FOR_FIX)).isEqualTo(wait);
    assertThat(openTaskKeys(complaint)).doesNotContain(Element.REPORT_BACK);
    assertThat(jdbc.queryForObject("select fix_description from complaint where tracking_number = ?", String.class,
        complaint)).isNull();

    // The fix ends the wait; the complaint goes on to its report back.
    submit(LEAD, "RC-" + rootCause, RootCauseProcess.Element.FIX,
        Map.of(RootCauseProcess.Var.FIX_DESCRIPTION, "Lids are now made of a cold-proof plastic"));
    assertThat((String) cardVariables(AGENT, TasklistFilters.WAITING_FOR_FIX, wait).get(Var.ROOT_CAUSE_STATUS))
        .startsWith("Fixed; a team lead verifies");
    submit(SECOND_LEAD, "RC-" + rootCause, RootCauseProcess.Element.VERIFY,
        Map.of(RootCauseProcess.Var.FIX_VERIFIED, "true"));
    executeDueJobs();
    assertThat(openTaskKeys(complaint)).doesNotContain(Element.WAIT_FOR_FIX).contains(Element.REPORT_BACK);
    assertThat(taskIdsIn(AGENT, TasklistFilters.WAITING_FOR_FIX)).doesNotContain(wait);
    assertThat(shown(taskId(complaint, Element.REPORT_BACK), Var.FIX_DESCRIPTION)).as("on the report back's form")
        .isEqualTo("Lids are now made of a cold-proof plastic");
  }

  @Test
  void theNearestFixDeadlineComesFirst() {
    String later = waitingWithDeadline(BusinessDay.today().plusDays(30));
    String sooner = waitingWithDeadline(BusinessDay.today().plusDays(5));

    List<String> order = taskIdsIn(AGENT, TasklistFilters.WAITING_FOR_FIX);
    assertThat(order).contains(sooner, later);
    assertThat(order.indexOf(sooner)).isLessThan(order.indexOf(later));
  }

  private String waitingWithDeadline(LocalDate deadline) {
    String complaint = receiveAndPatch();
    submit(complaint, Element.FIND_ROOT_CAUSE, Map.of(Var.ROOT_CAUSE_TITLE, "Due " + deadline,
        Var.ROOT_CAUSE_DESCRIPTION, "A cause fixed by " + deadline));
    submit(LEAD, "RC-" + rootCauseOf(complaint), RootCauseProcess.Element.INVESTIGATE,
        Map.of(RootCauseProcess.Var.WILL_FIX, true, RootCauseProcess.Var.FIX_DEADLINE, deadline.toString()));
    return taskId(complaint, Element.WAIT_FOR_FIX);
  }

  private String processInstance(String trackingNumber) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(ComplaintProcess.KEY).processInstanceBusinessKey(trackingNumber).singleResult().getId();
  }

  private String filterId(String user, String name) {
    List<Map<String, Object>> filters = as(user).getForObject("/engine-rest/filter?resourceType=Task", List.class);
    return (String) filters.stream().filter(f -> name.equals(f.get("name"))).findFirst().orElseThrow().get("id");
  }

  private List<String> taskIdsIn(String user, String filter) {
    List<Map<String, Object>> tasks = as(user).postForObject("/engine-rest/filter/" + filterId(user, filter) + "/list",
        json("{}"), List.class);
    return tasks.stream().map(t -> (String) t.get("id")).toList();
  }

  /** What Tasklist shows on the task's card: the filter's variables, as its HAL list returns them. */
  private Map<String, Object> cardVariables(String user, String filter, String taskId) {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.CONTENT_TYPE, "application/json");
    headers.set(HttpHeaders.ACCEPT, "application/hal+json");
    Map<String, Object> hal = as(user).postForObject("/engine-rest/filter/" + filterId(user, filter) + "/list",
        new HttpEntity<>("{}", headers), Map.class);
    Map<String, Object> embedded = (Map<String, Object>) hal.get("_embedded");
    Map<String, Object> task = ((List<Map<String, Object>>) embedded.get("task")).stream()
        .filter(t -> taskId.equals(t.get("id"))).findFirst().orElseThrow();
    Map<String, Object> variables = new java.util.LinkedHashMap<>();
    for (Map<String, Object> variable : (List<Map<String, Object>>) ((Map<String, Object>) task.get("_embedded")).get("variable")) {
      variables.put((String) variable.get("name"), variable.get("value"));
    }
    return variables;
  }
}
