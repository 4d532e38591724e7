package io.rootfix.notify;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code rootfix.links.*}: the customers' personal links (docs/customer-links.md). The defaults are in
 * {@code application.yaml} only; a key missing there fails the start naming it.
 *
 * @param secret the signing secret, at least 32 characters, the same on every node; empty: a random one per start
 *     ({@link CustomerLinks} warns, and checks the length)
 * @param validity how long a link holds after the message was written
 * @param baseUrl the address customers reach Rootfix at; every link starts with it
 */
@Validated
@ConfigurationProperties("rootfix.links")
public record LinkSettings(
    @NotNull String secret,
    @NotNull @DurationMin(seconds = 1) Duration validity,
    @NotBlank String baseUrl) {}
