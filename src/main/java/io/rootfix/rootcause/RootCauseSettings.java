package io.rootfix.rootcause;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code rootfix.root-cause.*}.
 *
 * @param defaultOwnerGroup the group that investigates and fixes a new root cause when the agent names none
 */
@ConfigurationProperties("rootfix.root-cause")
public record RootCauseSettings(@DefaultValue("team-leads") String defaultOwnerGroup) {}
