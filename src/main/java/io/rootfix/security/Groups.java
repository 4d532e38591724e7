package io.rootfix.security;

import java.util.List;

/** Rootfix's groups in the Camunda identity, as Spring Security authorities too. */
public final class Groups {

  private Groups() {}

  public static final String SERVICE_AGENTS = "service-agents";
  public static final String TEAM_LEADS = "team-leads";
  public static final String PROCESS_OWNERS = "process-owners";
  public static final String AUDITORS = "auditors";
  /** The group the Camunda starter gives every permission. */
  public static final String ADMINS = "camunda-admin";

  /**
   * A queue: a group of service agents that the routing policy (processes/routing.dmn) offers a share of the
   * complaints to, so that no agent's Tasklist spans the whole backlog. Created in Camunda Admin like any group.
   */
  public static final String QUEUE_PREFIX = "queue-";

  public static boolean isQueue(String groupId) {
    return groupId != null && groupId.startsWith(QUEUE_PREFIX) && groupId.length() > QUEUE_PREFIX.length();
  }

  public static final List<String> ROOTFIX_GROUPS = List.of(SERVICE_AGENTS, TEAM_LEADS, PROCESS_OWNERS, AUDITORS);
}
