package io.patent2tech.connectors.http;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/**
 * Every log line written under a logger name while it is open, at every level, with the level in
 * front and a thrown exception behind ({@code "WARN retrying ... java.io.IOException: ..."}), so
 * tests can assert what was logged and that no credential ever is (log4j is the tests' SLF4J
 * binding). Closing it restores the logging configuration as it was.
 */
public final class CapturedLogs implements AutoCloseable {

  /** All connectors. */
  public static final String CONNECTORS = "io.patent2tech.connectors";

  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final LoggerContext context = (LoggerContext) LogManager.getContext(false);
  private final String loggerName;
  private final AbstractAppender appender;
  /** The logger config this capture added, or null when it joined one that was configured already. */
  private final LoggerConfig added;
  private final Level previousLevel;

  /** Everything the connectors log. */
  public CapturedLogs() {
    this(CONNECTORS);
  }

  /** Everything logged under {@code loggerName} (a package or class name). */
  public CapturedLogs(String loggerName) {
    this.loggerName = loggerName;
    appender = new AbstractAppender("captured-" + UUID.randomUUID(), null, null, true, Property.EMPTY_ARRAY) {
      @Override
      public void append(LogEvent event) {
        lines.add(event.getLevel() + " " + event.getMessage().getFormattedMessage()
            + (event.getThrown() == null ? "" : " " + event.getThrown()));
      }
    };
    appender.start();
    Configuration config = context.getConfiguration();
    LoggerConfig existing = config.getLoggerConfig(loggerName);
    if (existing.getName().equals(loggerName)) {
      added = null;
      previousLevel = existing.getLevel();
      existing.setLevel(Level.ALL);
      existing.addAppender(appender, Level.ALL, null);
    } else {
      added = new LoggerConfig(loggerName, Level.ALL, true);
      previousLevel = null;
      added.addAppender(appender, Level.ALL, null);
      config.addLogger(loggerName, added);
    }
    context.updateLoggers();
  }

  /** The lines so far, in order. */
  public List<String> lines() {
    return List.copyOf(lines);
  }

  @Override
  public void close() {
    Configuration config = context.getConfiguration();
    if (added != null) {
      config.removeLogger(loggerName);
    } else {
      LoggerConfig existing = config.getLoggerConfig(loggerName);
      existing.removeAppender(appender.getName());
      existing.setLevel(previousLevel);
    }
    context.updateLoggers();
    appender.stop();
  }
}
