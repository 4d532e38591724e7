package io.rootfix.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import io.rootfix.calendar.BusinessCalendar;
import io.rootfix.complaint.ComplaintProcess.Element;
import io.rootfix.complaint.ComplaintProcess.Var;
import io.rootfix.notify.CustomerMessage;
import io.rootfix.notify.MessageKind;
import io.rootfix.notify.Outbox;
import io.rootfix.promise.PromiseService;
import io.rootfix.promise.PromiseView;
import io.rootfix.support.RootfixIntegrationTest;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

/**
 * Waiting for the customer pauses the answer promise; a customer who hears nothing for too long gets an
 * update. Time is the engine clock, frozen on a Monday of a full working week.
 */
class WaitingAndKeepingInTheLoopTest extends RootfixIntegrationTest {

  @Autowired
  private BusinessCalendar calendar;

  @Autowired
  private PromiseService promises;

  @Autowired
  private ComplaintRepository complaints;

  @Autowired
  private Outbox outbox;

  private Instant monday;

  @BeforeEach
  void freezeClockOnAWorkingMonday() {
    LocalDate day = LocalDate.now(calendar.zone()).plusDays(1);
    while (day.getDayOfWeek() != DayOfWeek.MONDAY
        || !day.datesUntil(day.plusDays(5)).allMatch(calendar::isBusinessDay)) {
      day = day.plusDays(1);
    }
    monday = day.atTime(10, 0).atZone(calendar.zone()).toInstant();
    ClockUtil.setCurrentTime(Date.from(monday));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void waitingTwoDaysForTheCustomerMovesTheAnswerDateByTwoDays() {
    String trackingNumber = receivedAndPatched(LocalDate.ofInstant(monday, calendar.zone()).plusDays(7));
    Instant promisedBefore = answerPromise(trackingNumber).dueAt();

    submit(trackingNumber, Element.FIND_ROOT_CAUSE, Map.of(Var.NEED_CUSTOMER_INFORMATION, true,
        Var.INFORMATION_REQUEST, "Which order number was on the broken parcel?"));
    executeDueJobs();
    assertThat(complaint(trackingNumber).getState()).isEqualTo(ComplaintState.WAITING_FOR_CUSTOMER);
    assertThat(lastMessage(trackingNumber).getKind()).isEqualTo(MessageKind.INFORMATION_REQUEST);
    assertThat(lastMessage(trackingNumber).getBody()).contains("Which order number was on the broken parcel?");

    ClockUtil.setCurrentTime(Date.from(monday.plus(Duration.ofDays(2))));
    executeDueJobs();
    assertThat(answerPromise(trackingNumber).state()).as("paused, not broken or reminded").hasToString("OPEN");
    assertThat(as(AGENT).postForEntity("/api/complaints/" + trackingNumber + "/information",
        json("{\"information\": \"Order 4711\"}"), Void.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    executeDueJobs();

    PromiseView moved = answerPromise(trackingNumber);
    assertThat(moved.dueAt()).isEqualTo(calendar.deadlineMovedBy(promisedBefore, 2));
    assertThat(moved.renegotiations()).singleElement()
        .satisfies(r -> assertThat(r.customerToldInTime()).isTrue());
    Complaint resumed = complaint(trackingNumber);
    assertThat(resumed.getState()).isEqualTo(ComplaintState.IN_PROGRESS);
    assertThat(resumed.getCustomerInformation()).isEqualTo("Order 4711");
    assertThat(resumed.getAgreedAnswerDate()).isEqualTo(LocalDate.ofInstant(moved.dueAt(), calendar.zone()));
    assertThat(lastMessage(trackingNumber).getKind()).isEqualTo(MessageKind.NEW_ANSWER_DATE);
    assertThat(openTaskKeys(trackingNumber)).containsExactly(Element.FIND_ROOT_CAUSE);
  }

  @Test
  void waitingThreeBusinessDaysMovesTheAnswerDateByThreeBusinessDaysAndTellsTheCustomer() {
    String trackingNumber = receivedAndPatched(LocalDate.ofInstant(monday, calendar.zone()).plusDays(7));
    Instant promisedBefore = answerPromise(trackingNumber).dueAt();
    askTheCustomer(trackingNumber);

    ClockUtil.setCurrentTime(Date.from(monday.plus(Duration.ofDays(3)))); // Thursday 10:00
    customerAnswers(trackingNumber);

    PromiseView moved = answerPromise(trackingNumber);
    assertThat(moved.dueAt()).as("three business days later, at the same time of day")
        .isEqualTo(calendar.deadlineMovedBy(promisedBefore, 3));
    assertThat(moved.renegotiations()).singleElement().satisfies(r -> {
      assertThat(r.reason()).isEqualTo("Waited 3 business days for the customer's information");
      assertThat(r.customerToldInTime()).isTrue();
    });
    assertThat(complaint(trackingNumber).getAgreedAnswerDate())
        .isEqualTo(LocalDate.ofInstant(moved.dueAt(), calendar.zone()));
    CustomerMessage told = lastMessage(trackingNumber);
    assertThat(told.getKind()).isEqualTo(MessageKind.NEW_ANSWER_DATE);
    // In the customer's language: Dutch by default.
    assertThat(told.getBody()).contains(java.time.format.DateTimeFormatter.ofPattern("EEEE d MMMM yyyy",
        io.rootfix.notify.Language.NL.locale()).format(complaint(trackingNumber).getAgreedAnswerDate()));
  }

  @Test
  void waitingAFewMinutesMovesNothingAndTellsTheCustomerNothing() {
    String trackingNumber = receivedAndPatched(LocalDate.ofInstant(monday, calendar.zone()).plusDays(7));
    PromiseView before = answerPromise(trackingNumber);
    askTheCustomer(trackingNumber);
    int messages = outbox.messagesOf(complaint(trackingNumber).getId()).size();

    ClockUtil.setCurrentTime(Date.from(monday.plus(Duration.ofMinutes(7))));
    customerAnswers(trackingNumber);

    PromiseView after = answerPromise(trackingNumber);
    assertThat(after.dueAt()).isEqualTo(before.dueAt());
    assertThat(after.state()).hasToString("OPEN");
    assertThat(after.pausedSince()).isNull();
    assertThat(after.renegotiations()).as("no renegotiation, so keeping it later counts as kept").isEmpty();
    assertThat(outbox.messagesOf(complaint(trackingNumber).getId())).as("no \"new\" date announced")
        .hasSize(messages);
    assertThat(complaint(trackingNumber).getAgreedAnswerDate()).isEqualTo(LocalDate.ofInstant(before.dueAt(), calendar.zone()));
    // The watch runs again on the old dates: no timer parked years ahead.
    List<Date> timers = managementService.createJobQuery().timers()
        .processInstanceId(runtimeService.createProcessInstanceQuery()
            .processInstanceBusinessKey(trackingNumber + "/" + before.id()).singleResult().getId())
        .list().stream().map(org.camunda.bpm.engine.runtime.Job::getDuedate).toList();
    assertThat(timers).singleElement().satisfies(due -> assertThat(due.toInstant()).isBefore(before.dueAt()));
  }

  @Test
  void theOwnerUpdatesACustomerWhoHeardNothingForThreeBusinessDaysAndOnlyThen() {
    String trackingNumber = receivedAndPatched(LocalDate.ofInstant(monday, calendar.zone()).plusDays(14));

    passDays(2); // Wednesday: the acknowledgement went out on Monday
    assertThat(openTaskKeys(trackingNumber)).doesNotContain(Element.UPDATE_CUSTOMER);

    passDays(2); // Friday, more than three business days after Monday 10:00
    assertThat(openTaskKeys(trackingNumber)).contains(Element.UPDATE_CUSTOMER);
    submit(trackingNumber, Element.UPDATE_CUSTOMER, Map.of(Var.STATUS_UPDATE, "We are testing the new packaging."));
    assertThat(lastMessage(trackingNumber).getKind()).isEqualTo(MessageKind.STATUS_UPDATE);

    passDays(1);
    assertThat(openTaskKeys(trackingNumber)).as("the customer just heard from us").doesNotContain(Element.UPDATE_CUSTOMER);
  }

  private String receivedAndPatched(LocalDate answerDate) {
    String trackingNumber = receive();
    agreeExpectation(trackingNumber, answerDate.toString());
    submit(trackingNumber, Element.PATCH_SYMPTOM, Map.of(Var.PATCH_DESCRIPTION, "Sent a replacement"));
    return trackingNumber;
  }

  private void askTheCustomer(String trackingNumber) {
    submit(trackingNumber, Element.FIND_ROOT_CAUSE, Map.of(Var.NEED_CUSTOMER_INFORMATION, true,
        Var.INFORMATION_REQUEST, "Which order number was on the broken parcel?"));
    executeDueJobs();
    assertThat(complaint(trackingNumber).getState()).isEqualTo(ComplaintState.WAITING_FOR_CUSTOMER);
  }

  private void customerAnswers(String trackingNumber) {
    assertThat(as(AGENT).postForEntity("/api/complaints/" + trackingNumber + "/information",
        json("{\"information\": \"Order 4711\"}"), Void.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    executeDueJobs();
    assertThat(complaint(trackingNumber).getState()).isEqualTo(ComplaintState.IN_PROGRESS);
  }

  private void passDays(int days) {
    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(days))));
    for (int round = 0; round < 10 && managementService.createJobQuery().executable().count() > 0; round++) {
      executeDueJobs();
    }
  }

  private PromiseView answerPromise(String trackingNumber) {
    return promises.ofComplaint(trackingNumber).get(0);
  }

  private Complaint complaint(String trackingNumber) {
    return complaints.findByTrackingNumber(trackingNumber).orElseThrow();
  }

  private CustomerMessage lastMessage(String trackingNumber) {
    List<CustomerMessage> messages = outbox.messagesOf(complaint(trackingNumber).getId());
    return messages.get(messages.size() - 1);
  }
}
