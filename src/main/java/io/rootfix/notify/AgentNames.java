package io.rootfix.notify;

import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * The agent's full name from the identity service, for signing messages: customers read "Sam de Vries", never a
 * login like "sam". Looked up without the signed-in user's authorizations (an agent may not read other users,
 * and a customer's link has no user at all): only the name is read, and only to sign a message.
 */
@Component
public class AgentNames {

  private final ProcessEngineConfigurationImpl engine;

  public AgentNames(ProcessEngineConfigurationImpl engine) {
    this.engine = engine;
  }

  /** First and last name; empty when the user is unknown or has no name (the message is then signed by the team). */
  public String fullName(String userId) {
    if (userId == null || userId.isBlank()) {
      return "";
    }
    User user = engine.getCommandExecutorTxRequired().execute(context -> {
      boolean checking = context.isAuthorizationCheckEnabled();
      context.disableAuthorizationCheck();
      try {
        return context.getReadOnlyIdentityProvider().findUserById(userId);
      } finally {
        if (checking) {
          context.enableAuthorizationCheck();
        }
      }
    });
    if (user == null) {
      return "";
    }
    return (blankToEmpty(user.getFirstName()) + " " + blankToEmpty(user.getLastName())).trim();
  }

  private static String blankToEmpty(String value) {
    return value == null ? "" : value.trim();
  }
}
