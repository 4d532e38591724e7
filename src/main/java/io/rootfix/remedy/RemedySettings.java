package io.rootfix.remedy;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code rootfix.remedy.*}: the promises a granted remedy makes, in business time ("5 business days").
 *
 * @param refundWithin the refund is paid within this
 * @param deliveryFrom the replacement is delivered no sooner than this
 * @param deliveryWithin and no later than this
 */
@ConfigurationProperties("rootfix.remedy")
public record RemedySettings(
    @DefaultValue("5 business days") String refundWithin,
    @DefaultValue("2 business days") String deliveryFrom,
    @DefaultValue("5 business days") String deliveryWithin) {}
