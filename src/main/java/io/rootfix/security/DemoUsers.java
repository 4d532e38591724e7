package io.rootfix.security;

import static io.rootfix.security.Groups.AUDITORS;
import static io.rootfix.security.Groups.PROCESS_OWNERS;
import static io.rootfix.security.Groups.SERVICE_AGENTS;
import static io.rootfix.security.Groups.TEAM_LEADS;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** One demo user per group (password = user name), for a demo start. Never with the prod profile. */
@Component
@Profile("!prod")
class DemoUsers {

  record DemoUser(String id, String firstName, String lastName, List<String> groups) {}

  static final List<DemoUser> USERS = List.of(
      new DemoUser("sam", "Sam", "Jansen", List.of(SERVICE_AGENTS)),
      new DemoUser("noor", "Noor", "Bakker", List.of(SERVICE_AGENTS)),
      new DemoUser("lea", "Lea", "de Vries", List.of(TEAM_LEADS, SERVICE_AGENTS)),
      new DemoUser("ivo", "Ivo", "Mulder", List.of(TEAM_LEADS)),
      new DemoUser("owen", "Owen", "Smit", List.of(PROCESS_OWNERS)),
      new DemoUser("ada", "Ada", "Visser", List.of(AUDITORS)));

  private final IdentityService identityService;

  DemoUsers(IdentityService identityService) {
    this.identityService = identityService;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(2)
  void create() {
    for (DemoUser demo : USERS) {
      if (identityService.createUserQuery().userId(demo.id()).count() > 0) {
        continue;
      }
      User user = identityService.newUser(demo.id());
      user.setFirstName(demo.firstName());
      user.setLastName(demo.lastName());
      user.setEmail(demo.id() + "@rootfix.example");
      user.setPassword(demo.id());
      identityService.saveUser(user);
      demo.groups().forEach(group -> identityService.createMembership(demo.id(), group));
    }
  }
}
