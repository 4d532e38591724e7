package io.rootfix.complaint;

import io.rootfix.security.Groups;
import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Whether the queue the routing policy (processes/routing.dmn) names is set up: a group whose id starts with
 * {@code queue-} and that has members, or {@code service-agents}, the whole team. Anything else goes to the whole
 * team: a queue nobody is in yet, a group not created yet, or a group that is not a queue (complaints routed to
 * auditors or admins would be offered to people who do not work them). So no complaint is offered to nobody.
 */
@Component
class Queues {

  private static final Logger log = LoggerFactory.getLogger(Queues.class);

  private final IdentityService identity;

  Queues(IdentityService identity) {
    this.identity = identity;
  }

  String checked(String routed, String trackingNumber) {
    if (ComplaintProcess.AGENTS.equals(routed)) {
      return routed;
    }
    if (!Groups.isQueue(routed)) {
      log.warn("Complaint {}: the routing policy names {}, which is not a queue (a group queue-…); offered to {}",
          trackingNumber, routed == null ? "no queue" : "'" + routed + "'", ComplaintProcess.AGENTS);
      return ComplaintProcess.AGENTS;
    }
    if (identity.createUserQuery().memberOfGroup(routed).count() == 0) {
      log.warn("Complaint {}: queue '{}' is not set up (no such group, or nobody in it); offered to {}",
          trackingNumber, routed, ComplaintProcess.AGENTS);
      return ComplaintProcess.AGENTS;
    }
    return routed;
  }
}
