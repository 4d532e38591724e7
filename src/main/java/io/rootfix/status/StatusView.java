package io.rootfix.status;

import io.rootfix.complaint.ComplaintState;
import io.rootfix.promise.PromiseType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import io.rootfix.notify.CustomerLinks.Purpose;

/**
 * A complaint as its customer sees it: where it stands, the date we agreed, what we promised and what we
 * told them. Nothing internal: no owner, no notes, no ids. Every moment also comes as text ({@code …Text}) in
 * Rootfix's date convention and zone (rootfix.locale), which the page shows: a promise for 17:00 in Amsterdam
 * reads 17:00 whatever the browser's zone. {@code customerAction}: what the complaint waits for from the customer
 * (ANSWER, CONFIRM, EFFORT), for which the page offers to send their personal link; absent when nothing.
 */
record StatusView(
    String trackingNumber,
    ComplaintState state,
    String stateText,
    Instant receivedAt,
    String receivedAtText,
    LocalDate agreedAnswerDate,
    String agreedAnswerDateText,
    Instant closedAt,
    String closedAtText,
    List<OpenPromise> openPromises,
    List<SentMessage> messages,
    Purpose customerAction) {

  /** @param windowFrom the start of a window ("between 14:00 and 18:00"); null for a plain deadline */
  record OpenPromise(PromiseType type, String text, Instant windowFrom, String windowFromText, Instant due,
      String dueText) {}

  /**
   * A message to the customer: sent ({@code sentAt}, with {@code sentAtText} in Rootfix's date convention and zone),
   * or still on its way (an e-mail in the outbox, a call or a letter an agent has yet to make); {@code queuedAt} is
   * when we wrote it.
   */
  record SentMessage(String subject, Instant sentAt, String sentAtText, Instant queuedAt) {}

  /** In the customer's words. */
  static String describe(ComplaintState state) {
    return switch (state) {
      case RECEIVED -> "We received your complaint and will agree with you what you expect and by when.";
      case IN_PROGRESS -> "We are working on your complaint.";
      case WAITING_FOR_CUSTOMER -> "We are waiting for information from you; our answer date moves by the time we wait.";
      case WAITING_FOR_FIX -> "We found the cause and are fixing it, so it does not happen again.";
      case REPORTED -> "We sent you our answer. Please tell us whether your complaint is resolved.";
      case REOPENED -> "You told us it is not resolved; we are working on it again.";
      case CLOSED -> "Your complaint is closed.";
      // Never shown: a merged complaint's number shows the complaint it was merged into.
      case MERGED -> "Your complaint is handled together with another one of yours.";
    };
  }
}
