package io.rootfix.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** Who did a task: the user who claimed it, or else the user completing it (null for the Java API). */
@Component
public class TaskActor {

  private final IdentityService identityService;

  TaskActor(IdentityService identityService) {
    this.identityService = identityService;
  }

  public String of(DelegateTask task) {
    if (task.getAssignee() != null) {
      return task.getAssignee();
    }
    Authentication authentication = identityService.getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }
}
