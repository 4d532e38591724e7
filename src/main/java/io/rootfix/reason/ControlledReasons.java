package io.rootfix.reason;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rootfix.web.InvalidInputException;
import io.rootfix.web.NoControlCharacters;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionDefinitionEntity;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The controlled lists of reasons, one per decision step, kept in {@code processes/controlled-reasons.dmn}: a
 * process owner changes them in Camunda Modeler and deploys, without code. Every decision that changes a
 * complaint's course takes a reason from its list plus a note; this checks both and records them.
 *
 * <p>For a task listener elsewhere (the remedy approval, for instance):
 * {@code Reason r = reasons.require(ReasonStep.REMEDY_REFUSAL, task.getVariable("refusalReason"), "refusalReason",
 * task.getVariable("refusalNote"), "refusalNote"); reasons.record(complaintId, trackingNumber,
 * ReasonStep.REMEDY_REFUSAL, r, note, user);} and {@link #choices(String)} as the form's select options.
 */
@Service
@Transactional
public class ControlledReasons {

  public static final String RESOURCE = "processes/controlled-reasons.dmn";
  public static final String DECISION_KEY = "controlled-reasons";
  public static final int NOTE_MAX = 2000;
  /** Reasons only the process gives (no reply in time, the customer's own "not resolved"): never offered to staff. */
  static final Set<String> AUTOMATIC = Set.of(ReasonStep.NO_REPLY, ReasonStep.CUSTOMER_REPLY);

  private final CommandExecutor commands;
  private final RecordedReasonRepository recorded;
  private final ObjectMapper json;
  private final Clock clock;
  /** A DMN engine of its own: reading a list is no decision, so it leaves no decision history behind. */
  private final DmnEngine dmnEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  /**
   * A step's list per deployed version of the table ("definition id/step"): a version never changes, and
   * evaluating FEEL for every task that offers a list cost more than the rest of creating the task.
   */
  private final Map<String, List<Reason>> listed = new ConcurrentHashMap<>();

  ControlledReasons(ProcessEngine processEngine, RecordedReasonRepository recorded, ObjectMapper json, Clock clock) {
    this.commands = ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration())
        .getCommandExecutorTxRequired();
    this.recorded = recorded;
    this.json = json;
    this.clock = clock;
  }

  /** The reasons of a step, in the order of the table (the latest deployed version). */
  @Transactional(readOnly = true)
  public List<Reason> of(String step) {
    // Anyone who may take the step may read its list: the engine's authorisation of decision definitions (which
    // guards evaluating them through the API) does not apply here.
    return commands.execute(context -> context.runWithoutAuthorization(() -> {
      DecisionDefinitionEntity decision = (DecisionDefinitionEntity) context.getProcessEngineConfiguration()
          .getDeploymentCache().findDeployedLatestDecisionDefinitionByKey(DECISION_KEY);
      return listed.computeIfAbsent(decision.getId() + "/" + step, version -> dmnEngine
          .evaluateDecisionTable(decision, Variables.createVariables().putValue("step", step))
          .getResultList().stream()
          .map(entries -> new Reason((String) entries.get("code"), (String) entries.get("label")))
          .toList());
    }));
  }

  /** The reason with this code in the step's list, if it is there. */
  @Transactional(readOnly = true)
  public Optional<Reason> find(String step, String code) {
    return code == null ? Optional.empty() : of(step).stream().filter(r -> r.code().equals(code)).findFirst();
  }

  /**
   * The step's reasons as the options of a Camunda Form select ({@code valuesKey}): a JSON list of
   * {@code {label, value}}.
   */
  @Transactional(readOnly = true)
  public JsonValue choices(String step) {
    List<Map<String, String>> options = of(step).stream()
        .filter(r -> !AUTOMATIC.contains(r.code()))
        .map(r -> Map.of("label", r.label(), "value", r.code()))
        .toList();
    try {
      return SpinValues.jsonValue(json.writeValueAsString(options)).create();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write the reasons of " + step, e);
    }
  }

  /**
   * Checks a reason code and its note as a form submitted them, and adds what is wrong to {@code errors} under
   * the fields' names: a missing or unknown reason, a missing or too long note. Returns the reason when the code
   * is one of the step's.
   */
  public Reason check(String step, Object code, String codeField, Object note, String noteField,
      Map<String, String> errors) {
    Reason reason = null;
    String codeText = code == null ? null : code.toString().trim();
    if (codeText == null || codeText.isEmpty()) {
      errors.put(codeField, "is required: choose a reason from the list");
    } else {
      reason = AUTOMATIC.contains(codeText) ? null : find(step, codeText).orElse(null);
      if (reason == null) {
        errors.put(codeField, "is not a reason for this step; choose one of "
            + String.join(", ", of(step).stream().map(Reason::code).filter(c -> !AUTOMATIC.contains(c)).toList()));
      }
    }
    String noteText = note == null ? null : note.toString().trim();
    if (noteText == null || noteText.isEmpty()) {
      errors.put(noteField, "is required: say in a few words what happened");
    } else if (noteText.length() > NOTE_MAX) {
      errors.put(noteField, "must be at most " + NOTE_MAX + " characters");
    } else if (!NoControlCharacters.Validator.isClean(noteText)) {
      errors.put(noteField, NoControlCharacters.MESSAGE);
    }
    return reason;
  }

  /** As {@link #check}, but throws {@link InvalidInputException} naming the fields when anything is wrong. */
  public Reason require(String step, Object code, String codeField, Object note, String noteField) {
    Map<String, String> errors = new LinkedHashMap<>();
    Reason reason = check(step, code, codeField, note, noteField, errors);
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return reason;
  }

  /** Records a checked reason with its note, who decided and when. */
  public RecordedReason record(Long complaintId, String trackingNumber, String step, Reason reason, String note,
      String by) {
    return recorded.save(new RecordedReason(complaintId, trackingNumber, step, reason, note.trim(),
        by == null ? "system" : by, Instant.now(clock)));
  }

  /** Records a reason the process or the customer gave (NO_REPLY, CUSTOMER_REPLY): its code must be in the list. */
  public RecordedReason recordAutomatic(Long complaintId, String trackingNumber, String step, String code, String note,
      String by) {
    Reason reason = find(step, code).orElseThrow(() -> new IllegalStateException(
        "The controlled reasons (" + RESOURCE + ") have no " + code + " for " + step + "; the process needs it"));
    return record(complaintId, trackingNumber, step, reason, note, by);
  }

  /** The reasons given on the complaint, oldest first. */
  @Transactional(readOnly = true)
  public List<GivenReason> ofComplaint(Long complaintId) {
    return recorded.findByComplaint_IdOrderByRecordedAtAscIdAsc(complaintId).stream().map(GivenReason::of).toList();
  }
}
