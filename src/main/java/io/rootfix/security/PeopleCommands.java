package io.rootfix.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rootfix.form.CamundaForm;
import io.rootfix.form.DeployedForms;
import io.rootfix.form.FormCheck;
import io.rootfix.security.ProcessGuard.Person;
import io.rootfix.web.InvalidInputException;
import java.lang.reflect.Field;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.form.StartFormData;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.batch.RestartProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRemoveVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AddGroupIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.AddUserIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteExternalTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CreateTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DelegateTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeployCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessInstancesCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.EvaluateStartConditionCmd;
import org.camunda.bpm.engine.impl.cmd.ExecuteJobsCmd;
import org.camunda.bpm.engine.impl.cmd.FetchExternalTasksCmd;
import org.camunda.bpm.engine.impl.cmd.GetStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.HandleExternalTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceAsyncCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.ProcessInstanceModificationBatchCmd;
import org.camunda.bpm.engine.impl.cmd.ProcessInstanceModificationCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.RestartProcessInstancesCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobDuedateCmd;
import org.camunda.bpm.engine.impl.cmd.SetProcessDefinitionVersionCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskOwnerCmd;
import org.camunda.bpm.engine.impl.cmd.SignalCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.batch.CorrelateAllMessageBatchCmd;
import org.camunda.bpm.engine.impl.cmd.batch.DeleteProcessInstanceBatchCmd;
import org.camunda.bpm.engine.impl.cmd.batch.variables.SetVariablesToProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.cmmn.cmd.CaseExecutionVariableCmd;
import org.camunda.bpm.engine.impl.form.handler.TaskFormHandler;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.migration.AbstractMigrationCmd;
import org.camunda.bpm.engine.impl.migration.MigrationPlanExecutionBuilderImpl;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.repository.DeploymentBuilderImpl;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.util.ReflectionUtils;

/**
 * What a signed-in person may ask of the engine, beyond what Camunda's authorisations already refuse. Checked by
 * {@link ProcessGuard} inside the command. Commands not named here (queries, forms to read, filters, comments,
 * deployments, migration, suspension, job retries, users and groups) are left to the authorisations, except that a
 * deployment has no tenant (Rootfix serves one organisation and the engine's tenant check is off).
 *
 * <ul>
 *   <li>Complete a task: only one that is unassigned or assigned to you, and only with the fields of its form,
 *       each as the form defines it ({@link FormCheck}); never one the model marks as ended by the process
 *       ({@value #COMPLETION} = {@value #BY_THE_PROCESS}: a wait shown as a task, such as "Wait for the root
 *       cause's fix").
 *   <li>Start a process: only one with a start form (the phone intake), at its start event, with the fields of
 *       that form and no business key (the tracking number is Rootfix's to give).
 *   <li>Claim, take or release a task: agents for themselves and only while nobody else has it; team leads and
 *       admins assign anyone, change owners and candidates, due dates and priorities.
 *   <li>Never, for anyone: set or remove variables, correlate a message or a signal, start at an activity,
 *       restart, delegate or resolve a task, throw a BPMN error or escalation from a task, work external tasks.
 *   <li>Admins only (break-glass, in the operation log): modify or delete a running instance, change its
 *       version, execute a job or move its due date, create or delete a stand-alone task.
 * </ul>
 */
@Component
class PeopleCommands {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The complaint's queue variable (ComplaintProcess.Var.QUEUE; the security module does not see the complaint's). */
  static final String QUEUE = "queue";

  /** A user task's extension property: who ends it. {@value #BY_THE_PROCESS}: only its boundary events. */
  static final String COMPLETION = "completion";
  static final String BY_THE_PROCESS = "by-the-process";

  private final DeployedForms forms = new DeployedForms();
  private final ObjectProvider<Clock> clock;

  PeopleCommands(ObjectProvider<Clock> clock) {
    this.clock = clock;
  }

  void check(Command<?> command, Person person, CommandContext context) {
    // ResolveTaskCmd is a CompleteTaskCmd: refused before completions are looked at.
    if (command instanceof StartProcessInstanceAtActivitiesCmd) {
      throw refused("a process starts only at its start event");
    } else if (command instanceof AbstractSetVariableCmd || command instanceof AbstractRemoveVariableCmd
        || command instanceof AbstractPatchVariablesCmd || command instanceof SetVariablesToProcessInstancesBatchCmd
        || command instanceof CaseExecutionVariableCmd) {
      throw refused("variables change only by completing a task through its form");
    } else if (command instanceof AbstractCorrelateMessageCmd || command instanceof CorrelateAllMessageBatchCmd
        || command instanceof MessageEventReceivedCmd || command instanceof SignalEventReceivedCmd
        || command instanceof SignalCmd || command instanceof EvaluateStartConditionCmd) {
      throw refused("messages and signals come from the customer's channels and from Rootfix itself, not by hand");
    } else if (command instanceof RestartProcessInstancesCmd || command instanceof RestartProcessInstancesBatchCmd
        || command instanceof DelegateTaskCmd || command instanceof ResolveTaskCmd
        || command instanceof HandleTaskBpmnErrorCmd || command instanceof HandleTaskEscalationCmd
        || command instanceof FetchExternalTasksCmd || command instanceof CompleteExternalTaskCmd
        || command instanceof HandleExternalTaskBpmnErrorCmd) {
      throw refused("only the process moves a complaint: complete the task through its form");
    } else if (command instanceof ModifyProcessInstanceCmd || command instanceof ModifyProcessInstanceAsyncCmd
        || command instanceof ProcessInstanceModificationCmd || command instanceof ProcessInstanceModificationBatchCmd
        || command instanceof DeleteProcessInstanceCmd || command instanceof DeleteProcessInstancesCmd
        || command instanceof DeleteProcessInstanceBatchCmd || command instanceof SetProcessDefinitionVersionCmd
        || command instanceof ExecuteJobsCmd || command instanceof SetJobDuedateCmd
        || command instanceof CreateTaskCmd || command instanceof DeleteTaskCmd) {
      requireAdmin(person, "only an admin moves, deletes or hurries a running process (break-glass)");
    } else if (command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd) {
      completion(command, person, context);
    } else if (command instanceof StartProcessInstanceCmd start) {
      ProcessInstantiationBuilderImpl builder = field(start, "instantiationBuilder");
      ProcessDefinitionEntity definition = builder.getProcessDefinitionId() != null
          ? context.getProcessEngineConfiguration().getDeploymentCache()
              .findDeployedProcessDefinitionById(builder.getProcessDefinitionId())
          : context.getProcessEngineConfiguration().getDeploymentCache()
              .findDeployedLatestProcessDefinitionByKey(builder.getProcessDefinitionKey());
      start(definition, builder.getBusinessKey(), builder.getVariables(), context);
    } else if (command instanceof SubmitStartFormCmd start) {
      ProcessDefinitionEntity definition = context.getProcessEngineConfiguration().getDeploymentCache()
          .findDeployedProcessDefinitionById(field(start, "processDefinitionId"));
      start(definition, field(start, "businessKey"), field(start, "variables"), context);
    } else if (command instanceof ClaimTaskCmd claim) {
      // Claiming for nobody is releasing: the same rule as giving a task back.
      assignment(task(context, field(claim, "taskId")), field(claim, "userId"), person);
    } else if (command instanceof AssignTaskCmd assign) {
      assignment(task(context, field(assign, "taskId")), field(assign, "userId"), person);
    } else if (command instanceof SetTaskOwnerCmd || command instanceof AddUserIdentityLinkCmd
        || command instanceof AddGroupIdentityLinkCmd || command instanceof DeleteIdentityLinkCmd) {
      if (!person.assignsWork()) {
        throw refused("a team lead decides who works on a task");
      }
    } else if (command instanceof SaveTaskCmd save) {
      taskUpdate(field(save, "task"), person, context);
    } else if (command instanceof DeployCmd deploy) {
      DeploymentBuilderImpl builder = field(deploy, "deploymentBuilder");
      if (builder.getDeployment().getTenantId() != null) {
        // The engine's tenant check is off (application.yaml): a tenant's models would be everyone's.
        throw refused("Rootfix serves one organisation: deploy models without a tenant");
      }
    } else if (command instanceof AbstractMigrationCmd migration) {
      MigrationPlanExecutionBuilderImpl execution = field(migration, "executionBuilder");
      migrationVariables(execution.getMigrationPlan(), context);
    }
  }

  /**
   * A migration plan may set variables on every complaint it moves: that would be a way around the forms. It may set
   * one, the queue (ComplaintProcess's {@code queue}) that complaints received before queues lack, to the whole team
   * or a queue that is set up (a migrated complaint skips Route to a queue and its check, so a queue nobody is in
   * would offer its tasks to nobody); nothing else.
   */
  private static void migrationVariables(MigrationPlan plan, CommandContext context) {
    VariableMap variables = plan == null ? null : plan.getVariables();
    if (variables == null) {
      return;
    }
    for (String name : variables.keySet()) {
      if (!(QUEUE.equals(name) && variables.get(name) instanceof String queue
          && (Groups.SERVICE_AGENTS.equals(queue) || Groups.isQueue(queue)))) {
        throw refused("a migration sets no variable but a complaint's queue (\"queue\": service-agents or a group "
            + Groups.QUEUE_PREFIX + "…); every other value is decided through the complaint's forms");
      }
      if (Groups.isQueue(queue) && !hasMembers(queue, context)) {
        throw new BadUserRequestException("Rootfix: queue '" + queue + "' is not set up (no such group, or nobody in "
            + "it): the migrated complaints would be offered to nobody. Create the group and its members first.");
      }
    }
  }

  private void completion(Command<?> command, Person person, CommandContext context) {
    TaskEntity task = task(context, field(command, "taskId"));
    if (task == null) {
      return; // the engine answers that there is no such task
    }
    // Whether the person may work on the task at all is the engine's to say, and said first.
    context.getProcessEngineConfiguration().getCommandCheckers().forEach(checker -> checker.checkTaskWork(task));
    if (endsByTheProcess(task, context)) {
      throw refused("this task shows a wait and ends by itself when what it waits for happens; there is nothing "
          + "to complete");
    }
    if (task.getAssignee() != null && !task.getAssignee().equals(person.userId())) {
      throw refused("this task is assigned to " + task.getAssignee() + "; claim it first (a team lead may reassign it)");
    }
    Map<String, Object> submitted = command instanceof SubmitTaskFormCmd
        ? field(command, "properties") : field(command, "variables");
    task.initializeFormKey();
    CamundaFormRef ref = task.getCamundaFormRef();
    CamundaForm form = ref == null ? null : forms.of(ref, task.getProcessDefinition().getDeploymentId(), context);
    checkAgainst(form, submitted, valuesKey -> offered(offeredOn(task, valuesKey)));
  }

  private void start(ProcessDefinitionEntity definition, String businessKey, Map<String, Object> variables,
      CommandContext context) {
    if (definition == null) {
      return; // the engine answers that there is no such process
    }
    context.getProcessEngineConfiguration().getCommandCheckers()
        .forEach(checker -> checker.checkCreateProcessInstance(definition));
    StartFormData startForm = context.runWithoutAuthorization(() -> new GetStartFormCmd(definition.getId()).execute(context));
    CamundaFormRef ref = startForm == null ? null : startForm.getCamundaFormRef();
    if (ref == null) {
      throw refused("Rootfix starts the " + definition.getKey() + " process itself; people start only a complaint, "
          + "with its start form");
    }
    if (businessKey != null && !businessKey.isBlank()) {
      throw InvalidInputException.of("businessKey", "is the tracking number, which Rootfix gives");
    }
    checkAgainst(forms.of(ref, definition.getDeploymentId(), context), variables, valuesKey -> null);
  }

  private void checkAgainst(CamundaForm form, Map<String, Object> submitted,
      Function<String, List<String>> offered) {
    VariableMap values = Variables.fromMap(submitted == null ? Map.of() : submitted);
    if (form == null) {
      if (!values.isEmpty()) {
        throw InvalidInputException.of(values.keySet().iterator().next(), "this step has no form to fill in");
      }
      return;
    }
    Map<String, String> errors = FormCheck.check(form, values, offered, LocalDate.now(clock.getObject()));
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
  }

  /**
   * Agents take an unassigned task for themselves (one offered to a queue only if they are in it) or give back their
   * own; team leads assign anyone.
   */
  private static void assignment(TaskEntity task, String newAssignee, Person person) {
    if (person.assignsWork() || task == null) {
      return;
    }
    String current = task.getAssignee();
    boolean takesFree = current == null && person.userId().equals(newAssignee);
    boolean givesBackOwn = person.userId().equals(current) && newAssignee == null;
    if (!takesFree && !givesBackOwn && !Objects.equals(current, newAssignee)) {
      throw refused(current != null && !current.equals(person.userId())
          ? "this task is " + current + "'s; a team lead may reassign it"
          : "you take a task for yourself; a team lead assigns it to someone else");
    }
    if (takesFree) {
      // The engine refuses it too (no TASK_WORK), but in permission names; the agent needs to know why.
      List<String> queues = task.getIdentityLinks().stream()
          .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && Groups.isQueue(link.getGroupId()))
          .map(IdentityLinkEntity::getGroupId).toList();
      if (!queues.isEmpty() && queues.stream().noneMatch(person.groups()::contains)) {
        throw refused("this complaint is in the queue " + String.join(", ", queues)
            + ", which you are not in; a team lead may assign it to you");
      }
    }
  }

  /** A task's fields: its follow-up date is anyone's reminder; the rest is for team leads, new tasks for admins. */
  private static void taskUpdate(TaskEntity changed, Person person, CommandContext context) {
    TaskEntity stored = changed == null || changed.getId() == null ? null : task(context, changed.getId());
    if (stored == null) {
      requireAdmin(person, "tasks come from the process; only an admin creates one by hand");
      return;
    }
    assignment(stored, changed.getAssignee(), person);
    boolean onlyReminder = Objects.equals(stored.getName(), changed.getName())
        && Objects.equals(stored.getDescription(), changed.getDescription())
        && Objects.equals(stored.getDueDate(), changed.getDueDate())
        && stored.getPriority() == changed.getPriority()
        && Objects.equals(stored.getOwner(), changed.getOwner())
        && Objects.equals(stored.getParentTaskId(), changed.getParentTaskId())
        && Objects.equals(stored.getCaseInstanceId(), changed.getCaseInstanceId())
        && Objects.equals(stored.getTenantId(), changed.getTenantId());
    if (!onlyReminder && !person.assignsWork()) {
      throw refused("a task's name, due date, priority and owner come from the process; a team lead may change them");
    }
  }

  /** Whether the task's model element says only the process ends it ({@value #COMPLETION} property). */
  private static boolean endsByTheProcess(TaskEntity task, CommandContext context) {
    if (task.getProcessDefinitionId() == null) {
      return false; // a stand-alone task has no model
    }
    BpmnModelInstance model = context.getProcessEngineConfiguration().getDeploymentCache()
        .findBpmnModelInstanceForProcessDefinition(task.getProcessDefinitionId());
    if (model == null || !(model.getModelElementById(task.getTaskDefinitionKey()) instanceof BaseElement element)
        || element.getExtensionElements() == null) {
      return false;
    }
    return element.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list().stream()
        .flatMap(properties -> properties.getCamundaProperties().stream())
        .anyMatch(property -> COMPLETION.equals(property.getCamundaName())
            && BY_THE_PROCESS.equals(property.getCamundaValue()));
  }

  /**
   * The options a task's form offers under a key: a value the form shows (read now, as Tasklist read it when it
   * opened the form; ShownOnForms), else a variable of the task (stored by a model deployed before that).
   */
  private static Object offeredOn(TaskEntity task, String valuesKey) {
    TaskFormHandler handler = task.getTaskDefinition() == null ? null : task.getTaskDefinition().getTaskFormHandler();
    if (handler != null) {
      for (org.camunda.bpm.engine.form.FormField field : handler.createTaskForm(task).getFormFields()) {
        TypedValue shown = valuesKey.equals(field.getId()) ? field.getValue() : null;
        if (shown != null) {
          return shown instanceof SerializableValue serializable && serializable.getValueSerialized() != null
              ? serializable.getValueSerialized() : shown.getValue();
        }
      }
    }
    return task.getVariable(valuesKey);
  }

  /** The values of a select whose options the process offers (shown or stored): a JSON list of {label, value}. */
  private static List<String> offered(Object options) {
    if (options == null) {
      return null;
    }
    try {
      List<String> values = new ArrayList<>();
      for (JsonNode option : JSON.readTree(options.toString())) {
        values.add(option.path("value").asText());
      }
      return values;
    } catch (Exception e) {
      return null;
    }
  }

  private static TaskEntity task(CommandContext context, String taskId) {
    return taskId == null ? null : context.getTaskManager().findTaskById(taskId);
  }

  private static void requireAdmin(Person person, String why) {
    if (!person.isAdmin()) {
      throw refused(why);
    }
  }

  /** Whether anyone is in the group, whoever asks (a process owner need not be allowed to read users). */
  private static boolean hasMembers(String group, CommandContext context) {
    boolean checking = context.isAuthorizationCheckEnabled();
    context.disableAuthorizationCheck();
    try {
      return context.getReadOnlyIdentityProvider().createUserQuery(context).memberOfGroup(group).count() > 0;
    } finally {
      if (checking) {
        context.enableAuthorizationCheck();
      }
    }
  }

  private static AuthorizationException refused(String why) {
    return new AuthorizationException("Rootfix: " + why + ".");
  }

  /** The engine's command objects keep what they were asked in protected fields; read, never written. */
  @SuppressWarnings("unchecked")
  private static <T> T field(Object command, String name) {
    Field field = ReflectionUtils.findField(command.getClass(), name);
    if (field == null) {
      throw new IllegalStateException(command.getClass().getName() + " has no field " + name
          + ": check ProcessGuard against this Camunda version");
    }
    ReflectionUtils.makeAccessible(field);
    return (T) ReflectionUtils.getField(field, command);
  }
}
