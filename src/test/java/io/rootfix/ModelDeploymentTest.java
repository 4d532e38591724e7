package io.rootfix;

import static org.assertj.core.api.Assertions.assertThat;

import io.rootfix.complaint.ComplaintProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What a process owner relies on at start-up: the models and forms are deployed, a restart with
 * unchanged files creates no new version, and a changed file creates a new version of that file only.
 * Starts the application three times on one H2 file database, deploying from a copy of processes/ and
 * forms/ that the test can change.
 */
class ModelDeploymentTest {

  @TempDir
  Path dir;

  @Test
  void onlyAChangedFileIsDeployedAgain() throws IOException {
    copy(Path.of("processes"), dir.resolve("processes"));
    copy(Path.of("forms"), dir.resolve("forms"));

    Deployed first = start();
    assertThat(first.complaintVersions()).containsExactly(1);
    assertThat(first.resources()).contains("complaint.bpmn", "agree-expectation.form", "phone-intake.form");

    Deployed restart = start();
    assertThat(restart.deployments()).isEqualTo(first.deployments());
    assertThat(restart.complaintVersions()).containsExactly(1);

    Path model = dir.resolve("processes/complaint.bpmn");
    Files.writeString(model, Files.readString(model).replace("name=\"Agree expectation\"", "name=\"Agree the expectation\""));
    Deployed changed = start();
    assertThat(changed.deployments()).isEqualTo(first.deployments() + 1);
    assertThat(changed.complaintVersions()).containsExactly(1, 2);
    assertThat(changed.lastDeploymentResources()).containsExactly("complaint.bpmn");
  }

  record Deployed(long deployments, List<Integer> complaintVersions, List<String> resources,
      List<String> lastDeploymentResources) {}

  private Deployed start() {
    // Command-line arguments, because they win over the test profile's settings.
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(RootfixApplication.class)
        .profiles("test")
        .run("--server.port=0",
            // Not "default": that engine belongs to the cached context of the other integration tests.
            "--camunda.bpm.process-engine-name=modelDeploymentTest",
            // The webapps keep static state; a second copy would take it from the shared test context's.
            "--camunda.bpm.webapp.enabled=false",
            "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("db/rootfix").toAbsolutePath()
                + ";DB_CLOSE_ON_EXIT=FALSE",
            "--camunda.bpm.deployment-resource-pattern=file:" + dir.toAbsolutePath() + "/processes/*.bpmn,file:"
                + dir.toAbsolutePath() + "/forms/*.form")) {
      RepositoryService repository = app.getBean(RepositoryService.class);
      List<Integer> versions = repository.createProcessDefinitionQuery().processDefinitionKey(ComplaintProcess.KEY)
          .orderByProcessDefinitionVersion().asc().list().stream().map(ProcessDefinition::getVersion).toList();
      List<String> resources = repository.createDeploymentQuery().list().stream()
          .flatMap(d -> repository.getDeploymentResourceNames(d.getId()).stream())
          .map(fileName()).toList();
      String last = repository.createDeploymentQuery().orderByDeploymentTime().desc().list().get(0).getId();
      return new Deployed(repository.createDeploymentQuery().count(), versions, resources,
          repository.getDeploymentResourceNames(last).stream().map(fileName()).toList());
    }
  }

  private static Function<String, String> fileName() {
    return name -> name.substring(name.lastIndexOf('/') + 1);
  }

  private static void copy(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path file : files.toList()) {
        Files.copy(file, to.resolve(file.getFileName()));
      }
    }
  }
}
