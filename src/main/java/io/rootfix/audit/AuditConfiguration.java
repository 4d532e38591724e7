package io.rootfix.audit;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The seal sweep runs on Spring's scheduler. */
@Configuration
@EnableScheduling
class AuditConfiguration {}
