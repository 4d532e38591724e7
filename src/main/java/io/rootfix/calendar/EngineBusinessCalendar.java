package io.rootfix.calendar;

import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;

/**
 * Lets BPMN timers and task due dates say "2 business days": such expressions are resolved with the
 * business calendar, everything else (ISO 8601 durations and dates) by the engine's own calendar.
 */
class EngineBusinessCalendar implements org.camunda.bpm.engine.impl.calendar.BusinessCalendar {

  private final BusinessCalendar calendar;
  private final org.camunda.bpm.engine.impl.calendar.BusinessCalendar standard;

  EngineBusinessCalendar(BusinessCalendar calendar, org.camunda.bpm.engine.impl.calendar.BusinessCalendar standard) {
    this.calendar = calendar;
    this.standard = standard;
  }

  @Override
  public Date resolveDuedate(String description) {
    return resolveDuedate(description, (Date) null);
  }

  @Override
  public Date resolveDuedate(String description, Date startDate) {
    if (BusinessCalendar.isBusinessDuration(description)) {
      Date from = startDate != null ? startDate : ClockUtil.getCurrentTime();
      return Date.from(calendar.resolve(description, from.toInstant()));
    }
    return startDate != null ? standard.resolveDuedate(description, startDate) : standard.resolveDuedate(description);
  }

  @Override
  public Date resolveDuedate(String description, Task task) {
    if (BusinessCalendar.isBusinessDuration(description)) {
      return resolveDuedate(description, (Date) null);
    }
    return standard.resolveDuedate(description, task);
  }
}
