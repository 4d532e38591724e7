package io.rootfix.modelcheck;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rootfix.modelcheck.ModelXml.Element;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ResourceReport;
import org.camunda.bpm.engine.impl.bpmn.deployer.BpmnDeployer;
import org.camunda.bpm.engine.impl.bpmn.parser.ResourceReportImpl;
import org.camunda.bpm.engine.impl.cmmn.deployer.CmmnDeployer;
import org.camunda.bpm.engine.impl.dmn.deployer.DecisionDefinitionDeployer;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;

/**
 * A model is data, not code: refuses a deployment whose BPMN, DMN or form could run code on the server, before
 * the engine parses it (it runs first among the deployers, for every new deployment: from Modeler over the REST
 * API and Rootfix's own at start-up). The refusal is a {@link ModelRefusedException}, which the engine REST API
 * answers 400 with a report per file, naming each element and its line (Camunda Modeler shows it).
 *
 * <p>Refused in BPMN: script tasks and scripts anywhere (listeners, input/output parameters, conditions with a
 * {@code language}), external resources, Java class names, connectors, custom form field validators, a
 * {@code delegateExpression} other than {@code ${delegateBean}}, embedded or external forms ({@code formKey}
 * other than a Camunda Form), and any other expression outside
 * {@link ExpressionGrammar}; a user task's {@code shows} property naming something Rootfix cannot show on a form
 * (docs/process-owners.md: What a form can show), which would only fail when an agent opens the form. In DMN: an expression language other than FEEL. CMMN is refused whole (Rootfix has
 * no case models, and they can name classes and scripts too). In forms: anything but a JSON object, and scripts.
 */
public final class ModelCheck implements Deployer {

  /** The form field constraints the engine knows; any other name is a validator class or bean. */
  private static final Set<String> BUILT_IN_CONSTRAINTS =
      Set.of("required", "readonly", "minlength", "maxlength", "min", "max");

  /** Text that the engine never evaluates. */
  private static final Set<String> NOT_EVALUATED = Set.of("documentation", "text", "script");

  private static final Set<String> FORM_COMPONENTS_WITH_CODE = Set.of("script", "iframe");

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ExpressionGrammar grammar;
  private final Supplier<Set<String>> shownOnForms;

  /** A check that leaves the names in {@code shows} properties alone. */
  public ModelCheck(Predicate<String> isDelegateBean) {
    this(isDelegateBean, () -> null);
  }

  /**
   * @param shownOnForms the names a form can show; null while they are not known yet (Rootfix's own models deploy
   *     while the engine starts, before the beans that show them exist: RootfixModelsTest checks those)
   */
  public ModelCheck(Predicate<String> isDelegateBean, Supplier<Set<String>> shownOnForms) {
    this.grammar = new ExpressionGrammar(isDelegateBean);
    this.shownOnForms = shownOnForms;
  }

  @Override
  public void deploy(DeploymentEntity deployment) {
    // Definitions of earlier deployments are read again into the cache after a restart: not checked again, so
    // instances on a version deployed before this check keep running.
    if (!deployment.isNew() || deployment.getResources() == null) {
      return;
    }
    List<ResourceReport> reports = new ArrayList<>();
    for (ResourceEntity resource : deployment.getResources().values()) {
      List<Problem> problems = check(resource.getName(), resource.getBytes());
      if (!problems.isEmpty()) {
        reports.add(new ResourceReportImpl(resource.getName(), problems, List.of()));
      }
    }
    if (!reports.isEmpty()) {
      throw new ModelRefusedException(reports);
    }
  }

  /** Why a resource may not be deployed; empty when it may. Resources of other kinds are not looked at. */
  public List<Problem> check(String resourceName, byte[] bytes) {
    List<Problem> problems = new ArrayList<>();
    if (endsWithAny(resourceName, CmmnDeployer.CMMN_RESOURCE_SUFFIXES)) {
      problems.add(new Refusal("is a CMMN case model: Rootfix deploys BPMN, DMN and forms only", 0, 0, null));
    } else if (endsWithAny(resourceName, BpmnDeployer.BPMN_RESOURCE_SUFFIXES)) {
      xml(bytes, problems).ifPresent(root -> bpmn(root, problems));
    } else if (endsWithAny(resourceName, DecisionDefinitionDeployer.DMN_RESOURCE_SUFFIXES)) {
      xml(bytes, problems).ifPresent(root -> dmn(root, problems));
    } else if (resourceName.endsWith(".form")) {
      form(bytes, problems);
    }
    return problems;
  }

  private static Optional<Element> xml(byte[] bytes, List<Problem> problems) {
    try {
      return Optional.of(ModelXml.parse(bytes));
    } catch (IOException e) {
      problems.add(new Refusal("cannot be read: " + e.getMessage(), 0, 0, null));
      return Optional.empty();
    }
  }

  private void bpmn(Element element, List<Problem> problems) {
    switch (element.name) {
      case "scriptTask" -> refuse(problems, element,
          "is a script task: a script runs code on the server; use a service task with a delegate bean");
      case "script" -> {
        if (!element.within("scriptTask")) {
          refuse(problems, element, "holds a script: a script runs code on the server; use a delegate bean");
        }
      }
      case "connector" -> refuse(problems, element, "uses a connector: call the outside world from a delegate bean");
      case "property" -> {
        if ("shows".equals(element.attribute("name")) && element.within("userTask")) {
          shows(element, problems);
        }
      }
      case "constraint" -> {
        String name = element.attribute("name");
        if (name == null || !BUILT_IN_CONSTRAINTS.contains(name)) {
          refuse(problems, element, "uses the form field validator '" + name + "': only required, readonly, "
              + "minlength, maxlength, min and max");
        }
      }
      default -> { }
    }
    for (Map.Entry<String, String> attribute : element.attributes) {
      bpmnAttribute(element, attribute.getKey(), attribute.getValue(), problems);
    }
    String text = element.text.toString();
    if (!NOT_EVALUATED.contains(element.name) && ExpressionGrammar.holdsExpression(text)) {
      boolean decisionOutput = (element.name.equals("outputParameter") || element.within("outputParameter"))
          && element.within("businessRuleTask");
      grammar.checkData(text.trim(), decisionOutput).ifPresent(reason -> refuse(problems, element, reason));
    }
    element.children.forEach(child -> bpmn(child, problems));
  }

  private void shows(Element property, List<Problem> problems) {
    Set<String> known = shownOnForms.get();
    String value = property.attribute("value");
    if (known == null || value == null) {
      return;
    }
    List<String> unknown = Arrays.stream(value.split(",")).map(String::trim)
        .filter(name -> !name.isEmpty() && !known.contains(name)).toList();
    if (!unknown.isEmpty()) {
      refuse(problems, property, "shows " + String.join(", ", unknown) + " on the form, which Rootfix cannot show;"
          + " it can show " + known.stream().sorted().collect(Collectors.joining(", ")));
    }
  }

  private void bpmnAttribute(Element element, String name, String value, List<Problem> problems) {
    switch (name) {
      case "class", "variableMappingClass" -> refuse(problems, element, "names the Java class '" + value
          + "' (" + name + "): refer to a Rootfix delegate bean instead, delegateExpression=\"${beanName}\"");
      case "resource" -> refuse(problems, element, "loads the external resource '" + value + "'");
      case "language", "scriptFormat" -> refuse(problems, element,
          "holds a script in " + value + ": a script runs code on the server; use a delegate bean or a comparison");
      case "formKey" -> {
        if (!value.startsWith("camunda-forms:")) {
          refuse(problems, element, "uses the form '" + value + "': an embedded or external form runs its own "
              + "scripts in Tasklist; use a Camunda Form (camunda:formRef)");
        }
      }
      case "delegateExpression", "variableMappingDelegateExpression" ->
          grammar.checkDelegateReference(value).ifPresent(reason -> refuse(problems, element, name + " " + reason));
      default -> {
        if (ExpressionGrammar.holdsExpression(value)) {
          grammar.checkData(value, false).ifPresent(reason -> refuse(problems, element, name + " " + reason));
        }
      }
    }
  }

  private static void dmn(Element element, List<Problem> problems) {
    String language = element.attribute("expressionLanguage");
    if (language != null && !isFeel(language)) {
      refuse(problems, element, "uses the expression language '" + language
          + "': Rootfix's decision tables are FEEL, which reads data and runs no code");
    }
    element.children.forEach(child -> dmn(child, problems));
  }

  /** "feel", or one of the FEEL namespaces of the DMN versions ({@code https://www.omg.org/spec/DMN/20191111/FEEL/}). */
  private static boolean isFeel(String language) {
    String normalised = language.trim().toLowerCase(Locale.ROOT);
    return normalised.equals("feel") || normalised.equals("feel-scala")
        || normalised.matches("https?://www\\.omg\\.org/spec/.*feel/?");
  }

  private static void form(byte[] bytes, List<Problem> problems) {
    JsonNode form;
    try {
      form = JSON.readTree(bytes);
    } catch (JsonProcessingException e) {
      problems.add(new Refusal("is not a Camunda Form: not JSON (" + e.getOriginalMessage() + ")", 0, 0, null));
      return;
    } catch (IOException e) {
      problems.add(new Refusal("cannot be read: " + e.getMessage(), 0, 0, null));
      return;
    }
    if (form == null || !form.isObject() || !form.path("components").isArray()) {
      problems.add(new Refusal("is not a Camunda Form: a JSON object with components", 0, 0, null));
      return;
    }
    formNode(form, form.path("id").asText(null), problems);
  }

  private static void formNode(JsonNode node, String component, List<Problem> problems) {
    if (node.isObject()) {
      String id = node.hasNonNull("id") ? node.get("id").asText() : component;
      String type = node.path("type").asText("");
      if (FORM_COMPONENTS_WITH_CODE.contains(type)) {
        problems.add(new Refusal("component " + id + " is of type '" + type + "', which runs or embeds code",
            0, 0, id));
      }
      node.fields().forEachRemaining(field -> formNode(field.getValue(), id, problems));
    } else if (node.isArray()) {
      node.forEach(item -> formNode(item, component, problems));
    } else if (node.isTextual()) {
      String text = node.asText().toLowerCase(Locale.ROOT);
      if (text.contains("<script") || text.contains("javascript:")) {
        problems.add(new Refusal("component " + component + " holds a script", 0, 0, component));
      }
    }
  }

  private static void refuse(List<Problem> problems, Element element, String reason) {
    problems.add(new Refusal(element.describe() + ": " + reason, element.line, element.column, element.nearestId()));
  }

  private static boolean endsWithAny(String name, String[] suffixes) {
    return Arrays.stream(suffixes).anyMatch(name::endsWith);
  }

  /** One reason for a refusal, where it is in the file, and the element it names. */
  record Refusal(String message, int line, int column, String mainElementId) implements Problem {

    @Override
    public String getMessage() {
      return message;
    }

    @Override
    public int getLine() {
      return line;
    }

    @Override
    public int getColumn() {
      return column;
    }

    @Override
    public String getMainElementId() {
      return mainElementId;
    }

    @Override
    public List<String> getElementIds() {
      return mainElementId == null ? List.of() : List.of(mainElementId);
    }
  }
}
