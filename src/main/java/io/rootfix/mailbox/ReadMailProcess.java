package io.rootfix.mailbox;

import static io.rootfix.process.ProcessVariable.dateVariable;
import static io.rootfix.process.ProcessVariable.longVariable;
import static io.rootfix.process.ProcessVariable.stringVariable;

import io.rootfix.process.ProcessVariable;
import java.util.Date;

/** Ids and variable names of {@code processes/read-mail.bpmn}. */
public final class ReadMailProcess {

  private ReadMailProcess() {}

  public static final String KEY = "read-mail";
  public static final String RESOURCE = "processes/read-mail.bpmn";

  public static final class Element {
    private Element() {}

    public static final String READ_MAIL = "Task_ReadMail";
    public static final String END_READ = "End_MailRead";
  }

  public static final class Var {
    private Var() {}

    public static final String INBOUND_MAIL_ID = "inboundMailId";
    /** The complaint the mail refers to, when it names one. */
    public static final String TRACKING_NUMBER = "trackingNumber";
    public static final String SENDER = "sender";
    public static final String SUBJECT = "subject";
    /** Why Rootfix did not file it itself. */
    public static final String REASON = "reason";
    public static final String HEADERS = "headers";
    public static final String TEXT = "text";
    /** The task's due date. */
    public static final String READ_BY = "readBy";
    /** The agent's confirmation on the form. */
    public static final String HANDLED = "handled";
  }

  // Typed variables: the name from Var, the type here.
  public static final ProcessVariable<Long> INBOUND_MAIL_ID = longVariable(Var.INBOUND_MAIL_ID);
  public static final ProcessVariable<String> TRACKING_NUMBER = stringVariable(Var.TRACKING_NUMBER);
  public static final ProcessVariable<String> SENDER = stringVariable(Var.SENDER);
  public static final ProcessVariable<String> SUBJECT = stringVariable(Var.SUBJECT);
  public static final ProcessVariable<String> REASON = stringVariable(Var.REASON);
  public static final ProcessVariable<String> HEADERS = stringVariable(Var.HEADERS);
  public static final ProcessVariable<String> TEXT = stringVariable(Var.TEXT);
  public static final ProcessVariable<Date> READ_BY = dateVariable(Var.READ_BY);
}
