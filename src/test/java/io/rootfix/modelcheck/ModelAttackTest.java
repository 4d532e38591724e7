package io.rootfix.modelcheck;

import static io.rootfix.modelcheck.ModelCheckTest.xml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rootfix.support.RootfixIntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.el.Expression;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A process owner ({@code owen}) deploys models that run code, from "Camunda Modeler" over the engine REST API:
 * a shell command writing a marker file, and making himself a Camunda admin through the engine's services.
 * Each is refused with a 400 naming the element; no file is written, owen stays out of camunda-admin, nothing
 * is deployed. A legit change to a Rootfix model still deploys (ModelMigrationTest goes on with it).
 */
class ModelAttackTest extends RootfixIntegrationTest {

  private static final String OWNER = "owen";
  private static final String ADMINS = "camunda-admin";
  private static final String KEY = "attack";

  @TempDir
  static Path dir;

  @Autowired
  IdentityService identityService;

  @Autowired
  RepositoryService repositoryService;

  @Autowired
  ProcessEngineConfigurationImpl engine;

  @AfterEach
  void owenIsNoAdmin() throws java.io.IOException {
    // Each attack answers for its own marker file.
    try (Stream<Path> written = Files.list(dir)) {
      for (Path marker : written.toList()) {
        Files.delete(marker);
      }
    }
    boolean admin = identityService.createUserQuery().userId(OWNER).memberOfGroup(ADMINS).count() > 0;
    if (admin) {
      identityService.deleteMembership(OWNER, ADMINS);
    }
    assertThat(admin).as("owen became a Camunda admin").isFalse();
    repositoryService.createDeploymentQuery().deploymentName(KEY).list()
        .forEach(deployment -> repositoryService.deleteDeployment(deployment.getId(), true));
  }

  static String shell(String variant) {
    return "${execution.getClass().forName(\"java.lang.Runtime\").getMethod(\"getRuntime\").invoke(null)"
        + ".exec(\"touch " + marker(variant) + "\")}";
  }

  static final String MAKE_ADMIN = "${execution.getProcessEngineServices().getIdentityService()"
      + ".createMembership(\"owen\", \"camunda-admin\")}";

  static Path marker(String variant) {
    return dir.resolve("pwned-" + variant);
  }

  static Stream<Arguments> attacks() {
    return Stream.of(
        attack("service task expression", "Task_Attack",
            "<bpmn:serviceTask id='Task_Attack' camunda:expression='" + xml(shell("service")) + "'/>"),
        attack("service task delegate expression", "Task_Attack",
            "<bpmn:serviceTask id='Task_Attack' camunda:delegateExpression='" + xml(shell("delegate")) + "'/>"),
        attack("execution listener", "Task_Attack",
            "<bpmn:userTask id='Task_Attack'><bpmn:extensionElements><camunda:executionListener event='start' "
                + "expression='" + xml(shell("listener")) + "'/></bpmn:extensionElements></bpmn:userTask>"),
        attack("task listener", "Task_Attack",
            "<bpmn:userTask id='Task_Attack'><bpmn:extensionElements><camunda:taskListener event='create' "
                + "expression='" + xml(shell("task-listener")) + "'/></bpmn:extensionElements></bpmn:userTask>"),
        attack("timer", "Timer_Attack",
            "<bpmn:intermediateCatchEvent id='Timer_Attack'><bpmn:timerEventDefinition><bpmn:timeDuration "
                + "xsi:type='bpmn:tFormalExpression'>" + xml(shell("timer")) + "</bpmn:timeDuration>"
                + "</bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>"),
        attack("input mapping", "Task_Attack",
            "<bpmn:userTask id='Task_Attack'><bpmn:extensionElements><camunda:inputOutput><camunda:inputParameter "
                + "name='x'>" + xml(shell("input")) + "</camunda:inputParameter></camunda:inputOutput>"
                + "</bpmn:extensionElements></bpmn:userTask>"),
        attack("assignee", "Task_Attack", "<bpmn:userTask id='Task_Attack' camunda:assignee='" + xml(shell("assignee")) + "'/>"),
        attack("Groovy script task", "Task_Attack", "<bpmn:scriptTask id='Task_Attack' scriptFormat='groovy'><bpmn:script>"
            + "'touch " + marker("groovy") + "'.execute()</bpmn:script></bpmn:scriptTask>"),
        attack("JUEL script task", "Task_Attack", "<bpmn:scriptTask id='Task_Attack' scriptFormat='juel'><bpmn:script>"
            + xml(shell("juel")) + "</bpmn:script></bpmn:scriptTask>"),
        attack("class name", "Task_Attack",
            "<bpmn:serviceTask id='Task_Attack' camunda:class='org.camunda.bpm.engine.impl.bpmn.behavior.NoneEndEventActivityBehavior'/>"),
        attack("admin through a service task", "Task_Attack",
            "<bpmn:serviceTask id='Task_Attack' camunda:expression='" + xml(MAKE_ADMIN) + "'/>"),
        attack("admin through a listener", "Task_Attack",
            "<bpmn:userTask id='Task_Attack'><bpmn:extensionElements><camunda:executionListener event='start' "
                + "expression='" + xml(MAKE_ADMIN) + "'/></bpmn:extensionElements></bpmn:userTask>"));
  }

  private static Arguments attack(String name, String element, String activity) {
    return Arguments.of(name, element, activity);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("attacks")
  void aModelThatRunsCodeIsRefused(String variant, String element, String activity) {
    ResponseEntity<Map> response = deployFromModeler(KEY + ".bpmn", process(activity));
    startIfDeployed();

    try (Stream<Path> written = Files.list(dir)) {
      assertThat(written).as("marker files").isEmpty();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) response.getBody().get("message")).contains(KEY + ".bpmn", element);
    Map<String, Map<String, List<Map<String, Object>>>> details =
        (Map<String, Map<String, List<Map<String, Object>>>>) response.getBody().get("details");
    assertThat(details.get(KEY + ".bpmn").get("errors")).extracting(error -> error.get("mainElementId")).contains(element);
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(KEY).count()).isZero();
    assertThat(repositoryService.createDeploymentQuery().deploymentName(KEY).count()).isZero();
  }

  /** What the attacker does next: start the model; each attack above runs as its instance starts. */
  private void startIfDeployed() {
    repositoryService.createProcessDefinitionQuery().processDefinitionKey(KEY).list().forEach(definition -> {
      try {
        runtimeService.startProcessInstanceById(definition.getId());
      } catch (RuntimeException failed) {
        // an attack that fails at run time still had its chance
      }
    });
  }

  @Test
  void aDecisionTableInAScriptLanguageIsRefused() {
    String dmn = "<?xml version='1.0' encoding='UTF-8'?><definitions xmlns='https://www.omg.org/spec/DMN/20191111/MODEL/' "
        + "id='Definitions_Attack' name='Attack' namespace='http://rootfix.io/dmn'><decision id='attack' name='Attack'>"
        + "<decisionTable id='Table'><input id='Input'><inputExpression id='Input_Evil' typeRef='string' "
        + "expressionLanguage='juel'><text>" + xml(shell("dmn")) + "</text></inputExpression></input>"
        + "<output id='Output' name='out' typeRef='string'/></decisionTable></decision></definitions>";

    ResponseEntity<Map> response = deployFromModeler("attack.dmn", dmn);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) response.getBody().get("message")).contains("Input_Evil", "juel");
    assertThat(repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey("attack").count()).isZero();
  }

  /** Without the deployment check: an expression built in the running engine and evaluated on a real execution. */
  @Test
  void theEnginesExpressionManagerReachesNoReflectionAndNoServices() {
    String id = repositoryService.createDeployment().name("harmless").addModelInstance("harmless.bpmn",
        Bpmn.createExecutableProcess("harmless").camundaHistoryTimeToLive(1).startEvent().userTask("Task_Wait")
            .endEvent().done()).deploy().getId();
    ProcessInstance instance = runtimeService.startProcessInstanceByKey("harmless", Map.of("owner", "sam"));
    try {
      for (String attack : List.of(shell("unchecked"), MAKE_ADMIN, "${execution.processEngineServices}",
          "${identityService.createMembership(\"owen\", \"camunda-admin\")}", "${owner.getClass()}")) {
        Expression expression = engine.getExpressionManager().createExpression(attack);
        assertThatThrownBy(() -> engine.getCommandExecutorTxRequired().execute(context ->
            expression.getValue(context.getExecutionManager().findExecutionById(instance.getId()))))
            .as(attack).isNotNull();
      }
      Object owner = engine.getCommandExecutorTxRequired().execute(context -> engine.getExpressionManager()
          .createExpression("${owner}").getValue(context.getExecutionManager().findExecutionById(instance.getId())));
      assertThat(owner).isEqualTo("sam");
      assertThat(marker("unchecked")).doesNotExist();
    } finally {
      repositoryService.deleteDeployment(id, true);
    }
  }

  /** Were a script deployed, the engine would find no script engine to run it: JUEL's calls any method. */
  @Test
  void theEngineHasNoScriptEngine() {
    for (String language : List.of("juel", "groovy", "javascript", "python")) {
      assertThatThrownBy(() -> engine.getCommandExecutorTxRequired().execute(context ->
          engine.getScriptingEngines().getScriptEngineForLanguage(language)))
          .as(language).hasMessageContaining("runs no scripts");
    }
  }

  private static String process(String activity) {
    return "<?xml version='1.0' encoding='UTF-8'?><bpmn:definitions xmlns:bpmn='http://www.omg.org/spec/BPMN/20100524/MODEL' "
        + "xmlns:camunda='http://camunda.org/schema/1.0/bpmn' xmlns:xsi='http://www.w3.org/2001/XMLSchema-instance' "
        + "id='Definitions_Attack' targetNamespace='http://rootfix.io/attack'>"
        + "<bpmn:process id='" + KEY + "' name='Attack' isExecutable='true' camunda:historyTimeToLive='1'>"
        + "<bpmn:startEvent id='Start'/>" + activity.replaceFirst("/?>", " name='Step'$0")
        + "<bpmn:endEvent id='End'/>"
        + "<bpmn:sequenceFlow id='Flow_1' sourceRef='Start' targetRef='" + idOf(activity) + "'/>"
        + "<bpmn:sequenceFlow id='Flow_2' sourceRef='" + idOf(activity) + "' targetRef='End'/>"
        + "</bpmn:process></bpmn:definitions>";
  }

  private static String idOf(String activity) {
    return activity.replaceFirst("(?s).*?id='([^']+)'.*", "$1");
  }

  private ResponseEntity<Map> deployFromModeler(String fileName, String model) {
    return deployFromModeler(OWNER, KEY, fileName, model);
  }
}
