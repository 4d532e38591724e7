package io.rootfix.rootcause;

import static io.rootfix.rootcause.RootCauseProcess.FIX_DEADLINE;
import static io.rootfix.rootcause.RootCauseProcess.FIX_VERIFIED;
import static io.rootfix.rootcause.RootCauseProcess.ROOT_CAUSE_ID;
import static io.rootfix.rootcause.RootCauseProcess.Var;
import static io.rootfix.rootcause.RootCauseProcess.WILL_FIX;

import io.rootfix.process.TaskForm;
import io.rootfix.process.TaskForms;
import io.rootfix.security.FourEyes;
import io.rootfix.security.TaskActor;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The task listeners and service tasks of {@code root-cause.bpmn}. */
@Configuration
class RootCauseDelegates {

  private final RootCauseService rootCauses;
  private final TaskActor actor;
  private final TaskForms forms;
  private final FourEyes fourEyes;

  RootCauseDelegates(RootCauseService rootCauses, TaskActor actor, TaskForms forms, FourEyes fourEyes) {
    this.fourEyes = fourEyes;
    this.rootCauses = rootCauses;
    this.actor = actor;
    this.forms = forms;
  }

  /** Task_Investigate: fix by a deadline, or record why not. */
  @Bean
  TaskListener recordInvestigation() {
    return task -> {
      TaskForm form = forms.of(task);
      boolean willFix = form.flag(Var.WILL_FIX);
      Instant deadline = willFix ? form.requiredFutureMoment(Var.FIX_DEADLINE, "give a fix deadline in the future") : null;
      String reason = willFix ? null
          : form.requiredText(Var.WONT_FIX_REASON, 2000, "say why this root cause will not be fixed");
      form.check();
      rootCauses.investigated(ROOT_CAUSE_ID.require(task), willFix, deadline, reason);
      WILL_FIX.on(task).set(willFix);
      if (willFix) {
        FIX_DEADLINE.on(task).set(Date.from(deadline));
      }
    };
  }

  /** Task_FixRootCause */
  @Bean
  TaskListener recordRootCauseFix() {
    return task -> {
      TaskForm form = forms.of(task);
      String fix = form.requiredText(Var.FIX_DESCRIPTION, 4000,
          "describe what was changed and what works differently now");
      form.check();
      rootCauses.fixed(ROOT_CAUSE_ID.require(task), fix, actor.of(task));
    };
  }

  /** Task_VerifyFix (on create): offered to the team leads but the one who fixed it. */
  @Bean
  TaskListener offerVerificationToOtherLeads() {
    return task -> fourEyes.offerToOthers(task, RootCauseProcess.LEADS, rootCauses.fixedBy(ROOT_CAUSE_ID.require(task)));
  }

  /** Task_VerifyFix */
  @Bean
  TaskListener recordVerification() {
    return task -> {
      TaskForm form = forms.of(task);
      Boolean works = form.requiredFlag(Var.FIX_VERIFIED, "say whether the fix works");
      // Offered by name (FourEyes): someone who left the team leads since then no longer verifies.
      if (!fourEyes.mayDecide(actor.of(task), RootCauseProcess.LEADS)) {
        form.reject(Var.FIX_VERIFIED, "only a team lead verifies a fix");
      }
      String note = form.optionalText(Var.VERIFICATION_NOTE, 2000);
      if (Boolean.FALSE.equals(works) && note == null) {
        form.reject(Var.VERIFICATION_NOTE, "say what still goes wrong");
      }
      form.check();
      rootCauses.verified(ROOT_CAUSE_ID.require(task), works, note, actor.of(task));
      FIX_VERIFIED.on(task).set(works);
    };
  }

  /** Task_EscalateOverdueFix */
  @Bean
  TaskListener recordOverdueFixChased() {
    return task -> {
      TaskForm form = forms.of(task);
      form.requiredText(Var.OVERDUE_NOTE, 2000, "say what was agreed to get the fix done");
      form.check();
    };
  }

  /** Task_TellLinkedComplaints */
  @Bean
  JavaDelegate tellLinkedComplaints() {
    return execution -> rootCauses.tellLinkedComplaints(ROOT_CAUSE_ID.require(execution));
  }
}
