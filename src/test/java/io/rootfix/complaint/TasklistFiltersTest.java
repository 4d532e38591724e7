package io.rootfix.complaint;

import io.rootfix.support.BusinessDay;
import static org.assertj.core.api.Assertions.assertThat;

import io.rootfix.complaint.ComplaintProcess.Element;
import io.rootfix.complaint.ComplaintProcess.Var;
import io.rootfix.support.RootfixIntegrationTest;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The shared filters work for the people they are for, exactly as Tasklist asks for them. */
class TasklistFiltersTest extends RootfixIntegrationTest {

  @Test
  void agentsAndTeamLeadsSeeTheirFiltersAndEachOneAnswers() {
    String trackingNumber = receive();

    assertThat(filterNames("sam")).containsExactlyInAnyOrder(TasklistFilters.MY_COMPLAINTS, TasklistFilters.GROUP_TASKS,
        TasklistFilters.DUE_SOONEST, TasklistFilters.AT_RISK_TODAY, TasklistFilters.WAITING_FOR_CUSTOMER,
        TasklistFilters.MESSAGES_TO_SEND, TasklistFilters.ROOT_CAUSES, TasklistFilters.WAITING_FOR_FIX);
    assertThat(filterNames("lea")).contains(TasklistFilters.ALL_OPEN, TasklistFilters.BROKEN_PROMISES);

    for (String user : List.of("sam", "lea")) {
      List<Map<String, Object>> filters = as(user).getForObject("/engine-rest/filter?resourceType=Task", List.class);
      for (Map<String, Object> filter : filters) {
        ResponseEntity<List> tasks = as(user).postForEntity("/engine-rest/filter/" + filter.get("id") + "/list",
            json("{}"), List.class);
        assertThat(tasks.getStatusCode()).as(user + ": " + filter.get("name")).isEqualTo(HttpStatus.OK);
      }
    }
    assertThat(taskNames("sam", TasklistFilters.GROUP_TASKS)).contains("Agree expectation");
    assertThat(taskNames("sam", TasklistFilters.DUE_SOONEST)).contains("Agree expectation");

    agreeExpectation(trackingNumber, BusinessDay.today().toString()); // the answer is due today
    assertThat(taskNames("sam", TasklistFilters.MY_COMPLAINTS)).contains("Patch the symptom");
    assertThat(taskNames("sam", TasklistFilters.AT_RISK_TODAY)).contains("Patch the symptom");

    // Root-cause tasks have their own filter.
    submit(trackingNumber, Element.PATCH_SYMPTOM, Map.of(Var.PATCH_DESCRIPTION, "Sent a replacement"));
    submit(trackingNumber, Element.FIND_ROOT_CAUSE, Map.of(Var.ROOT_CAUSE_DESCRIPTION, "Weak boxes", Var.ONE_OFF, false));
    assertThat(taskNames("lea", TasklistFilters.ROOT_CAUSES)).contains("Investigate the root cause");
    assertThat(taskNames("lea", TasklistFilters.ROOT_CAUSES)).doesNotContain("Find the root cause");
  }

  @Test
  void agentsStartOnPromisesAtRiskTodayAndTeamLeadsOnBrokenPromises() {
    assertThat(startFilter("sam")).isEqualTo(TasklistFilters.AT_RISK_TODAY);
    assertThat(startFilter("lea")).isEqualTo(TasklistFilters.BROKEN_PROMISES);
  }

  /** Tasklist opens the filter with the lowest priority when the address names none. */
  private String startFilter(String user) {
    List<Map<String, Object>> filters = as(user).getForObject("/engine-rest/filter?resourceType=Task", List.class);
    return (String) filters.stream()
        .min(Comparator.comparingInt(f -> ((Number) ((Map<String, Object>) f.get("properties")).get("priority")).intValue()))
        .orElseThrow().get("name");
  }

  private List<String> filterNames(String user) {
    List<Map<String, Object>> filters = as(user).getForObject("/engine-rest/filter?resourceType=Task", List.class);
    return filters.stream().map(f -> (String) f.get("name")).toList();
  }

  private List<String> taskNames(String user, String filterName) {
    List<Map<String, Object>> filters = as(user).getForObject("/engine-rest/filter?resourceType=Task", List.class);
    Object id = filters.stream().filter(f -> filterName.equals(f.get("name"))).findFirst().orElseThrow().get("id");
    List<Map<String, Object>> tasks = as(user).postForObject("/engine-rest/filter/" + id + "/list", json("{}"), List.class);
    return tasks.stream().map(t -> (String) t.get("name")).toList();
  }
}
