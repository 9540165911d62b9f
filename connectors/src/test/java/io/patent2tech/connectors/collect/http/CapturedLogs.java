package io.patent2tech.connectors.collect.http;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.Property;

/**
 * Every log line of the connectors written while it is open (all levels, with thrown exceptions),
 * so tests can assert that no credential is ever logged.
 */
public final class CapturedLogs implements AutoCloseable {

  private static final String PACKAGE = "io.patent2tech.connectors";

  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final AbstractAppender appender;
  private final LoggerContext context;

  public CapturedLogs() {
    context = (LoggerContext) LogManager.getContext(false);
    appender = new AbstractAppender("captured-" + UUID.randomUUID(), null, null, true, Property.EMPTY_ARRAY) {
      @Override
      public void append(LogEvent event) {
        lines.add(event.getMessage().getFormattedMessage()
            + (event.getThrown() == null ? "" : " " + event.getThrown()));
      }
    };
    appender.start();
    Configurator.setLevel(PACKAGE, Level.ALL);
    context.getConfiguration().getLoggerConfig(PACKAGE).addAppender(appender, Level.ALL, null);
    context.updateLoggers();
  }

  public List<String> lines() {
    return List.copyOf(lines);
  }

  @Override
  public void close() {
    context.getConfiguration().getLoggerConfig(PACKAGE).removeAppender(appender.getName());
    context.updateLoggers();
    appender.stop();
  }
}
