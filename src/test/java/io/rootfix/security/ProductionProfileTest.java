package io.rootfix.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rootfix.RootfixApplication;
import io.rootfix.security.DemoUsersInProduction.DemoUsersException;
import io.rootfix.security.LinkSecretInProduction.MissingLinkSecretException;
import io.rootfix.security.ProductionAdminCheck.MissingAdminException;
import java.util.UUID;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The prod profile: the first admin comes from ROOTFIX_ADMIN_USER and ROOTFIX_ADMIN_PASSWORD, there are no
 * demo users, and without the admin settings Rootfix refuses to start. Starts the application itself,
 * with the settings as command-line arguments (they win over the environment and the profile files).
 */
@ExtendWith(OutputCaptureExtension.class)
class ProductionProfileTest {

  private static final String PASSWORD = "Correct-Horse-7-Battery";
  private static final String LINK_SECRET = "--ROOTFIX_LINKS_SECRET=a-link-secret-of-at-least-32-characters";

  @Test
  void refusesToStartWithoutTheAdminSettings(CapturedOutput output) {
    assertThatThrownBy(() -> start("--ROOTFIX_ADMIN_USER=", "--ROOTFIX_ADMIN_PASSWORD="))
        .isInstanceOf(MissingAdminException.class)
        .hasMessage("The prod profile needs its first admin from the environment, but ROOTFIX_ADMIN_USER and "
            + "ROOTFIX_ADMIN_PASSWORD are not set");
    assertThat(output).contains("APPLICATION FAILED TO START", "Set ROOTFIX_ADMIN_USER");
  }

  @Test
  void refusesToStartWithoutTheLinkSecret(CapturedOutput output) {
    assertThatThrownBy(() -> startWith("--ROOTFIX_ADMIN_USER=rootadmin", "--ROOTFIX_ADMIN_PASSWORD=" + PASSWORD,
        "--ROOTFIX_LINKS_SECRET= "))
        .isInstanceOf(MissingLinkSecretException.class)
        .hasMessage("The prod profile needs rootfix.links.secret (ROOTFIX_LINKS_SECRET), but it is not set");
    assertThat(output).contains("APPLICATION FAILED TO START", "Set ROOTFIX_LINKS_SECRET").doesNotContain(PASSWORD);
  }

  @Test
  void refusesToStartWithoutThePassword() {
    assertThatThrownBy(() -> start("--ROOTFIX_ADMIN_USER=rootadmin", "--ROOTFIX_ADMIN_PASSWORD= "))
        .hasMessageEndingWith("but ROOTFIX_ADMIN_PASSWORD is not set");
  }

  @Test
  void startsWithTheConfiguredAdminAndNoDemoUsersAndNeverLogsThePassword(CapturedOutput output) {
    try (ConfigurableApplicationContext app = start("--ROOTFIX_ADMIN_USER=rootadmin",
        "--ROOTFIX_ADMIN_PASSWORD=" + PASSWORD)) {
      IdentityService identity = app.getBean(IdentityService.class);

      assertThat(identity.createUserQuery().list()).extracting(User::getId).containsExactly("rootadmin");
      assertThat(identity.createUserQuery().memberOfGroup(Groups.ADMINS).singleResult().getId()).isEqualTo("rootadmin");
      assertThat(identity.checkPassword("rootadmin", PASSWORD)).isTrue();
      assertThat(identity.createGroupQuery().groupIdIn(Groups.ROOTFIX_GROUPS.toArray(String[]::new)).count())
          .isEqualTo(Groups.ROOTFIX_GROUPS.size());
    }
    assertThat(output).doesNotContain(PASSWORD);
  }

  @Test
  void refusesToStartOnADatabaseThatHoldsTheDemoUsers(CapturedOutput output) {
    String database = "--spring.datasource.url=jdbc:h2:mem:demo-then-prod-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    try (ConfigurableApplicationContext demo = new SpringApplicationBuilder(RootfixApplication.class).profiles("test")
        .run("--server.port=0", "--camunda.bpm.process-engine-name=demoBeforeProd", "--camunda.bpm.webapp.enabled=false",
            database)) {
      assertThat(demo.getBean(IdentityService.class).checkPassword("sam", "sam")).as("a demo start").isTrue();
    }

    assertThatThrownBy(() -> start("--ROOTFIX_ADMIN_USER=rootadmin", "--ROOTFIX_ADMIN_PASSWORD=" + PASSWORD, database))
        .isInstanceOf(DemoUsersException.class)
        .hasMessage("The prod profile found demo users with their demo passwords (the user name) in the "
            + "database: demo, sam, noor, lea, ivo, owen, ada");
    assertThat(output).contains("APPLICATION FAILED TO START", "Delete these users", "give each a password of its own");
  }

  @Test
  void startsOnADatabaseWhereTheDemoNamesHaveRealPasswords() {
    String database = "--spring.datasource.url=jdbc:h2:mem:demo-then-prod-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    try (ConfigurableApplicationContext demo = new SpringApplicationBuilder(RootfixApplication.class).profiles("test")
        .run("--server.port=0", "--camunda.bpm.process-engine-name=demoBeforeProd", "--camunda.bpm.webapp.enabled=false",
            database)) {
      IdentityService identity = demo.getBean(IdentityService.class);
      for (User user : identity.createUserQuery().list()) {
        user.setPassword(user.getId() + "-" + PASSWORD);
        identity.saveUser(user);
      }
    }

    try (ConfigurableApplicationContext app = start("--ROOTFIX_ADMIN_USER=rootadmin", "--ROOTFIX_ADMIN_PASSWORD=" + PASSWORD,
        database)) {
      assertThat(app.getBean(IdentityService.class).checkPassword("sam", "sam-" + PASSWORD)).isTrue();
    }
  }

  /** With the link secret a production start needs; the admin settings are the test's. */
  private static ConfigurableApplicationContext start(String... adminSettings) {
    return startWith(Stream.concat(Stream.of(LINK_SECRET), Stream.of(adminSettings)).toArray(String[]::new));
  }

  private static ConfigurableApplicationContext startWith(String... adminSettings) {
    return new SpringApplicationBuilder(RootfixApplication.class)
        .profiles("test", "prod")
        .run(Stream.concat(Stream.of("--server.port=0",
                // Not "default": that engine belongs to the cached context of the other integration tests.
                "--camunda.bpm.process-engine-name=productionProfileTest",
                // The webapps keep static state; a second copy would take it from the shared test context's.
                "--camunda.bpm.webapp.enabled=false"), Stream.of(adminSettings))
            .toArray(String[]::new));
  }
}
