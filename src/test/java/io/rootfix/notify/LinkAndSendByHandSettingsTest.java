package io.rootfix.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * {@code rootfix.links.*} and {@code rootfix.notify.agent-send-within}: the defaults live in application.yaml alone
 * (no second default in code), and a setting missing or nonsensical stops the start naming it.
 */
class LinkAndSendByHandSettingsTest {

  @Configuration
  @EnableConfigurationProperties({LinkSettings.class, SendByHandSettings.class})
  static class Settings {}

  private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Settings.class);

  @Test
  void theDefaultsComeFromApplicationYaml() throws Exception {
    StandardEnvironment environment = new StandardEnvironment();
    new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yaml"))
        .forEach(environment.getPropertySources()::addLast);
    Binder yaml = Binder.get(environment);

    LinkSettings links = yaml.bind("rootfix.links", LinkSettings.class).get();
    assertThat(links.validity()).isEqualTo(Duration.ofDays(30));
    assertThat(links.baseUrl()).isEqualTo("http://localhost:8080");
    assertThat(links.secret()).as("unset: a random one per start").isEmpty();
    assertThat(yaml.bind("rootfix.notify", SendByHandSettings.class).get().agentSendWithin()).isEqualTo(Duration.ofHours(4));
  }

  /** Each record alone: with both, which one fails first depends on the order Boot registers them in (a hash set). */
  @Configuration
  @EnableConfigurationProperties(LinkSettings.class)
  static class LinksOnly {}

  @Configuration
  @EnableConfigurationProperties(SendByHandSettings.class)
  static class SendByHandOnly {}

  @Test
  void withoutTheYamlNothingFallsBackToADefaultInCode() {
    new ApplicationContextRunner().withUserConfiguration(LinksOnly.class)
        .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
            .hasMessageContaining("rootfix.links").hasMessageContaining("validity").hasMessageContaining("baseUrl"));
    new ApplicationContextRunner().withUserConfiguration(SendByHandOnly.class)
        .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
            .hasMessageContaining("rootfix.notify").hasMessageContaining("agentSendWithin"));
  }

  @Test
  void aZeroOrNegativeDurationIsRefusedNamingTheSetting() {
    runner.withPropertyValues("rootfix.links.secret=", "rootfix.links.validity=P30D", "rootfix.links.base-url=https://x",
        "rootfix.notify.agent-send-within=-PT1H")
        .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
            .hasMessageContaining("rootfix.notify.agent-send-within"));
    runner.withPropertyValues("rootfix.links.secret=", "rootfix.links.validity=PT0S", "rootfix.links.base-url=https://x",
        "rootfix.notify.agent-send-within=PT4H")
        .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
            .hasMessageContaining("rootfix.links.validity"));
  }

  @Test
  void validSettingsBind() {
    runner.withPropertyValues("rootfix.links.secret=", "rootfix.links.validity=P7D", "rootfix.links.base-url=https://x",
        "rootfix.notify.agent-send-within=PT2H")
        .run(context -> {
          assertThat(context).hasNotFailed();
          assertThat(context.getBean(LinkSettings.class).validity()).isEqualTo(Duration.ofDays(7));
          assertThat(context.getBean(SendByHandSettings.class).agentSendWithin()).isEqualTo(Duration.ofHours(2));
        });
  }
}
