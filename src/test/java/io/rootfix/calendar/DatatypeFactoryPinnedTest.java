package io.rootfix.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.util.Enumeration;
import java.util.concurrent.atomic.AtomicInteger;
import javax.xml.datatype.DatatypeFactory;
import org.camunda.bpm.engine.impl.calendar.DurationHelper;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;

/**
 * Durations and cycles resolve without a provider lookup in every jar (BusinessCalendarPlugin#pinDatatypeFactory):
 * the engine builds a DatatypeFactory for each one it resolves, and the lookup was 2.6 % of the intake's CPU.
 */
class DatatypeFactoryPinnedTest {

  @Test
  void theEnginesDurationsUseTheFactoryTheLookupFoundWithoutLookingAgain() throws Exception {
    String found = DatatypeFactory.newInstance().getClass().getName();
    BusinessCalendarPlugin.pinDatatypeFactory();
    assertThat(System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY)).isEqualTo(found);

    // A class loader that counts every look for a provider: the engine's DurationHelper must not make one.
    AtomicInteger lookups = new AtomicInteger();
    ClassLoader counting = new ClassLoader(getClass().getClassLoader()) {
      @Override
      public Enumeration<URL> getResources(String name) throws IOException {
        if (name.contains("javax.xml.datatype")) {
          lookups.incrementAndGet();
        }
        return super.getResources(name);
      }
    };
    ClassLoader before = Thread.currentThread().getContextClassLoader();
    Thread.currentThread().setContextClassLoader(counting);
    try {
      DurationHelper daily = new DurationHelper("R/P1D", ClockUtil.getCurrentTime());
      assertThat(daily.getDateAfter()).isAfter(ClockUtil.getCurrentTime());
    } finally {
      Thread.currentThread().setContextClassLoader(before);
    }
    assertThat(lookups).as("providers looked up in the jars").hasValue(0);
  }
}
