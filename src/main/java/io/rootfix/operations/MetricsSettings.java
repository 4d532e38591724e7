package io.rootfix.operations;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code rootfix.metrics.*}.
 *
 * @param maxAge how old the business figures may be before a scrape reads the tables again
 */
@ConfigurationProperties("rootfix.metrics")
record MetricsSettings(@DefaultValue("PT10S") Duration maxAge) {}
