package io.rootfix.rootcause;

import static io.rootfix.rootcause.RootCauseProcess.Var;
import static io.rootfix.web.FormValues.flag;
import static io.rootfix.web.FormValues.text;

import io.rootfix.security.TaskActor;
import io.rootfix.web.FormDates;
import io.rootfix.web.InvalidInputException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The task listeners and service tasks of {@code root-cause.bpmn}. */
@Configuration
class RootCauseDelegates {

  private final RootCauseService rootCauses;
  private final TaskActor actor;
  private final Clock clock;

  RootCauseDelegates(RootCauseService rootCauses, TaskActor actor, Clock clock) {
    this.rootCauses = rootCauses;
    this.actor = actor;
    this.clock = clock;
  }

  /** Task_Investigate: fix by a deadline, or record why not. */
  @Bean
  TaskListener recordInvestigation() {
    return task -> {
      boolean willFix = flag(task.getVariable(Var.WILL_FIX));
      Map<String, String> errors = new LinkedHashMap<>();
      Instant deadline = null;
      String reason = text(task.getVariable(Var.WONT_FIX_REASON));
      if (willFix) {
        deadline = FormDates.parse(task.getVariable(Var.FIX_DEADLINE), Var.FIX_DEADLINE, clock.getZone(), LocalTime.of(17, 0));
        if (deadline == null || !deadline.isAfter(Instant.now(clock))) {
          errors.put(Var.FIX_DEADLINE, "give a fix deadline in the future");
        }
      } else if (reason == null) {
        errors.put(Var.WONT_FIX_REASON, "say why this root cause will not be fixed");
      }
      if (!errors.isEmpty()) {
        throw new InvalidInputException(errors);
      }
      rootCauses.investigated(rootCauseId(task), willFix, deadline, reason);
      task.setVariable(Var.WILL_FIX, willFix);
      if (willFix) {
        task.setVariable(Var.FIX_DEADLINE, Date.from(deadline));
      }
    };
  }

  /** Task_FixRootCause */
  @Bean
  TaskListener recordRootCauseFix() {
    return task -> {
      String fix = text(task.getVariable(Var.FIX_DESCRIPTION));
      if (fix == null) {
        throw InvalidInputException.of(Var.FIX_DESCRIPTION, "describe what was changed and what works differently now");
      }
      rootCauses.fixed(rootCauseId(task), fix, actor.of(task));
    };
  }

  /** Task_VerifyFix */
  @Bean
  TaskListener recordVerification() {
    return task -> {
      Object verified = task.getVariable(Var.FIX_VERIFIED);
      if (verified == null || verified.toString().isBlank()) {
        throw InvalidInputException.of(Var.FIX_VERIFIED, "say whether the fix works");
      }
      boolean works = flag(verified);
      String note = text(task.getVariable(Var.VERIFICATION_NOTE));
      if (!works && note == null) {
        throw InvalidInputException.of(Var.VERIFICATION_NOTE, "say what still goes wrong");
      }
      rootCauses.verified(rootCauseId(task), works, note, actor.of(task));
      task.setVariable(Var.FIX_VERIFIED, works);
    };
  }

  /** Task_EscalateOverdueFix */
  @Bean
  TaskListener recordOverdueFixChased() {
    return task -> {
      if (text(task.getVariable(Var.OVERDUE_NOTE)) == null) {
        throw InvalidInputException.of(Var.OVERDUE_NOTE, "say what was agreed to get the fix done");
      }
    };
  }

  /** Task_TellLinkedComplaints */
  @Bean
  JavaDelegate tellLinkedComplaints() {
    return execution -> rootCauses.tellLinkedComplaints(rootCauseId(execution));
  }



  private static Long rootCauseId(VariableScope scope) {
    return ((Number) scope.getVariable(Var.ROOT_CAUSE_ID)).longValue();
  }
}
