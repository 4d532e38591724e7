package io.rootfix.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * HTTP Basic for {@code /api} and {@code /engine-rest} against the Camunda identity, the same users
 * and passwords as the webapps. The user's Camunda groups become their authorities. An address that gave
 * too many wrong passwords for the user is told to wait (LoginThrottle) before any password is checked.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

  private final IdentityService identityService;
  private final LoginThrottle throttle;

  CamundaIdentityAuthenticationProvider(IdentityService identityService, LoginThrottle throttle) {
    this.identityService = identityService;
    this.throttle = throttle;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String userId = authentication.getName();
    Object credentials = authentication.getCredentials();
    String address = ClientAddress.current();
    if (userId != null && address != null) {
      throttle.waitFor(address, userId).ifPresent(wait -> {
        throw new LoginThrottledException(wait);
      });
    }
    if (userId == null || credentials == null || !identityService.checkPassword(userId, credentials.toString())) {
      throw new BadCredentialsException("Wrong user name or password");
    }
    List<SimpleGrantedAuthority> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId)
        .map(SimpleGrantedAuthority::new)
        .toList();
    return UsernamePasswordAuthenticationToken.authenticated(userId, null, groups);
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
