package io.camelexo.exchangeonline.support;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/** Captures the log events of every logger down to a level, with stack traces, for leak checks. */
public final class LogCapture extends AbstractAppender implements AutoCloseable {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final java.util.Map<LoggerConfig, Level> previousLevels = new java.util.HashMap<>();

    private LogCapture(Level level) {
        super("capture", null, null, true, Property.EMPTY_ARRAY);
        LoggerContext context = (LoggerContext) org.apache.logging.log4j.LogManager.getContext(false);
        Configuration configuration = context.getConfiguration();
        start();
        configuration.addAppender(this);
        LoggerConfig root = configuration.getRootLogger();
        previousLevels.put(root, root.getLevel());
        root.addAppender(this, level, null);
        root.setLevel(level);
        configuration.getLoggers().values().forEach(logger -> {
            previousLevels.put(logger, logger.getLevel());
            logger.addAppender(this, level, null);
            logger.setLevel(level);
        });
        context.updateLoggers();
    }

    public static LogCapture capture(Level level) {
        return new LogCapture(level);
    }

    @Override
    public void append(LogEvent event) {
        StringWriter text = new StringWriter();
        text.append(event.getLoggerName()).append(' ').append(event.getMessage().getFormattedMessage());
        if (event.getThrown() != null) {
            event.getThrown().printStackTrace(new PrintWriter(text));
        }
        lines.add(text.toString());
    }

    public List<String> lines() {
        return lines;
    }

    @Override
    public void close() {
        LoggerContext context = (LoggerContext) org.apache.logging.log4j.LogManager.getContext(false);
        Configuration configuration = context.getConfiguration();
        configuration.getRootLogger().removeAppender(getName());
        configuration.getLoggers().values().forEach(logger -> logger.removeAppender(getName()));
        previousLevels.forEach(LoggerConfig::setLevel);
        context.updateLoggers();
        stop();
    }
}
