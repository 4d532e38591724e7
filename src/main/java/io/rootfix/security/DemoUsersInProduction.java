package io.rootfix.security;

import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The prod profile creates no demo users, but a database that once ran without it still holds them, with
 * passwords anyone can read in the README ({@code demo:demo} is an admin). Rootfix then refuses to start,
 * naming them, before it serves a single request. A demo user name whose password was changed is an
 * ordinary user and no reason to refuse.
 */
@Component
@Profile("prod")
class DemoUsersInProduction implements SmartInitializingSingleton {

  /** The demo admin of application.yaml. */
  static final String DEMO_ADMIN = "demo";

  private final IdentityService identityService;

  DemoUsersInProduction(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  public void afterSingletonsInstantiated() {
    List<String> found = Stream.concat(Stream.of(DEMO_ADMIN), DemoUsers.USERS.stream().map(DemoUsers.DemoUser::id))
        .filter(id -> identityService.createUserQuery().userId(id).count() > 0)
        // The demo password is the user name; no client asks here, so this is no login to throttle.
        .filter(id -> identityService.checkPassword(id, id))
        .toList();
    if (!found.isEmpty()) {
      throw new DemoUsersException(found);
    }
  }

  public static class DemoUsersException extends IllegalStateException {

    DemoUsersException(List<String> users) {
      super("The prod profile found demo users with their demo passwords (the user name) in the database: "
          + String.join(", ", users));
    }
  }

  /** Start-up's closing words: what is wrong and what to do, instead of a stack trace. */
  public static class DemoUsersAnalyzer extends AbstractFailureAnalyzer<DemoUsersException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DemoUsersException cause) {
      return new FailureAnalysis(cause.getMessage() + ". Anyone who has read the README can log in as them.",
          "Delete these users (Camunda Admin > Users, on a start without the prod profile) or give each a "
              + "password of its own, then start with the prod profile again. A production database should "
              + "never have run without the prod profile.", cause);
    }
  }
}
