package io.rootfix.support;

import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;

/** Engine work as a signed-in person with these groups, as the web apps hand a person to the engine. */
public final class SignedIn {

  private SignedIn() {}

  public static <T> T as(IdentityService identity, String user, List<String> groups, Supplier<T> work) {
    identity.setAuthentication(user, groups);
    try {
      return work.get();
    } finally {
      identity.clearAuthentication();
    }
  }
}
