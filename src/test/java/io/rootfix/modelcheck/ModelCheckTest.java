package io.rootfix.modelcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.engine.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One bad model per rule of {@link ModelCheck}, each refused with a message naming the element, and the
 * grammar's own examples accepted. Rootfix's real models go through the check in {@link RootfixModelsTest}.
 */
class ModelCheckTest {

  static final String RCE = "${execution.getClass().forName(\"java.lang.Runtime\").getMethod(\"getRuntime\")"
      + ".invoke(null).exec(\"touch /tmp/x\")}";
  static final String ADMIN = "${execution.getProcessEngineServices().getIdentityService()"
      + ".createMembership(\"owen\", \"camunda-admin\")}";

  private final ModelCheck check = new ModelCheck(Set.of("payRefund", "recordTaskOutcome")::contains);

  static Stream<Arguments> refused() {
    return Stream.of(
        bpmn("a script task", "Task_Script",
            "<bpmn:scriptTask id='Task_Script' scriptFormat='groovy'><bpmn:script>1</bpmn:script></bpmn:scriptTask>"),
        bpmn("a JUEL script task", "Task_Juel",
            "<bpmn:scriptTask id='Task_Juel' scriptFormat='juel'><bpmn:script>" + xml(RCE) + "</bpmn:script></bpmn:scriptTask>"),
        bpmn("an execution listener script", "Task_Listened", serviceTask("Task_Listened", "camunda:delegateExpression='${payRefund}'",
            "<camunda:executionListener event='start'><camunda:script scriptFormat='javascript'>1</camunda:script></camunda:executionListener>")),
        bpmn("a task listener script", "Task_User",
            "<bpmn:userTask id='Task_User'><bpmn:extensionElements><camunda:taskListener event='create'>"
                + "<camunda:script scriptFormat='groovy'>1</camunda:script></camunda:taskListener></bpmn:extensionElements></bpmn:userTask>"),
        bpmn("an input parameter script", "Task_Input", serviceTask("Task_Input", "camunda:delegateExpression='${payRefund}'",
            "<camunda:inputOutput><camunda:inputParameter name='x'><camunda:script scriptFormat='groovy'>1</camunda:script>"
                + "</camunda:inputParameter></camunda:inputOutput>")),
        bpmn("an output parameter script", "Task_Output", serviceTask("Task_Output", "camunda:delegateExpression='${payRefund}'",
            "<camunda:inputOutput><camunda:outputParameter name='x'><camunda:script scriptFormat='groovy'>1</camunda:script>"
                + "</camunda:outputParameter></camunda:inputOutput>")),
        bpmn("a condition in a script language", "Flow_Script",
            "<bpmn:sequenceFlow id='Flow_Script' sourceRef='a' targetRef='b'><bpmn:conditionExpression "
                + "xsi:type='bpmn:tFormalExpression' language='javascript'>true</bpmn:conditionExpression></bpmn:sequenceFlow>"),
        bpmn("a condition from an external resource", "Flow_Resource",
            "<bpmn:sequenceFlow id='Flow_Resource' sourceRef='a' targetRef='b'><bpmn:conditionExpression "
                + "xsi:type='bpmn:tFormalExpression' camunda:resource='deployment://evil.groovy'/></bpmn:sequenceFlow>"),
        bpmn("a Java class on a service task", "Task_Class", serviceTask("Task_Class", "camunda:class='java.lang.Runtime'", "")),
        bpmn("a Java class on a listener", "Task_ClassListener", serviceTask("Task_ClassListener",
            "camunda:delegateExpression='${payRefund}'", "<camunda:executionListener event='end' class='com.evil.Listener'/>")),
        bpmn("a Java class in the activiti namespace", "Task_Activiti", serviceTask("Task_Activiti", "activiti:class='com.evil.Delegate'", "")),
        bpmn("a delegate expression calling methods", "Task_Delegate", serviceTask("Task_Delegate", "camunda:delegateExpression='" + xml(RCE) + "'", "")),
        bpmn("a delegate expression naming no delegate bean", "Task_NoBean", serviceTask("Task_NoBean", "camunda:delegateExpression='${identityService}'", "")),
        bpmn("an expression on a service task", "Task_Expression", serviceTask("Task_Expression", "camunda:expression='" + xml(ADMIN) + "'", "")),
        bpmn("a variable mapping class", "Call_Class",
            "<bpmn:callActivity id='Call_Class' calledElement='x' camunda:variableMappingClass='com.evil.Mapping'/>"),
        bpmn("a variable mapping expression calling methods", "Call_Expression",
            "<bpmn:callActivity id='Call_Expression' calledElement='x' camunda:variableMappingDelegateExpression='" + xml(RCE) + "'/>"),
        bpmn("a connector", "Task_Connector", serviceTask("Task_Connector", "",
            "<camunda:connector><camunda:connectorId>http-connector</camunda:connectorId></camunda:connector>")),
        bpmn("code in a timer", "Timer_Evil",
            "<bpmn:intermediateCatchEvent id='Timer_Evil'><bpmn:timerEventDefinition><bpmn:timeDate "
                + "xsi:type='bpmn:tFormalExpression'>" + xml(RCE) + "</bpmn:timeDate></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>"),
        bpmn("code in an assignee", "Task_Assignee", "<bpmn:userTask id='Task_Assignee' camunda:assignee='" + xml(ADMIN) + "'/>"),
        bpmn("code in candidate groups", "Task_Groups", "<bpmn:userTask id='Task_Groups' camunda:candidateGroups='a,${execution.getId()}'/>"),
        bpmn("code in a condition", "Flow_Code",
            "<bpmn:sequenceFlow id='Flow_Code' sourceRef='a' targetRef='b'><bpmn:conditionExpression "
                + "xsi:type='bpmn:tFormalExpression'>" + xml(RCE) + "</bpmn:conditionExpression></bpmn:sequenceFlow>"),
        bpmn("code in an input mapping", "Task_Mapping", serviceTask("Task_Mapping", "camunda:delegateExpression='${payRefund}'",
            "<camunda:inputOutput><camunda:inputParameter name='x'>" + xml(ADMIN) + "</camunda:inputParameter></camunda:inputOutput>")),
        bpmn("code in an injected field", "Task_Field", serviceTask("Task_Field", "camunda:delegateExpression='${payRefund}'",
            "<camunda:field name='x'><camunda:expression>" + xml(RCE) + "</camunda:expression></camunda:field>")),
        bpmn("a deferred expression", "Task_Deferred", "<bpmn:userTask id='Task_Deferred' camunda:assignee='#{execution.getClass()}'/>"),
        bpmn("an engine object's property", "Task_Property",
            "<bpmn:userTask id='Task_Property' camunda:assignee='${execution.processEngineServices}'/>"),
        bpmn("the engine's execution alone", "Task_Execution", "<bpmn:userTask id='Task_Execution' camunda:assignee='${execution}'/>"),
        bpmn("a variable's property", "Task_VariableProperty", "<bpmn:userTask id='Task_VariableProperty' camunda:assignee='${customer.name}'/>"),
        bpmn("a bracketed class lookup", "Task_Bracket", "<bpmn:userTask id='Task_Bracket' camunda:assignee='${owner[\"class\"]}'/>"),
        bpmn("a delegate bean as a variable", "Flow_Bean",
            "<bpmn:sequenceFlow id='Flow_Bean' sourceRef='a' targetRef='b'><bpmn:conditionExpression "
                + "xsi:type='bpmn:tFormalExpression'>${payRefund == null}</bpmn:conditionExpression></bpmn:sequenceFlow>"),
        bpmn("arithmetic", "Task_Arithmetic", "<bpmn:userTask id='Task_Arithmetic' camunda:priority='${severity * 10}'/>"),
        bpmn("a function", "Timer_Function",
            "<bpmn:intermediateCatchEvent id='Timer_Function'><bpmn:timerEventDefinition><bpmn:timeDate "
                + "xsi:type='bpmn:tFormalExpression'>${dateTime()}</bpmn:timeDate></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>"),
        bpmn("a decision result outside a business rule task", "Task_NoDecision", serviceTask("Task_NoDecision",
            "camunda:delegateExpression='${payRefund}'", "<camunda:inputOutput><camunda:outputParameter name='x'>"
                + "${decisionResult[0].x}</camunda:outputParameter></camunda:inputOutput>")),
        bpmn("a decision result's method", "Task_DecisionMethod",
            "<bpmn:businessRuleTask id='Task_DecisionMethod' camunda:decisionRef='d'><bpmn:extensionElements><camunda:inputOutput>"
                + "<camunda:outputParameter name='x'>${decisionResult.getSingleResult().getClass()}</camunda:outputParameter>"
                + "</camunda:inputOutput></bpmn:extensionElements></bpmn:businessRuleTask>"),
        bpmn("a custom form field validator", "Field_Amount",
            "<bpmn:startEvent id='StartEvent_Form'><bpmn:extensionElements><camunda:formData><camunda:formField id='Field_Amount' type='string'>"
                + "<camunda:validation><camunda:constraint name='com.evil.Validator'/></camunda:validation></camunda:formField>"
                + "</camunda:formData></bpmn:extensionElements></bpmn:startEvent>"),
        bpmn("an embedded form with its scripts", "Task_Embedded",
            "<bpmn:userTask id='Task_Embedded' camunda:formKey='embedded:deployment:evil.html'/>"),
        bpmn("an expression that does not parse", "Task_Broken", "<bpmn:userTask id='Task_Broken' camunda:assignee='${owner ==}'/>"),
        dmn("a JavaScript input expression", "InputExpression_Evil",
            "<inputExpression id='InputExpression_Evil' typeRef='string' expressionLanguage='javascript'><text>1</text></inputExpression>", ""),
        dmn("a Groovy output entry", "Rule_Out", "<inputExpression id='In' typeRef='string'><text>x</text></inputExpression>",
            "<outputEntry id='Rule_Out' expressionLanguage='groovy'><text>1</text></outputEntry>"),
        dmn("a JUEL input entry", "Rule_In", "<inputExpression id='In' typeRef='string'><text>x</text></inputExpression>",
            "<inputEntry id='Rule_In' expressionLanguage='juel'><text>" + xml(RCE) + "</text></inputEntry>"),
        Arguments.of("a CMMN case model", "case.cmmn", "<definitions/>", "CMMN"),
        Arguments.of("a DOCTYPE (outside entities)", "xxe.bpmn",
            "<?xml version='1.0'?><!DOCTYPE d [<!ENTITY x SYSTEM 'file:///etc/passwd'>]><d>&x;</d>", "DOCTYPE"),
        Arguments.of("a form that is not JSON", "evil.form", "<script>alert(1)</script>", "not JSON"),
        Arguments.of("a form with a script component", "evil.form",
            "{\"components\":[{\"type\":\"script\",\"id\":\"Field_Script\",\"jsFunction\":\"return 1\"}]}", "Field_Script"),
        Arguments.of("a form with a script in its text", "evil.form",
            "{\"components\":[{\"type\":\"html\",\"id\":\"Text_Evil\",\"content\":\"<SCRIPT>fetch('/engine-rest')</SCRIPT>\"}]}",
            "Text_Evil"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refused")
  void refusedNamingTheElement(String rule, String resource, String content, String named) {
    List<Problem> problems = check.check(resource, content.getBytes(StandardCharsets.UTF_8));

    assertThat(problems).as(rule).isNotEmpty();
    assertThat(problems.get(0).getMessage()).as(rule).contains(named);
  }

  static Stream<Arguments> accepted() {
    return Stream.of(
        bpmnOk("a delegate bean", serviceTask("Task_Pay", "camunda:delegateExpression='${payRefund}'",
            "<camunda:taskListener event='complete' delegateExpression='${recordTaskOutcome}'/>")),
        bpmnOk("comparisons", "<bpmn:sequenceFlow id='Flow_Ok' sourceRef='a' targetRef='b'><bpmn:conditionExpression "
            + "xsi:type='bpmn:tFormalExpression'>${remedyType == 'REFUND' &amp;&amp; !approved || reopenCount &gt;= 2 "
            + "and not empty repeatOf or amount lt -1.5}</bpmn:conditionExpression></bpmn:sequenceFlow>"),
        bpmnOk("variables and a choice", "<bpmn:userTask id='Task_Ok' camunda:assignee='${drafter != null ? drafter : owner}' "
            + "camunda:dueDate='${answerDueDate}' camunda:candidateGroups='service-agents,${ownerGroup}' "
            + "camunda:formRef='patch-symptom' camunda:asyncBefore='true'/>"
            + "<bpmn:userTask id='Task_FormKey' camunda:formKey='camunda-forms:deployment:patch-symptom.form'/>"),
        bpmnOk("timers", "<bpmn:intermediateCatchEvent id='Timer_Ok'><bpmn:timerEventDefinition><bpmn:timeDate "
            + "xsi:type='bpmn:tFormalExpression'>${remindAt}</bpmn:timeDate></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>"
            + "<bpmn:boundaryEvent id='Timer_Cycle'><bpmn:timerEventDefinition><bpmn:timeCycle xsi:type='bpmn:tFormalExpression'>"
            + "R/P1D</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:boundaryEvent>"),
        bpmnOk("a decision's result", "<bpmn:businessRuleTask id='Task_Decide' camunda:decisionRef='d'><bpmn:extensionElements>"
            + "<camunda:inputOutput><camunda:outputParameter name='x'>${decisionResult[0].x}</camunda:outputParameter>"
            + "<camunda:outputParameter name='y'>${decisionResult[0][\"y\"]}</camunda:outputParameter>"
            + "</camunda:inputOutput></bpmn:extensionElements></bpmn:businessRuleTask>"),
        bpmnOk("documentation mentioning code", "<bpmn:userTask id='Task_Doc'><bpmn:documentation>Never write "
            + xml(RCE) + "</bpmn:documentation></bpmn:userTask>"),
        Arguments.of("FEEL in DMN", "ok.dmn", dmnXml("<inputExpression id='In' typeRef='string' expressionLanguage="
            + "'feel'><text>if x = null then 0 else x</text></inputExpression>", "")),
        Arguments.of("a Camunda Form", "ok.form", "{\"type\":\"default\",\"components\":[{\"type\":\"html\",\"id\":\"Text_Ok\","
            + "\"content\":\"<p>{{trackingNumber}}</p>\"},{\"type\":\"textfield\",\"key\":\"note\"}]}"),
        Arguments.of("another kind of resource", "template.txt", "${anything}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("accepted")
  void accepted(String what, String resource, String content) {
    assertThat(check.check(resource, content.getBytes(StandardCharsets.UTF_8))).as(what).isEmpty();
  }

  /**
   * A task's form may show only what Rootfix can show: a misspelt name is refused when the model is deployed, naming
   * the task and what it can show, not when an agent opens the form.
   */
  @Test
  void aFormShowsOnlyWhatRootfixCanShow() {
    ModelCheck withNames = new ModelCheck(name -> false, () -> Set.of("customerHistory", "closeReasons"));
    String task = "<bpmn:userTask id='Task_Confirm' name='Confirm'><bpmn:extensionElements><camunda:properties>"
        + "<camunda:property name='shows' value='%s'/></camunda:properties></bpmn:extensionElements></bpmn:userTask>";
    byte[] misspelt = bpmnXml(task.formatted("closeReasons, customerHistroy")).getBytes(StandardCharsets.UTF_8);
    byte[] known = bpmnXml(task.formatted(" customerHistory ,closeReasons")).getBytes(StandardCharsets.UTF_8);

    List<Problem> problems = withNames.check("owner.bpmn", misspelt);

    assertThat(problems).singleElement().satisfies(problem -> {
      assertThat(problem.getMainElementId()).isEqualTo("Task_Confirm");
      assertThat(problem.getMessage()).contains("Task_Confirm (Confirm)", "customerHistroy",
          "it can show closeReasons, customerHistory").doesNotContain("shows closeReasons");
    });
    assertThat(withNames.check("owner.bpmn", known)).isEmpty();
    assertThat(check.check("owner.bpmn", misspelt)).as("names unknown yet: left to the form").isEmpty();
  }

  private static Arguments bpmn(String rule, String element, String body) {
    return Arguments.of(rule, "evil.bpmn", bpmnXml(body), element);
  }

  private static Arguments bpmnOk(String what, String body) {
    return Arguments.of(what, "ok.bpmn", bpmnXml(body));
  }

  static String bpmnXml(String body) {
    return "<?xml version='1.0' encoding='UTF-8'?><bpmn:definitions xmlns:bpmn='http://www.omg.org/spec/BPMN/20100524/MODEL' "
        + "xmlns:camunda='http://camunda.org/schema/1.0/bpmn' xmlns:activiti='http://activiti.org/bpmn' "
        + "xmlns:xsi='http://www.w3.org/2001/XMLSchema-instance' id='Definitions_Test' targetNamespace='http://rootfix.io/test'>"
        + "<bpmn:process id='test' isExecutable='true'>" + body + "</bpmn:process></bpmn:definitions>";
  }

  private static String serviceTask(String id, String attributes, String extensions) {
    return "<bpmn:serviceTask id='" + id + "' name='Service' " + attributes + ">"
        + (extensions.isEmpty() ? "" : "<bpmn:extensionElements>" + extensions + "</bpmn:extensionElements>")
        + "</bpmn:serviceTask>";
  }

  private static Arguments dmn(String rule, String element, String inputExpression, String ruleEntries) {
    return Arguments.of(rule, "evil.dmn", dmnXml(inputExpression, ruleEntries), element);
  }

  private static String dmnXml(String inputExpression, String ruleEntries) {
    return "<?xml version='1.0' encoding='UTF-8'?><definitions xmlns='https://www.omg.org/spec/DMN/20191111/MODEL/' "
        + "id='Definitions_Test' name='Test' namespace='http://rootfix.io/dmn'><decision id='test' name='Test'>"
        + "<decisionTable id='Table'><input id='Input'>" + inputExpression + "</input>"
        + "<output id='Output' name='out' typeRef='string'/><rule id='Rule'>" + ruleEntries + "</rule>"
        + "</decisionTable></decision></definitions>";
  }

  /** An expression as an XML attribute or text holds it: quotes and ampersands escaped. */
  static String xml(String expression) {
    return expression.replace("&", "&amp;").replace("\"", "&quot;").replace("'", "&apos;").replace("<", "&lt;");
  }
}
