package io.privacygate.testing;

import org.jboss.logmanager.formatters.PatternFormatter;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Captures every log line (message and exception) of the running application, so that a test can assert
 * that no personal data reached the log: {@code try (LogCapture log = LogCapture.start()) { ... }}.
 */
public final class LogCapture extends Handler implements AutoCloseable {
    private final PatternFormatter formatter = new PatternFormatter("%c %m %e");
    private final List<String> lines = new CopyOnWriteArrayList<>();

    private LogCapture() {
    }

    public static LogCapture start() {
        LogCapture capture = new LogCapture();
        Logger.getLogger("").addHandler(capture);
        return capture;
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    /** Whether any captured line contains the text (case-insensitive). */
    public boolean contains(String text) {
        return lines.stream().anyMatch(line -> line.toLowerCase().contains(text.toLowerCase()));
    }

    @Override
    public void publish(LogRecord record) {
        lines.add(formatter.format(record));
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
    }
}
