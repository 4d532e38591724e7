package io.rootfix;

import static org.assertj.core.api.Assertions.assertThat;

import io.rootfix.complaint.ComplaintProcess;
import io.rootfix.complaint.ComplaintProcess.Element;
import io.rootfix.complaint.ComplaintProcess.Var;
import io.rootfix.support.RootfixIntegrationTest;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;

/** The job executor finds due jobs through an index on their due date, so every job has one. */
class EngineIndexesTest extends RootfixIntegrationTest {

  @Test
  void theEngineTablesHaveTheExtraIndexes() {
    for (String index : new String[] {"RF_IDX_TASK_PARENT", "RF_IDX_JOB_DUEDATE", "RF_IDX_JOB_LOCK_OWNER",
        "RF_IDX_VAR_EXECUTION", "RF_IDX_TASK_DUE"}) {
      assertThat(jdbc.queryForObject("select count(*) from information_schema.indexes where index_name = ?",
          Long.class, index)).as(index).isOne();
    }
  }

  @Test
  void anAsynchronousStepsJobIsDueWhenItIsCreated() {
    String trackingNumber = receive();
    submit(trackingNumber, Element.AGREE_EXPECTATION, Map.of(Var.DESIRED_OUTCOME, "replacement",
        Var.AGREED_ANSWER_DATE, PROMISED, Var.CONTACT_PREFERENCE, "email"));

    Job acknowledgement = managementService.createJobQuery().processInstanceId(runtimeService
        .createProcessInstanceQuery().processDefinitionKey(ComplaintProcess.KEY).processInstanceBusinessKey(trackingNumber).singleResult().getId())
        .activityId(Element.ACKNOWLEDGE).singleResult();
    assertThat(acknowledgement.getDuedate()).isNotNull();
    assertThat(managementService.createJobQuery().jobId(acknowledgement.getId()).executable().count()).isOne();
  }
}
