package io.rootfix.complaint;

import io.rootfix.notify.SendByHandProcess;
import io.rootfix.promise.PromiseProcess;
import io.rootfix.rootcause.RootCauseProcess;
import io.rootfix.security.Authorizations;
import io.rootfix.security.Groups;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Shared Tasklist filters for the people who work complaints, readable by their groups. Created once;
 * a filter a team changed in Tasklist is left as it is, unless Rootfix ships a new version of it
 * ({@link #VERSION}, kept in the filter's properties).
 */
@Component
class TasklistFilters {

  static final String MY_COMPLAINTS = "My complaints";
  static final String GROUP_TASKS = "Complaints for my groups";
  static final String ALL_OPEN = "All open complaint tasks";
  static final String DUE_SOONEST = "Due soonest";
  static final String AT_RISK_TODAY = "Promises at risk today";
  static final String BROKEN_PROMISES = "Broken promises";
  static final String WAITING_FOR_CUSTOMER = "Waiting for the customer";
  static final String MESSAGES_TO_SEND = "Messages to send by hand";
  static final String ROOT_CAUSES = "Root causes";
  static final String WAITING_FOR_FIX = "Waiting for a fix";

  /** Raise when a filter's query changes, so existing databases get the new one. */
  static final int VERSION = 9;
  private static final String VERSION_PROPERTY = "rootfixVersion";

  private static final List<Map<String, String>> COLUMNS = List.of(
      Map.of("name", ComplaintProcess.Var.TRACKING_NUMBER, "label", "Tracking number"),
      Map.of("name", ComplaintProcess.Var.CUSTOMER_NAME, "label", "Customer"),
      Map.of("name", ComplaintProcess.Var.CATEGORY, "label", "Category"),
      Map.of("name", ComplaintProcess.Var.AGREED_ANSWER_DATE, "label", "Answer promised by"),
      Map.of("name", ComplaintProcess.Var.REPEAT_CONTACTS, "label", "Customer came back"),
      Map.of("name", RootCauseProcess.Var.ROOT_CAUSE_TITLE, "label", "Root cause"));

  /** A waiting complaint's card: whose it is, which root cause it waits for and when that is due to be fixed. */
  private static final List<Map<String, String>> WAITING_COLUMNS = List.of(
      Map.of("name", ComplaintProcess.Var.TRACKING_NUMBER, "label", "Tracking number"),
      Map.of("name", ComplaintProcess.Var.CUSTOMER_NAME, "label", "Customer"),
      Map.of("name", ComplaintProcess.Var.ROOT_CAUSE_TITLE, "label", "Root cause"),
      Map.of("name", ComplaintProcess.Var.FIX_DUE_BY, "label", "Fix due by"),
      Map.of("name", ComplaintProcess.Var.ROOT_CAUSE_STATUS, "label", "Where it stands"));

  private final FilterService filterService;
  private final TaskService taskService;
  private final Authorizations authorizations;

  TasklistFilters(FilterService filterService, TaskService taskService, Authorizations authorizations) {
    this.filterService = filterService;
    this.taskService = taskService;
    this.authorizations = authorizations;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(3)
  void setUp() {
    // Candidate user, not candidate group: a four-eyes task is offered to the other team leads by name
    // (FourEyes), and the engine counts a user's groups in as well.
    Filter mine = ensure(MY_COMPLAINTS, -10, "#1f77b4", "Complaints you own: their next step waits for you.",
        taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
    Filter group = ensure(GROUP_TASKS, -5, "#2ca02c", "New complaints and unclaimed steps for your groups.",
        taskService.createTaskQuery().taskCandidateUserExpression("${currentUser()}"));
    // The complaint's tasks and those of the remedy it calls (Approve the remedy).
    Filter all = ensure(ALL_OPEN, 0, "#d62728", "Every open complaint task, assigned or not.",
        taskService.createTaskQuery().processDefinitionKeyIn(ComplaintProcess.KEY, ComplaintProcess.CALLED_REMEDY));
    Filter dueSoonest = ensure(DUE_SOONEST, -20, "#ff7f0e",
        "Every task of your groups, the nearest promise first.", ofMyGroups());
    Filter atRisk = ensure(AT_RISK_TODAY, -30, "#d62728",
        "Tasks whose promise to the customer falls due before the end of today: act now or renegotiate in time.",
        ofMyGroups().dueBeforeExpression("${dateTime().withTimeAtStartOfDay().plusDays(1).toDate()}"));
    Filter waiting = ensure(WAITING_FOR_CUSTOMER, 5, "#9467bd",
        "Complaints waiting for information from the customer; their answer date is paused.",
        ofMyGroups().taskDefinitionKey(ComplaintProcess.Element.AWAIT_CUSTOMER_INFORMATION));
    Filter broken = ensure(BROKEN_PROMISES, -40, "#8c564b",
        "Promises that passed their deadline unkept: apologise, agree what happens now, prevent a repeat.",
        ofMyGroups().taskDefinitionKey(PromiseProcess.Element.ESCALATE));
    Filter toSend = ensure(MESSAGES_TO_SEND, -25, "#17becf",
        "Calls, chat and social-media messages and letters the customer is owed: send them, then confirm.",
        ofMyGroups().processDefinitionKey(SendByHandProcess.KEY));
    Filter rootCauses = ensure(ROOT_CAUSES, 10, "#7f7f7f",
        "Root causes to investigate, fix fundamentally and verify; each form lists the complaints waiting for it.",
        ofMyGroups().processDefinitionKey(RootCauseProcess.KEY));
    Filter waitingForFix = ensure(WAITING_FOR_FIX, 7, "#bcbd22",
        "Complaints waiting for their root cause's fix, the nearest fix deadline first; each ends by itself when the "
            + "fix comes.", ofMyGroups().taskDefinitionKey(ComplaintProcess.Element.WAIT_FOR_FIX), WAITING_COLUMNS);
    for (String agentGroup : List.of(Groups.SERVICE_AGENTS, Groups.TEAM_LEADS)) {
      for (Filter filter : List.of(mine, group, dueSoonest, atRisk, waiting, waitingForFix, toSend, rootCauses)) {
        authorizations.grant(agentGroup, Resources.FILTER, filter.getId(), Permissions.READ);
      }
    }
    authorizations.grant(Groups.TEAM_LEADS, Resources.FILTER, all.getId(), Permissions.READ);
    authorizations.grant(Groups.TEAM_LEADS, Resources.FILTER, broken.getId(), Permissions.READ);
  }

  /** Tasks offered to the user or to their groups, claimed or not. */
  private TaskQuery ofMyGroups() {
    return taskService.createTaskQuery().taskCandidateUserExpression("${currentUser()}").includeAssignedTasks();
  }

  private Filter ensure(String name, int priority, String color, String description, TaskQuery query) {
    return ensure(name, priority, color, description, query, COLUMNS);
  }

  private Filter ensure(String name, int priority, String color, String description, TaskQuery query,
      List<Map<String, String>> columns) {
    Filter existing = filterService.createFilterQuery().filterName(name).singleResult();
    if (existing != null && existing.getProperties() != null
        && existing.getProperties().get(VERSION_PROPERTY) instanceof Number version && version.intValue() >= VERSION) {
      return existing;
    }
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put(VERSION_PROPERTY, VERSION);
    properties.put("priority", priority);
    properties.put("color", color);
    properties.put("description", description);
    properties.put("refresh", true);
    properties.put("variables", columns);
    Filter filter = (existing != null ? existing : filterService.newTaskFilter(name))
        .setQuery(query.orderByDueDate().asc().orderByTaskCreateTime().asc())
        .setProperties(properties);
    return filterService.saveFilter(filter);
  }
}
