package io.rootfix.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A process owner may write "2 business days" in a timer or a task's due date (the plugin in camunda.cfg.xml). */
class BusinessTimersTest {

  /** The process tests' engine (camunda.cfg.xml) records coverage, so it needs the coverage extension. */
  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder().build();

  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

  ProcessEngine processEngine;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void timersAndDueDatesCountBusinessTime() {
    BpmnModelInstance model = Bpmn.createExecutableProcess("businessTime")
        .camundaHistoryTimeToLive(1)
        .startEvent()
        .userTask("Task_Answer").camundaDueDate("2 business days")
        .boundaryEvent("Timer_Remind").cancelActivity(false).timerWithDuration("4 business hours").endEvent()
        .moveToActivity("Task_Answer").boundaryEvent("Timer_Iso").cancelActivity(false).timerWithDuration("PT4H").endEvent()
        .moveToActivity("Task_Answer").endEvent()
        .done();
    Deployment deployment = processEngine.getRepositoryService().createDeployment()
        .addModelInstance("business-time.bpmn", model).deploy();
    try {
      ClockUtil.setCurrentTime(date("2026-11-20T16:00")); // a Friday

      ProcessInstance instance = processEngine.getRuntimeService().startProcessInstanceByKey("businessTime");

      assertThat(processEngine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult()
          .getDueDate()).isEqualTo(date("2026-11-24T16:00"));
      assertThat(processEngine.getManagementService().createJobQuery().activityId("Timer_Remind").singleResult()
          .getDuedate()).isEqualTo(date("2026-11-23T12:00"));
      assertThat(processEngine.getManagementService().createJobQuery().activityId("Timer_Iso").singleResult()
          .getDuedate()).as("plain ISO durations are untouched").isEqualTo(date("2026-11-20T20:00"));
    } finally {
      processEngine.getRepositoryService().deleteDeployment(deployment.getId(), true);
    }
  }

  private static Date date(String localDateTime) {
    return Date.from(LocalDateTime.parse(localDateTime).atZone(AMSTERDAM).toInstant());
  }
}
