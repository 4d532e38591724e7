package io.rootfix.cluster;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code rootfix.node-name}.
 *
 * @param nodeName this node's name in a cluster, unique per node; empty: the engine's default (the host's address)
 */
@ConfigurationProperties("rootfix")
record NodeSettings(@DefaultValue("") String nodeName) {}
