package io.rootfix.complaint;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code rootfix.complaint.*}: how complaints are numbered, when a contact is a repeat contact, how often a waiting
 * customer hears from us and whom a customer may turn to after our final answer.
 *
 * @param trackingPrefix the letters before every tracking number ({@code RF-2026-000123})
 * @param repeatWindow a contact in the same category as the customer's open complaint within this window is a
 *     repeat contact (and a complaint closed within it is not "first time right")
 * @param updateInterval the longest a customer waits for news of an open complaint (business time)
 * @param disputesCommittee named in the final answer and on reopening: where the customer may take the complaint
 */
@ConfigurationProperties("rootfix.complaint")
public record ComplaintSettings(
    @DefaultValue("RF") String trackingPrefix,
    @DefaultValue("P14D") Duration repeatWindow,
    @DefaultValue("3 business days") String updateInterval,
    @DefaultValue("de Geschillencommissie (the independent disputes committee for consumer complaints)")
    String disputesCommittee) {}
