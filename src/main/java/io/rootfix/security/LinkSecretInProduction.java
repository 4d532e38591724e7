package io.rootfix.security;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * Without {@code rootfix.links.secret} the customers' personal links are signed with a random secret per start: in
 * production every link in every message sent would die at the next restart or deployment, and differ per node.
 * So the prod profile refuses to start without it, before anything else runs. Names what is missing, never a value.
 */
public class LinkSecretInProduction implements EnvironmentPostProcessor, Ordered {

  static final String SETTING = "rootfix.links.secret";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (!environment.acceptsProfiles(Profiles.of("prod"))) {
      return;
    }
    String secret = environment.getProperty(SETTING);
    if (secret == null || secret.isBlank()) {
      throw new MissingLinkSecretException();
    }
  }

  /** After the profile's configuration files are read, so their placeholders resolve. */
  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }

  public static class MissingLinkSecretException extends IllegalStateException {

    MissingLinkSecretException() {
      super("The prod profile needs " + SETTING + " (ROOTFIX_LINKS_SECRET), but it is not set");
    }
  }

  /** Start-up's closing words: what is wrong and what to do, instead of a stack trace. */
  public static class MissingLinkSecretAnalyzer extends AbstractFailureAnalyzer<MissingLinkSecretException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingLinkSecretException cause) {
      return new FailureAnalysis(cause.getMessage() + ": the customers' personal links would stop working at every "
          + "restart.", "Set ROOTFIX_LINKS_SECRET to at least 32 random characters, the same on every node "
          + "(docs/customer-links.md), then start again.", cause);
    }
  }
}
