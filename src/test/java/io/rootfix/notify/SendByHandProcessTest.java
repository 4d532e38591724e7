package io.rootfix.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import io.rootfix.notify.SendByHandProcess.Element;
import io.rootfix.notify.SendByHandProcess.Var;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The real {@code processes/send-by-hand.bpmn}, its listener mocked. */
@Deployment(resources = SendByHandProcess.RESOURCE)
class SendByHandProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine =
      ProcessEngineCoverageExtension.builder().assertClassCoverageAtLeast(1.0).build();

  private ProcessEngine processEngine;
  private final List<Object> recorded = new ArrayList<>();

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(processEngine);
    Mocks.register("recordSentByHand", (TaskListener) task -> recorded.add(task.getVariable(Var.MESSAGE_ID)));
  }

  @AfterEach
  void tearDown() {
    Mocks.reset();
  }

  @Test
  void theAgentSendsItAndConfirms() {
    ProcessInstance instance = start(7L);

    assertThat(instance).isWaitingAt(Element.SEND_BY_HAND);
    assertThat(task()).hasCandidateGroup("service-agents");
    assertThat(task().getDueDate()).isNotNull();
    complete(task(), withVariables(Var.SENT, true));

    assertThat(instance).isEnded().hasPassed(Element.END_SENT);
    assertThat(recorded).containsExactly(7L);
  }

  @Test
  void markedSentThroughTheApiEndsTheTaskWithoutRecordingItTwice() {
    ProcessInstance instance = start(8L);
    start(9L);

    runtimeService().createMessageCorrelation(SendByHandProcess.MESSAGE_SENT_BY_HAND)
        .processInstanceVariableEquals(Var.MESSAGE_ID, 8L).correlateAll();

    assertThat(instance).isEnded().hasPassed(Element.SENT_ANOTHER_WAY, Element.END_SENT_ANOTHER_WAY);
    assertThat(recorded).isEmpty();
    assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey(SendByHandProcess.KEY).count())
        .as("the other message's task stays").isOne();
  }

  private ProcessInstance start(long messageId) {
    return runtimeService().startProcessInstanceByKey(SendByHandProcess.KEY, "RF-2026-000001/message-" + messageId,
        withVariables(Var.MESSAGE_ID, messageId, Var.SEND_BY, new Date()));
  }
}
