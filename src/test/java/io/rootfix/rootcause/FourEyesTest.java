package io.rootfix.rootcause;

import io.rootfix.support.BusinessDay;
import static org.assertj.core.api.Assertions.assertThat;

import io.rootfix.complaint.ComplaintProcess;
import io.rootfix.support.RootfixIntegrationTest;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.IdentityLink;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Four eyes without traps: "Verify the fix" is not offered to the team lead who fixed it, in any of her filters,
 * while another team lead finds it and verifies it; if she gets it anyway (assigned by a colleague), the form
 * refuses her under the field and nothing changes.
 */
class FourEyesTest extends RootfixIntegrationTest {

  @Test
  void theFixerIsNotOfferedVerifyTheFixAnotherLeadIsAndVerifiesIt() {
    String complaint = receiveAndPatch();
    submit(complaint, ComplaintProcess.Element.FIND_ROOT_CAUSE, Map.of(
        ComplaintProcess.Var.ROOT_CAUSE_TITLE, "Labels smear", ComplaintProcess.Var.ROOT_CAUSE_DESCRIPTION, "Cheap ink"));
    String key = RootCauseProcess.businessKey(rootCauseOf(complaint));
    submit(LEAD, key, RootCauseProcess.Element.INVESTIGATE, Map.of(RootCauseProcess.Var.WILL_FIX, true,
        RootCauseProcess.Var.FIX_DEADLINE, BusinessDay.today().plusDays(7).toString()));
    submit(LEAD, key, RootCauseProcess.Element.FIX, Map.of(RootCauseProcess.Var.FIX_DESCRIPTION, "Better ink"));
    String verify = taskId(key, RootCauseProcess.Element.VERIFY);

    // Offered to the other team leads by name, not to the group and not to the fixer.
    List<IdentityLink> links = taskService.getIdentityLinksForTask(verify);
    assertThat(links).noneMatch(link -> RootCauseProcess.LEADS.equals(link.getGroupId()));
    assertThat(links).extracting(IdentityLink::getUserId).contains(SECOND_LEAD).doesNotContain(LEAD);
    assertThat(tasksInAnyFilter(LEAD)).doesNotContain(verify);
    assertThat(tasksInAnyFilter(SECOND_LEAD)).contains(verify);
    assertThat(taskService.createTaskQuery().taskCandidateUser(LEAD).taskId(verify).count()).isZero();

    // A colleague assigns it to her anyway: her verification is refused under the field; nothing changes.
    assertThat(as(SECOND_LEAD).postForEntity("/engine-rest/task/" + verify + "/assignee",
        json("{\"userId\": \"" + LEAD + "\"}"), Void.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    ResponseEntity<Map> own = submitForm(LEAD, verify, Map.of(RootCauseProcess.Var.FIX_VERIFIED, "true"));
    assertThat(own.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) own.getBody().get("message"))
        .contains(RootCauseProcess.Var.FIX_VERIFIED + ": someone other than the one who fixed it verifies the fix");
    assertThat(taskId(key, RootCauseProcess.Element.VERIFY)).isEqualTo(verify);
    Map<String, Object> rootCause = as(LEAD).getForObject("/api/root-causes/" + rootCauseOf(complaint), Map.class);
    assertThat(rootCause).containsEntry("state", "FIX_IN_PROGRESS").doesNotContainKey("verifiedBy");

    // The other lead takes it back and verifies it.
    taskService.setAssignee(verify, null);
    submit(SECOND_LEAD, key, RootCauseProcess.Element.VERIFY, Map.of(RootCauseProcess.Var.FIX_VERIFIED, "true"));
    assertThat(as(LEAD).getForObject("/api/root-causes/" + rootCauseOf(complaint), Map.class))
        .containsEntry("state", "FIXED").containsEntry("verifiedBy", SECOND_LEAD);
  }

  /** The ids of the tasks in every Tasklist filter the user has. */
  private List<String> tasksInAnyFilter(String user) {
    List<Map<String, Object>> filters = as(user).getForObject("/engine-rest/filter?resourceType=Task", List.class);
    return filters.stream().flatMap(filter -> {
      List<Map<String, Object>> tasks = as(user).postForObject("/engine-rest/filter/" + filter.get("id") + "/list",
          json("{}"), List.class);
      return tasks.stream().map(task -> (String) task.get("id"));
    }).toList();
  }
}
