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

  public static final List<String> ROOTFIX_GROUPS = List.of(SERVICE_AGENTS, TEAM_LEADS, PROCESS_OWNERS, AUDITORS);
}
