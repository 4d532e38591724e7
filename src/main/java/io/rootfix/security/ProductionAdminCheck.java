package io.rootfix.security;

import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * With the prod profile there are no demo users, so the first admin must come from the environment.
 * Without it Rootfix refuses to start, before anything else runs, rather than start with a default
 * password or with nobody able to log in. Names what is missing, never a value.
 */
public class ProductionAdminCheck implements EnvironmentPostProcessor, Ordered {

  /** The admin's settings, by the environment variable that application-prod.yaml reads them from. */
  private static final List<Map.Entry<String, String>> SETTINGS = List.of(
      Map.entry("ROOTFIX_ADMIN_USER", "camunda.bpm.admin-user.id"),
      Map.entry("ROOTFIX_ADMIN_PASSWORD", "camunda.bpm.admin-user.password"));

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (!environment.acceptsProfiles(Profiles.of("prod"))) {
      return;
    }
    List<String> missing = SETTINGS.stream()
        .filter(setting -> isBlank(environment.getProperty(setting.getValue())))
        .map(Map.Entry::getKey)
        .toList();
    if (!missing.isEmpty()) {
      throw new MissingAdminException(missing);
    }
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  /** After the profile's configuration files are read, so their placeholders resolve. */
  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }

  public static class MissingAdminException extends IllegalStateException {

    MissingAdminException(List<String> missing) {
      super("The prod profile needs its first admin from the environment, but " + String.join(" and ", missing)
          + (missing.size() == 1 ? " is" : " are") + " not set");
    }
  }

  /** Start-up's closing words: what is wrong and what to do, instead of a stack trace. */
  public static class MissingAdminAnalyzer extends AbstractFailureAnalyzer<MissingAdminException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingAdminException cause) {
      return new FailureAnalysis(cause.getMessage() + ".",
          "Set ROOTFIX_ADMIN_USER (letters and digits) and ROOTFIX_ADMIN_PASSWORD (at least 10 characters with "
              + "upper and lower case, a digit and a special character), then start again.", cause);
    }
  }
}
