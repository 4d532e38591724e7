package io.rootfix.calendar;

import java.time.ZoneId;
import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.MapBusinessCalendarManager;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * Wires the business calendar into the engine: a timer's {@code timeDuration}, a {@code timeDate} or a
 * user task's {@code camunda:dueDate} may be written as "2 business days".
 */
public class BusinessCalendarPlugin extends AbstractProcessEnginePlugin {

  private final BusinessCalendar calendar;

  /** For engines built without Spring (the process tests' camunda.cfg.xml): a Dutch office. */
  public BusinessCalendarPlugin() {
    this(BusinessCalendar.dutchOffice(ZoneId.of("Europe/Amsterdam")));
  }

  public BusinessCalendarPlugin(BusinessCalendar calendar) {
    this.calendar = calendar;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    MapBusinessCalendarManager calendars = new MapBusinessCalendarManager();
    calendars.addBusinessCalendar(DurationBusinessCalendar.NAME,
        new EngineBusinessCalendar(calendar, new DurationBusinessCalendar()));
    calendars.addBusinessCalendar(DueDateBusinessCalendar.NAME,
        new EngineBusinessCalendar(calendar, new DueDateBusinessCalendar()));
    calendars.addBusinessCalendar(CycleBusinessCalendar.NAME, new CycleBusinessCalendar());
    configuration.setBusinessCalendarManager(calendars);
  }
}
