package io.rootfix.support;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;

/**
 * A logger's messages at DEBUG while some work runs, kept for the test and off the console; the logger is set back
 * afterwards. For counting or reading what the engine sent to the database (its persistence log, MyBatis' statements).
 */
public final class CapturedLog {

  /** What the work answered and the messages logged meanwhile. */
  public record Captured<T>(T result, List<String> messages) {}

  private CapturedLog() {}

  public static <T> Captured<T> during(String loggerName, Supplier<T> work) {
    Logger logger = (Logger) LoggerFactory.getLogger(loggerName);
    Level level = logger.getLevel();
    boolean additive = logger.isAdditive();
    List<String> messages = new CopyOnWriteArrayList<>();
    AppenderBase<ILoggingEvent> capture = new AppenderBase<>() {
      @Override
      protected void append(ILoggingEvent event) {
        messages.add(event.getFormattedMessage());
      }
    };
    capture.setContext(logger.getLoggerContext());
    capture.start();
    logger.addAppender(capture);
    logger.setAdditive(false);
    logger.setLevel(Level.DEBUG);
    try {
      return new Captured<>(work.get(), List.copyOf(messages));
    } finally {
      logger.setLevel(level);
      logger.setAdditive(additive);
      logger.detachAppender(capture);
      capture.stop();
    }
  }
}
