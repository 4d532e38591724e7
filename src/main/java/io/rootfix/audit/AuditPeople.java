package io.rootfix.audit;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Who did it, as an auditor reads it: the full name from Camunda's identity with the login in brackets
 * ("Sam Jansen (sam)"); Rootfix's own steps and the customer's are named as such.
 */
@Component
class AuditPeople {

  static final String SYSTEM = "Rootfix (automatic)";
  static final String CUSTOMER = "the customer";

  private final IdentityService identity;

  AuditPeople(IdentityService identity) {
    this.identity = identity;
  }

  /** The names of these logins, looked up in one query; a login no longer in the identity keeps its id. */
  Names of(Collection<String> userIds) {
    String[] ids = userIds.stream().filter(Objects::nonNull).filter(id -> !id.isBlank()).distinct()
        .toArray(String[]::new);
    Map<String, String> names = new HashMap<>();
    if (ids.length > 0) {
      for (User user : identity.createUserQuery().userIdIn(ids).list()) {
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
            + (user.getLastName() == null ? "" : user.getLastName())).trim();
        names.put(user.getId(), name.isEmpty() ? user.getId() : name + " (" + user.getId() + ")");
      }
    }
    return new Names(names);
  }

  record Names(Map<String, String> byId) {

    String of(String userId) {
      if (userId == null || userId.isBlank() || userId.equals(AuditEntry.SYSTEM)) {
        return SYSTEM;
      }
      if (userId.equals("customer")) {
        return CUSTOMER;
      }
      return byId.getOrDefault(userId, userId);
    }
  }
}
