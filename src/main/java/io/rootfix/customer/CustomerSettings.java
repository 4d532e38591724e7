package io.rootfix.customer;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code rootfix.customer.*}: how customers are recognised.
 *
 * @param defaultRegion where a phone number without a country code is dialled from (ISO 3166 code, e.g. NL)
 */
@ConfigurationProperties("rootfix.customer")
public record CustomerSettings(@DefaultValue("NL") String defaultRegion) {}
