package io.camelexo.exchangeonline.support;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * Everything this JVM writes while open: log4j2 events of every logger at DEBUG (the fake servers' own loggers,
 * {@code wiremock} and Jetty, switched off: they belong to the fakes, not to the process under test),
 * java.util.logging records at every level (where the JDK's HttpClient and System.Logger write), and System.out and
 * System.err (where the JDK's HttpClient debug output goes).
 */
public final class ProcessOutputCapture implements AutoCloseable {

    private static final List<String> FAKE_SERVER_LOGGERS =
            List.of("wiremock", "org.eclipse", "com.github.tomakehurst");

    private final LogCapture log4j;
    private final List<String> julRecords = new CopyOnWriteArrayList<>();
    private final Logger julRoot = Logger.getLogger("");
    private final java.util.logging.Level julRootLevel = julRoot.getLevel();
    private final Handler[] julRootHandlers = julRoot.getHandlers();
    private final Handler julHandler;
    private final PrintStream originalOut = System.out;
    private final PrintStream originalErr = System.err;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private ProcessOutputCapture() {
        log4j = LogCapture.capture(Level.DEBUG);
        FAKE_SERVER_LOGGERS.forEach(name -> Configurator.setLevel(name, Level.OFF));
        ((LoggerContext) org.apache.logging.log4j.LogManager.getContext(false)).updateLoggers();
        SimpleFormatter format = new SimpleFormatter();
        julHandler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                StringWriter text = new StringWriter()
                        .append(record.getLoggerName())
                        .append(' ')
                        .append(format.format(record));
                if (record.getThrown() != null) {
                    record.getThrown().printStackTrace(new PrintWriter(text));
                }
                julRecords.add(text.toString());
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        julHandler.setLevel(java.util.logging.Level.ALL);
        for (Handler handler : julRootHandlers) {
            julRoot.removeHandler(handler);
        }
        julRoot.addHandler(julHandler);
        julRoot.setLevel(java.util.logging.Level.ALL);
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    public static ProcessOutputCapture start() {
        return new ProcessOutputCapture();
    }

    /** What each channel captured so far, by channel name. */
    public Map<String, String> channels() {
        System.out.flush();
        System.err.flush();
        Map<String, String> channels = new LinkedHashMap<>();
        channels.put("log4j2", String.join("\n", new ArrayList<>(log4j.lines())));
        channels.put("java.util.logging", String.join("\n", julRecords));
        channels.put("System.out", out.toString(StandardCharsets.UTF_8));
        channels.put("System.err", err.toString(StandardCharsets.UTF_8));
        return channels;
    }

    @Override
    public void close() {
        System.setOut(originalOut);
        System.setErr(originalErr);
        julRoot.removeHandler(julHandler);
        for (Handler handler : julRootHandlers) {
            julRoot.addHandler(handler);
        }
        julRoot.setLevel(julRootLevel);
        log4j.close();
    }
}
