package io.rootfix.modelcheck;

import static org.assertj.core.api.Assertions.assertThat;

import io.rootfix.process.ShownOnForms;
import io.rootfix.support.RootfixIntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Rootfix's own models and forms pass the same check as a process owner's deployment, with the application's
 * real delegate beans; the application evaluates their expressions with {@link DataOnlyExpressionManager}.
 * Prints what the check costs next to what the engine's own deployment of the same files costs.
 */
class RootfixModelsTest extends RootfixIntegrationTest {

  @Autowired
  ModelIsData plugin;

  @Autowired
  ShownOnForms shownOnForms;

  @Autowired
  ProcessEngineConfigurationImpl engine;

  @Autowired
  RepositoryService repositoryService;

  @Test
  void everyModelAndFormPassesTheCheck() throws IOException {
    Map<String, byte[]> files = rootfixFiles();
    assertThat(files.keySet()).contains("processes/complaint.bpmn", "processes/remedy-policy.dmn",
        "forms/patch-symptom.form");
    assertThat(shownOnForms.namesOnceKnown()).as("what forms can show, checked by name")
        .contains("customerHistory", "closeReasons", "complaintContext");
    ModelCheck check = new ModelCheck(plugin::isDelegate, shownOnForms::namesOnceKnown);

    files.forEach((name, bytes) -> assertThat(check.check(name, bytes)).as(name).isEmpty());
  }

  @Test
  void theEngineEvaluatesWithTheDataOnlyManagerAndChecksEveryDeployment() {
    assertThat(engine.getExpressionManager()).isInstanceOf(DataOnlyExpressionManager.class);
    assertThat(engine.getCustomPreDeployers()).hasAtLeastOneElementOfType(ModelCheck.class);
    assertThat(plugin.isDelegate("recordTaskOutcome")).isTrue();
    assertThat(plugin.isDelegate("payRefund")).isTrue();
    assertThat(plugin.isDelegate("identityService")).isFalse();
  }

  /** Not a timed assertion: prints the figures README and the report quote. */
  @Test
  void printsWhatTheCheckCosts() throws IOException {
    Map<String, byte[]> files = rootfixFiles();
    ModelCheck check = new ModelCheck(plugin::isDelegate);
    int rounds = 50;
    for (int i = 0; i < rounds; i++) {
      files.forEach(check::check);
    }
    long start = System.nanoTime();
    for (int i = 0; i < rounds; i++) {
      files.forEach(check::check);
    }
    double checkMillis = (System.nanoTime() - start) / 1e6 / rounds;

    // The engine's own work for the same files: one deployment of all of them (the check included).
    long deployStart = System.nanoTime();
    DeploymentBuilder deployment = repositoryService.createDeployment().name("check-cost");
    files.forEach((name, bytes) -> deployment.addString(name.replace('/', '-'), new String(bytes)));
    String id = deployment.deploy().getId();
    double deployMillis = (System.nanoTime() - deployStart) / 1e6;
    repositoryService.deleteDeployment(id, true);

    System.out.printf("Model check: %d files (%d KB) checked in %.1f ms (mean of %d, warm); one engine "
        + "deployment of the same files took %.0f ms%n", files.size(),
        files.values().stream().mapToInt(b -> b.length).sum() / 1024, checkMillis, rounds, deployMillis);
  }

  private static Map<String, byte[]> rootfixFiles() throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (String dir : List.of("processes", "forms")) {
      try (Stream<Path> paths = Files.list(Path.of(dir))) {
        for (Path path : paths.sorted().toList()) {
          files.put(dir + "/" + path.getFileName(), Files.readAllBytes(path));
        }
      }
    }
    return files;
  }
}
