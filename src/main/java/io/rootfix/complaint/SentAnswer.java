package io.rootfix.complaint;

import java.time.Instant;

/** The evidence of one answer sent to the customer ({@link AnswerEvidence}), read-only. */
public record SentAnswer(Long customerMessageId, String channel, String recipient, String subject, String answerText,
    Instant sentAt, String draftedBy, boolean reviewRequired, String reviewPolicy, String reviewedBy) {

  static SentAnswer of(AnswerEvidence evidence) {
    return new SentAnswer(evidence.getCustomerMessageId(), evidence.getChannel(), evidence.getRecipient(),
        evidence.getSubject(), evidence.getAnswerText(), evidence.getSentAt(), evidence.getDraftedBy(),
        evidence.isReviewRequired(), evidence.getReviewPolicy(), evidence.getReviewedBy());
  }
}
