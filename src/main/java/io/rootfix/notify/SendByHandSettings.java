package io.rootfix.notify;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code rootfix.notify.agent-send-within}: the messages agents send by hand (phone, letter, chat, social media).
 * The default is in {@code application.yaml} only; a key missing there fails the start naming it.
 *
 * @param agentSendWithin a "Send the message to the customer" task is due this long after the message was handed over
 */
@Validated
@ConfigurationProperties("rootfix.notify")
public record SendByHandSettings(@NotNull @DurationMin(seconds = 1) Duration agentSendWithin) {}
