package io.rootfix.complaint;

import java.time.LocalDate;

/** A validated, typed intake. */
record ComplaintIntake(
    String customerName,
    String customerEmail,
    String customerPhone,
    Channel channel,
    Category category,
    String description,
    DesiredOutcome desiredOutcome,
    LocalDate wantedAnswerDate) {}
