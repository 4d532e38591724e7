package io.rootfix.architecture;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.junit.jupiter.api.Test;

/**
 * The boundaries between Rootfix's features and between Rootfix and the engine, checked on the compiled classes
 * rather than by convention.
 */
class ModuleBoundaryTest {

  private static final JavaClasses ROOTFIX = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("io.rootfix");

  /**
   * The classes that use the engine's internals ({@code org.camunda.bpm.engine.impl}: the configuration, the
   * clock, the calendar SPI, parse listeners, commands). Not public API, so each is a place to look at on an engine
   * upgrade (docs/engine-migration.md); a new one is added here on purpose, never by accident.
   */
  private static final Set<String> ENGINE_INTERNALS = Set.of(
      "io.rootfix.EngineClock", "io.rootfix.EngineIndexes",
      "io.rootfix.audit.HistoryForAuditors", "io.rootfix.audit.HistoryRetentionPlugin",
      "io.rootfix.calendar.BusinessCalendarPlugin", "io.rootfix.calendar.EngineBusinessCalendar",
      "io.rootfix.cluster.ClusterNode",
      "io.rootfix.form.DeployedForms",
      "io.rootfix.formcontext.FormContext", // a parse listener: the complaint's context on every user task
      "io.rootfix.notify.AgentNames", "io.rootfix.notify.TemplateDeploymentCheck",
      "io.rootfix.modelcheck.DataOnlyExpressionManager", "io.rootfix.modelcheck.ModelCheck",
      "io.rootfix.modelcheck.ModelIsData",
      "io.rootfix.reason.ControlledReasons",
      "io.rootfix.security.LoginThrottleConfiguration", "io.rootfix.security.PeopleCommands",
      "io.rootfix.security.ProcessGuard", "io.rootfix.security.TaskActor", "io.rootfix.security.TaskReadsByProcess",
      "io.rootfix.security.ThrottledIdentityProvider",
      "io.rootfix.web.InvalidInputException");

  @Test
  void featuresDependOnEachOtherWithoutCycles() {
    slices().matching("io.rootfix.(*)..").should().beFreeOfCycles().check(ROOTFIX);
  }

  /** Domain services decide; the seam of each process (PromiseWatch, RootCauseInvestigation, …) talks to the engine. */
  @Test
  void domainServicesDoNotTalkToTheEngine() {
    noClasses().that().haveSimpleNameEndingWith("Service").and().resideInAPackage("io.rootfix..")
        .should().dependOnClassesThat().areAssignableTo(RuntimeService.class)
        .orShould().dependOnClassesThat().areAssignableTo(VariableScope.class)
        .check(ROOTFIX);
  }

  /** Process variables are read through the typed ProcessVariable of the backing class, never by name and cast. */
  @Test
  void onlyProcessVariableReadsAVariableByName() {
    noClasses().that().doNotHaveFullyQualifiedName("io.rootfix.process.ProcessVariable")
        // The expression manager and the form guard read arbitrary names a model or form gives them.
        .and().resideOutsideOfPackages("io.rootfix.modelcheck..", "io.rootfix.security..")
        .should().callMethodWhere(target(name("getVariable")).and(target(owner(assignableTo(VariableScope.class)))))
        .orShould().callMethodWhere(target(name("getVariableLocal")).and(target(owner(assignableTo(VariableScope.class)))))
        .check(ROOTFIX);
  }

  /** The shared building blocks know no feature, so any feature may use them. */
  @Test
  void theProcessHelpersKnowNoFeature() {
    noClasses().that().resideInAPackage("io.rootfix.process..")
        .should().dependOnClassesThat().resideInAnyPackage("io.rootfix.complaint..", "io.rootfix.promise..",
            "io.rootfix.rootcause..", "io.rootfix.remedy..", "io.rootfix.notify..", "io.rootfix.audit..",
            "io.rootfix.status..", "io.rootfix.customer..")
        .check(ROOTFIX);
  }

  @Test
  void engineInternalsOnlyInTheListedClasses() {
    noClasses().that().haveNameNotMatching(String.join("|", ENGINE_INTERNALS.stream()
            .map(n -> n.replace(".", "\\.") + "(\\$.*)?").toList()))
        .should().dependOnClassesThat().resideInAPackage("org.camunda.bpm.engine.impl..")
        .check(ROOTFIX);
  }

  /** The rules bite: a class that breaks one is reported. */
  @Test
  void theRulesFindABreach() {
    JavaClasses offender = new ClassFileImporter().importClasses(OffendingService.class);
    ArchRule rule = noClasses().that().haveSimpleNameEndingWith("Service")
        .should().dependOnClassesThat().areAssignableTo(RuntimeService.class);
    assertThatThrownBy(() -> rule.check(offender)).isInstanceOf(AssertionError.class);
    assertThat(ROOTFIX.contain("io.rootfix.process.ProcessVariable")).isTrue();
  }

  static class OffendingService {
    RuntimeService runtimeService;
  }
}
