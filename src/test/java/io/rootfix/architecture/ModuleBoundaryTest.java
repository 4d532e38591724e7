package io.rootfix.architecture;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.rootfix.complaint.Complaint;
import io.rootfix.complaint.ComplaintRepository;
import jakarta.persistence.Entity;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;

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
      "io.rootfix.audit.RemovalTimeAtStart", // the engine's history event producer and removal time provider
      "io.rootfix.audit.RunningHistoryKept", // the engine's own bulk update of an instance's removal time
      "io.rootfix.audit.ValueSetOnChange", // the engine's history handler, with value-set rows only on change
      "io.rootfix.calendar.BusinessCalendarPlugin", "io.rootfix.calendar.EngineBusinessCalendar",
      "io.rootfix.cluster.ClusterNode",
      "io.rootfix.form.DeployedForms",
      "io.rootfix.complaint.WaitingForFix", // a parse listener: refreshes the waiting complaints' cards
      "io.rootfix.process.ShownOnForms", // a parse listener around each user task's form handler
      "io.rootfix.process.ParseListeners",
      "io.rootfix.process.ProcessVariable", // a value removed as its command closes, before the engine flushes
      "io.rootfix.notify.AgentNames", "io.rootfix.notify.TemplateDeploymentCheck",
      "io.rootfix.modelcheck.DataOnlyExpressionManager", "io.rootfix.modelcheck.ModelCheck",
      "io.rootfix.modelcheck.ModelIsData",
      "io.rootfix.reason.ControlledReasons",
      "io.rootfix.security.LoginThrottleConfiguration", "io.rootfix.security.PeopleCommands",
      "io.rootfix.security.ProcessGuard", "io.rootfix.security.TaskActor", "io.rootfix.security.TaskRights",
      "io.rootfix.security.ThrottledIdentityProvider",
      "io.rootfix.web.InvalidInputException");

  /**
   * The features that still use another feature's entity or repository, and why; each a debt to pay by giving the
   * owning feature a published record or service method (as {@code io.rootfix.complaint.Complaints} is), never a
   * place to add to casually. Key: the using feature, then the entity or repository (a feature name for all of its
   * entities and repositories).
   */
  private static final Map<String, String> FOREIGN_ENTITIES_ALLOWED = Map.ofEntries(
      // Left after remedy's move to its own model (ComplaintFacts): the next debts to pay.
      Map.entry("remedy -> complaint", "RemedyController finds the complaint through ComplaintService.byTrackingNumber,"
          + " which answers the entity"),
      Map.entry("remedy -> promise", "the remedy promises and keeps through PromiseService, which answers the entity"),
      Map.entry("formcontext -> remedy", "the form context reads remedies from their repository: remedy has no"
          + " published read side yet"),
      // A complaint belongs to its customer by a JPA association: its queries join c.customer, its views show
      // the customer's handles.
      Map.entry("complaint -> customer", "Complaint's @ManyToOne customer, joined in its queries"),
      // Published services that still answer with their entity; a record each is the next step.
      Map.entry("complaint -> io.rootfix.rootcause.RootCause", "RootCauseService.link/report answer the entity"),
      Map.entry("complaint -> io.rootfix.notify.CustomerMessage", "Outbox answers with its message entity"),
      Map.entry("audit -> io.rootfix.notify.CustomerMessage", "Outbox.messagesOf answers with its message entity"),
      Map.entry("status -> io.rootfix.notify.CustomerMessage", "Outbox.messagesOf answers with its message entity"),
      // Reads of another feature's tables that have no published method yet.
      Map.entry("complaint -> io.rootfix.rootcause.RootCauseRepository", "WaitingForFix reads the root cause's"
          + " state and deadline for the waiting complaint's form"),
      Map.entry("complaint -> io.rootfix.rootcause.RootCauseLinkRepository", "WaitingForFix finds the complaints"
          + " still waiting on a root cause whose task was completed, to rewrite their cards; an engine plugin, it"
          + " cannot wait for RootCauseService"),
      Map.entry("complaint -> io.rootfix.rootcause.RootCauseLink", "the same: the waiting link's tracking number"),
      Map.entry("complaint -> io.rootfix.notify.CustomerMessageRepository", "WaitingForFix finds the message that"
          + " told the customer of the fix"),
      Map.entry("formcontext -> rootcause", "the form context reads the root cause and its links for root-cause tasks"));

  /**
   * Each feature's entities and Spring Data repositories are its own: another feature reads it through its
   * published records and services (the complaint's: {@code io.rootfix.complaint.Complaints}), so a feature can
   * change its tables without breaking a neighbour. The exceptions are listed above with why.
   */
  @Test
  void entitiesAndRepositoriesStayInTheirFeature() {
    classes().should(useOnlyTheirOwnEntitiesAndRepositories(FOREIGN_ENTITIES_ALLOWED)).check(ROOTFIX);
  }

  /** The complaint's own entity and repository, with no exception but remedy's controller (listed above). */
  @Test
  void onlyTheComplaintFeatureTouchesComplaintAndItsRepository() {
    noClasses().that().resideOutsideOfPackages("io.rootfix.complaint..", "io.rootfix.remedy..")
        .should().dependOnClassesThat().areAssignableTo(Complaint.class)
        .orShould().dependOnClassesThat().areAssignableTo(ComplaintRepository.class)
        .check(ROOTFIX);
  }

  /** Every listed exception is still needed: one that no class uses any more is taken off the list. */
  @Test
  void everyListedExceptionIsStillUsed() {
    Set<String> used = new java.util.TreeSet<>();
    for (JavaClass type : ROOTFIX) {
      for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
        foreignEntityOrRepository(type, dependency.getTargetClass()).ifPresent(use ->
            FOREIGN_ENTITIES_ALLOWED.keySet().stream().filter(use::matches).forEach(used::add));
      }
    }
    assertThat(used).containsExactlyInAnyOrderElementsOf(FOREIGN_ENTITIES_ALLOWED.keySet());
  }

  /** A use of another feature's entity or repository: "using feature -> target class". */
  private record ForeignUse(String feature, String targetFeature, String target) {

    boolean matches(String allowed) {
      return allowed.equals(feature + " -> " + target) || allowed.equals(feature + " -> " + targetFeature);
    }

    @Override
    public String toString() {
      return feature + " -> " + target;
    }
  }

  private static java.util.Optional<ForeignUse> foreignEntityOrRepository(JavaClass origin, JavaClass target) {
    String feature = featureOf(origin);
    String targetFeature = featureOf(target);
    boolean owned = target.isAnnotatedWith(Entity.class) || target.isAssignableTo(Repository.class);
    if (feature == null || targetFeature == null || feature.equals(targetFeature) || !owned) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(new ForeignUse(feature, targetFeature, target.getName()));
  }

  /** {@code io.rootfix.audit.AuditTrail} -> audit; null outside a feature package. */
  private static String featureOf(JavaClass type) {
    String name = type.getPackageName();
    if (!name.startsWith("io.rootfix.")) {
      return null;
    }
    String rest = name.substring("io.rootfix.".length());
    return rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest;
  }

  private static ArchCondition<JavaClass> useOnlyTheirOwnEntitiesAndRepositories(Map<String, String> allowed) {
    return new ArchCondition<>("use only their own feature's entities and repositories") {
      @Override
      public void check(JavaClass origin, ConditionEvents events) {
        for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
          foreignEntityOrRepository(origin, dependency.getTargetClass())
              .filter(use -> allowed.keySet().stream().noneMatch(use::matches))
              .ifPresent(use -> events.add(SimpleConditionEvent.violated(origin,
                  dependency.getDescription() + ": " + use.feature() + " uses " + use.target()
                      + ", which belongs to " + use.targetFeature())));
        }
      }
    };
  }

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

  /**
   * The feature rules bite too: a class of another feature (this test's package) that holds the complaint's
   * repository or returns the entity is reported, and a listed exception of one feature does not excuse another.
   */
  @Test
  void theFeatureRulesFindABreach() {
    JavaClasses offender = new ClassFileImporter().importClasses(ReadsComplaintsBehindTheirBack.class,
        Complaint.class, ComplaintRepository.class);
    assertThatThrownBy(() -> classes().should(useOnlyTheirOwnEntitiesAndRepositories(FOREIGN_ENTITIES_ALLOWED))
        .check(offender))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("architecture uses io.rootfix.complaint.ComplaintRepository")
        .hasMessageContaining("architecture uses io.rootfix.complaint.Complaint,");
    assertThatThrownBy(() -> noClasses().that().resideOutsideOfPackages("io.rootfix.complaint..", "io.rootfix.remedy..")
        .should().dependOnClassesThat().areAssignableTo(Complaint.class).check(offender))
        .isInstanceOf(AssertionError.class);
    // The complaint's own classes may use them (and, listed, its customer's).
    classes().should(useOnlyTheirOwnEntitiesAndRepositories(Map.of("complaint -> customer", "the association")))
        .check(new ClassFileImporter().importClasses(Complaint.class, ComplaintRepository.class));
  }

  static class OffendingService {
    RuntimeService runtimeService;
  }

  static class ReadsComplaintsBehindTheirBack {
    ComplaintRepository complaints;

    Complaint first() {
      return complaints.findAll().get(0);
    }
  }
}
