package io.rootfix.notify;

import static io.rootfix.process.ProcessVariable.dateVariable;
import static io.rootfix.process.ProcessVariable.longVariable;
import static io.rootfix.process.ProcessVariable.stringVariable;

import io.rootfix.process.ProcessVariable;
import java.util.Date;

/** Ids and variable names of {@code processes/send-by-hand.bpmn}. */
public final class SendByHandProcess {

  private SendByHandProcess() {}

  public static final String KEY = "send-by-hand";
  public static final String RESOURCE = "processes/send-by-hand.bpmn";
  /** Ends the task when the message was marked sent through the API instead. */
  public static final String MESSAGE_SENT_BY_HAND = "MessageSentByHand";

  public static final class Element {
    private Element() {}

    public static final String SEND_BY_HAND = "Task_SendByHand";
    public static final String SENT_ANOTHER_WAY = "Event_SentAnotherWay";
    public static final String END_SENT = "End_MessageSent";
    public static final String END_SENT_ANOTHER_WAY = "End_SentAnotherWay";
  }

  public static final class Var {
    private Var() {}

    public static final String MESSAGE_ID = "messageId";
    public static final String TRACKING_NUMBER = "trackingNumber";
    public static final String CHANNEL = "channel";
    public static final String RECIPIENT = "recipient";
    public static final String SUBJECT = "subject";
    public static final String BODY = "body";
    public static final String FAILURE = "failure";
    /** The task's due date. */
    public static final String SEND_BY = "sendBy";
    /** The agent's confirmation on the form. */
    public static final String SENT = "sent";
  }

  // Typed variables: the name from Var, the type here.
  public static final ProcessVariable<Long> MESSAGE_ID = longVariable(Var.MESSAGE_ID);
  public static final ProcessVariable<String> TRACKING_NUMBER = stringVariable(Var.TRACKING_NUMBER);
  public static final ProcessVariable<String> CHANNEL = stringVariable(Var.CHANNEL);
  public static final ProcessVariable<String> RECIPIENT = stringVariable(Var.RECIPIENT);
  public static final ProcessVariable<String> SUBJECT = stringVariable(Var.SUBJECT);
  public static final ProcessVariable<String> BODY = stringVariable(Var.BODY);
  public static final ProcessVariable<String> FAILURE = stringVariable(Var.FAILURE);
  public static final ProcessVariable<Date> SEND_BY = dateVariable(Var.SEND_BY);
}
