package io.rootfix.complaint;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The complaint settings ({@code rootfix.complaint.*}). */
@Configuration
@EnableConfigurationProperties(ComplaintSettings.class)
class ComplaintConfiguration {}
