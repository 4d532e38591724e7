package io.rootfix.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rootfix.complaint.ComplaintProcess.Element;
import io.rootfix.security.Groups;
import io.rootfix.support.QueryPlans;
import io.rootfix.support.RootfixIntegrationTest;
import io.rootfix.support.SignedIn;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Tasklist's first page of an agent's filter at a month-end backlog: every Rootfix filter sorts by due date, then
 * creation, and with the engine's tenant check off (Rootfix has no tenants) and {@code rf_idx_task_due}
 * (EngineIndexes) H2 walks the open tasks in that order and stops at the page's last, instead of reading every open
 * task through the tenant index and sorting the person's (BENCHMARKS.md "Tasklist on H2 without the tenant check").
 */
class DueSoonestPageTest extends RootfixIntegrationTest {

  @Autowired
  FilterService filterService;

  @Autowired
  IdentityService identityService;

  @Autowired
  RepositoryService repositoryService;

  @Test
  void theFirstPageIsReadInDueOrderWithoutATenantCondition() {
    String offered = taskId(receive(), Element.AGREE_EXPECTATION);
    Filter dueSoonest = filterService.createFilterQuery().filterName("Due soonest").singleResult();

    List<String> statements = QueryPlans.statements("org.camunda.bpm.engine.impl.persistence.entity.TaskEntity",
        () -> asAgent(() -> filterService.<Task>listPage(dueSoonest.getId(), 0, 15)));

    // Other tests' tasks may come first in due order: the filter is the agent's if its whole list has the task.
    assertThat(asAgent(() -> filterService.<Task>list(dueSoonest.getId()).stream().map(Task::getId).toList()))
        .contains(offered);
    String pageStatement = statements.stream().filter(sql -> sql.contains("order by")).findFirst().orElseThrow();
    assertThat(pageStatement).doesNotContainIgnoringCase("TENANT_ID_ is null");
    // At a backlog's size (20,000 more open tasks, a quarter of them the agent's queue; rolled back), H2's plan for
    // the engine's own statement walks the due-date index.
    assertThat(QueryPlans.planAfter(jdbc, pageStatement,
        """
        insert into ACT_RU_TASK (ID_, REV_, NAME_, CREATE_TIME_, DUE_DATE_, SUSPENSION_STATE_)
        select 'backlog-' || x, 1, 'Agree expectation', now(), dateadd(minute, x, now()), 1
        from system_range(1, 20000)""",
        """
        insert into ACT_RU_IDENTITYLINK (ID_, REV_, GROUP_ID_, TYPE_, TASK_ID_)
        select 'backlog-link-' || x, 1, case when mod(x, 4) = 0 then 'service-agents' else 'queue-delivery' end,
          'candidate', 'backlog-' || x
        from system_range(1, 20000)""")).containsIgnoringCase("RF_IDX_TASK_DUE");
  }

  @Test
  void aModelForATenantIsRefusedAndNothingIsDeployed() {
    long before = repositoryService.createDeploymentQuery().count();
    assertThatThrownBy(() -> SignedIn.as(identityService, "owen", List.of(Groups.PROCESS_OWNERS),
        () -> repositoryService.createDeployment().name("for-a-tenant").tenantId("other-company")
            .addString("tenant.form", "{\"id\": \"Form_Tenant\", \"type\": \"default\", \"components\": []}")
            .deploy()))
        .isInstanceOf(AuthorizationException.class).hasMessageContaining("without a tenant");
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(before);
    assertThat(repositoryService.createDeploymentQuery().tenantIdIn("other-company").count()).isZero();
  }

  private <T> T asAgent(Supplier<T> work) {
    return SignedIn.as(identityService, AGENT, List.of(Groups.SERVICE_AGENTS), work);
  }
}
