package io.rowflow.examples;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Test instrument: records what Rowflow logs to {@code io.rowflow.sql} at a chosen level, until
 * closed (which restores the logger as it was).
 */
public final class SqlLog implements AutoCloseable {

    private final Logger logger = (Logger) LoggerFactory.getLogger("io.rowflow.sql");
    private final Level previousLevel = logger.getLevel();
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private SqlLog(Level level) {
        appender.start();
        logger.addAppender(appender);
        logger.setLevel(level);
    }

    /** Starts recording at DEBUG (statements) or TRACE (statements and bound values). */
    public static SqlLog record(Level level) {
        return new SqlLog(level);
    }

    /** The messages logged so far, formatted, with their level in front ({@code DEBUG SELECT ...}). */
    public List<String> lines() {
        List<ILoggingEvent> events;
        synchronized (appender) {   // AppenderBase appends while holding the appender's lock
            events = List.copyOf(appender.list);
        }
        return events.stream()
                .map(event -> event.getLevel() + " " + event.getFormattedMessage())
                .toList();
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        logger.setLevel(previousLevel);
        appender.stop();
    }
}
