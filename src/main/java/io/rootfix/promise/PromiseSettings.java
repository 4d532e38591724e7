package io.rootfix.promise;

import java.time.Duration;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code rootfix.promise.*}: when the watch acts before a deadline, and what a deadline given as a plain date
 * means.
 *
 * @param remindBefore the reminder to the owner, at most this long before the deadline
 * @param renegotiateBefore the "Renegotiate in time" task, at most this long before the deadline
 * @param answerDueTime the time of day a date without a time means: the answer date, a promise or a fix deadline
 *     given as a date is due at this time that day
 */
@ConfigurationProperties("rootfix.promise")
public record PromiseSettings(
    @DefaultValue("P1D") Duration remindBefore,
    @DefaultValue("PT4H") Duration renegotiateBefore,
    @DefaultValue("17:00") LocalTime answerDueTime) {}
