package io.rootfix.complaint;

import java.time.LocalDate;

/** What was agreed with the customer at "Agree expectation". */
record Expectation(
    DesiredOutcome desiredOutcome, LocalDate agreedAnswerDate, ContactPreference contactPreference, String note) {}
