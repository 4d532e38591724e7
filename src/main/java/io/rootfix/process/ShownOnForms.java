package io.rootfix.process;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.form.FormField;
import org.camunda.bpm.engine.form.FormFieldValidationConstraint;
import org.camunda.bpm.engine.form.FormType;
import org.camunda.bpm.engine.form.TaskFormData;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseUtil;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.TaskFormDataImpl;
import org.camunda.bpm.engine.impl.form.handler.TaskFormHandler;
import org.camunda.bpm.engine.impl.form.type.StringFormType;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Gives every user task's form the {@link ShownOnForm} values it shows, read when the form's variables are asked
 * for (Tasklist does when it opens the form) and only then: the engine lists a task's form fields before its
 * variables, so each value is offered as a form field of the task's form. Nothing is written: the complaint does
 * not carry a copy of Rootfix's records in its variables, their history or its byte arrays, and a form shows what
 * the records say now, whatever changed since the task was created.
 *
 * <p>Installed as the models are parsed, on every user task of every model (a process owner's new task shows what
 * its model names, with no listener), around the form handler the engine made for the task.
 */
@Component
public class ShownOnForms extends AbstractProcessEnginePlugin implements SmartInitializingSingleton {

  /** The user task's extension property naming what its form shows besides the values shown everywhere. */
  public static final String SHOWS = "shows";

  // Resolved at the first form shown: the values read services that need the engine this plugin configures.
  private final ObjectProvider<ShownOnForm> values;
  private volatile Map<String, ShownOnForm> byName;
  private volatile boolean beansReady;

  ShownOnForms(ObjectProvider<ShownOnForm> values) {
    this.values = values;
  }

  @Override
  public void afterSingletonsInstantiated() {
    beansReady = true;
  }

  /**
   * The names a form can show, for the check of a new model (ModelCheck); null while the engine starts, before the
   * beans that show them exist.
   */
  public Set<String> namesOnceKnown() {
    return beansReady ? Set.copyOf(known().keySet()) : null;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ParseListeners.addLast(configuration, new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
          String processKey = activity.getProcessDefinition() instanceof ProcessDefinitionEntity definition
              ? definition.getKey() : null;
          TaskDefinition task = behavior.getTaskDefinition();
          task.setTaskFormHandler(new Showing(task.getTaskFormHandler(), processKey, activity.getId(),
              namesIn(BpmnParseUtil.parseCamundaExtensionProperties(userTaskElement))));
        }
      }
    });
  }

  /** The names in a task's {@value #SHOWS} property: "customerHistory" or "knownRootCauses, oneOffReasons". */
  static Set<String> namesIn(Map<String, String> extensionProperties) {
    String shows = extensionProperties == null ? null : extensionProperties.get(SHOWS);
    return shows == null ? Set.of() : Arrays.stream(shows.split(","))
        .map(String::trim).filter(name -> !name.isEmpty()).collect(Collectors.toCollection(TreeSet::new));
  }

  /** What a task of this process shows: the values shown everywhere in it, then those its model names. */
  List<ShownOnForm> on(String processKey, String taskKey, Set<String> named) {
    Map<String, ShownOnForm> known = known();
    List<ShownOnForm> shown = new ArrayList<>();
    known.values().stream().filter(value -> value.onEveryTaskOf().contains(processKey)).forEach(shown::add);
    for (String name : named) {
      ShownOnForm value = known.get(name);
      if (value == null) {
        throw new ProcessEngineException("The form of " + taskKey + " (model " + processKey + ") shows '" + name
            + "', which Rootfix cannot show; it can show " + String.join(", ", new TreeSet<>(known.keySet())));
      }
      if (!shown.contains(value)) {
        shown.add(value);
      }
    }
    return shown;
  }

  private Map<String, ShownOnForm> known() {
    Map<String, ShownOnForm> known = byName;
    if (known == null) {
      known = values.orderedStream().collect(Collectors.toMap(ShownOnForm::name, Function.identity(),
          (first, second) -> {
            throw new IllegalStateException("Two values are shown on forms as " + first.name());
          }, LinkedHashMap::new));
      byName = known;
    }
    return known;
  }

  /** The engine's form handler of one user task, with the values its form shows added as read-only fields. */
  private final class Showing implements TaskFormHandler {

    private final TaskFormHandler form;
    private final String processKey;
    private final String taskKey;
    private final Set<String> named;

    Showing(TaskFormHandler form, String processKey, String taskKey, Set<String> named) {
      this.form = form;
      this.processKey = processKey;
      this.taskKey = taskKey;
      this.named = named;
    }

    @Override
    public TaskFormData createTaskForm(TaskEntity task) {
      TaskFormData data = form.createTaskForm(task);
      List<ShownOnForm> shown = on(processKey, taskKey, named);
      if (shown.isEmpty()) {
        return data;
      }
      TaskFormDataImpl withShown = new TaskFormDataImpl();
      withShown.setTask(data.getTask());
      withShown.setFormKey(data.getFormKey());
      withShown.setCamundaFormRef(data.getCamundaFormRef());
      withShown.setDeploymentId(data.getDeploymentId());
      withShown.setFormProperties(data.getFormProperties());
      List<FormField> fields = new ArrayList<>(data.getFormFields());
      shown.forEach(value -> fields.add(new Shown(value, task)));
      withShown.setFormFields(fields);
      return withShown;
    }

    @Override
    public void parseConfiguration(Element activityElement, DeploymentEntity deployment,
        ProcessDefinitionEntity processDefinition, BpmnParse bpmnParse) {
      form.parseConfiguration(activityElement, deployment, processDefinition, bpmnParse);
    }

    @Override
    public void submitFormVariables(VariableMap properties, VariableScope variableScope) {
      form.submitFormVariables(properties, variableScope);
    }
  }

  /**
   * One shown value as a form field, read when its value is asked for (the engine asks while it lists the form's
   * variables; the form's key alone, which Tasklist reads first, does not read it) and once per listing.
   * Read without the person's authorisations: the engine has just checked that they may read this task's variables,
   * and what is shown is the task's own complaint or root cause (the full names of the people on it, for instance,
   * which an agent's own user query may not list).
   */
  private static final class Shown implements FormField {

    private static final FormType TEXT = new StringFormType();

    private final ShownOnForm value;
    private final TaskEntity task;
    private TypedValue read;
    private boolean isRead;

    Shown(ShownOnForm value, TaskEntity task) {
      this.value = value;
      this.task = task;
    }

    @Override
    public String getId() {
      return value.name();
    }

    @Override
    public String getLabel() {
      return value.name();
    }

    @Override
    public FormType getType() {
      return TEXT;
    }

    @Override
    public String getTypeName() {
      return TEXT.getName();
    }

    @Override
    public Object getDefaultValue() {
      return null;
    }

    @Override
    public TypedValue getValue() {
      if (!isRead) {
        read = Context.getCommandContext() == null ? value.valueFor(task)
            : Context.getCommandContext().runWithoutAuthorization(() -> value.valueFor(task));
        isRead = true;
      }
      return read;
    }

    @Override
    public List<FormFieldValidationConstraint> getValidationConstraints() {
      return List.of();
    }

    @Override
    public Map<String, String> getProperties() {
      return Map.of();
    }

    @Override
    public boolean isBusinessKey() {
      return false;
    }
  }
}
