package io.rootfix.complaint;

import io.rootfix.promise.ComplaintQueue;
import io.rootfix.security.Groups;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Whether the queue the routing policy (processes/routing.dmn) names is set up: a group whose id starts with
 * {@code queue-} and that has members, or {@code service-agents}, the whole team. Anything else goes to the whole
 * team: a queue nobody is in yet, a group not created yet, or a group that is not a queue (complaints routed to
 * auditors or admins would be offered to people who do not work them). So no complaint is offered to nobody.
 * A complaint's promises are renegotiated in its queue too, by its owner ({@link ComplaintQueue}).
 */
@Component
class Queues implements ComplaintQueue {

  private static final Logger log = LoggerFactory.getLogger(Queues.class);

  private final IdentityService identity;
  private final RuntimeService runtime;
  private final ComplaintRepository complaints;

  Queues(IdentityService identity, RuntimeService runtime, ComplaintRepository complaints) {
    this.identity = identity;
    this.runtime = runtime;
    this.complaints = complaints;
  }

  /**
   * The queue the complaint's own tasks are offered to; the whole team for a complaint without one (received on a
   * model before queues) or no longer running.
   */
  @Override
  public String of(String trackingNumber) {
    List<ProcessInstance> complaint = runtime.createProcessInstanceQuery().processDefinitionKey(ComplaintProcess.KEY)
        .processInstanceBusinessKey(trackingNumber).listPage(0, 1);
    String queue = complaint.isEmpty() ? null
        : ComplaintProcess.QUEUE.from(runtime.getVariables(complaint.get(0).getId(), List.of(ComplaintProcess.Var.QUEUE)));
    return queue == null ? ComplaintProcess.AGENTS : queue;
  }

  @Override
  public String ownerOf(String trackingNumber) {
    return complaints.findByTrackingNumber(trackingNumber).map(Complaint::getOwner).orElse(null);
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
