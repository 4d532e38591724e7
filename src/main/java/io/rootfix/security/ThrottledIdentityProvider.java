package io.rootfix.security;

import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;

/**
 * The engine's own users and passwords, with every password check (HTTP Basic, the webapps' login, the
 * REST API's {@code /identity/verify}) going through the LoginThrottle of the asking client address: while
 * that address must wait, the password is not even compared, and the check says no.
 */
class ThrottledIdentityProvider extends DbIdentityServiceProvider {

  private final LoginThrottle throttle;

  ThrottledIdentityProvider(LoginThrottle throttle) {
    this.throttle = throttle;
  }

  @Override
  public boolean checkPassword(String userId, String password) {
    String address = ClientAddress.current();
    if (address == null || userId == null) {
      // Rootfix itself (start-up checks, tests) has no client to slow down.
      return super.checkPassword(userId, password);
    }
    if (throttle.waitFor(address, userId).isPresent()) {
      return false;
    }
    boolean right = super.checkPassword(userId, password);
    if (right) {
      throttle.succeeded(address, userId);
    } else {
      throttle.failed(address, userId);
    }
    return right;
  }

  /** Opens this provider as the engine's identity provider, read and write, in every command. */
  static SessionFactory factory(LoginThrottle throttle) {
    return new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return ThrottledIdentityProvider.class;
      }

      @Override
      public Session openSession() {
        return new ThrottledIdentityProvider(throttle);
      }
    };
  }
}
