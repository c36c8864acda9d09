package io.privacygate.testing;

import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.formatters.PatternFormatter;
import org.jboss.logmanager.handlers.ConsoleHandler;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.Optional;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Captures every log line (message and exception) of the running application, so that a test can assert
 * that no personal data reached the log: {@code try (LogCapture log = LogCapture.start()) { ... }}.
 */
public final class LogCapture extends Handler implements AutoCloseable {
    private final Formatter formatter;
    private final List<String> lines = new CopyOnWriteArrayList<>();

    private LogCapture(Formatter formatter) {
        this.formatter = formatter;
    }

    public static LogCapture start() {
        return start(new PatternFormatter("%c %m %e"));
    }

    /** Captures each record as the formatter writes it, e.g. the application's own {@link #consoleFormatter()}. */
    public static LogCapture start(Formatter formatter) {
        LogCapture capture = new LogCapture(formatter);
        Logger.getLogger("").addHandler(capture);
        return capture;
    }

    /** The formatter of the running application's console handler: what its log lines really look like. */
    public static Optional<Formatter> consoleFormatter() {
        return consoleFormatter(Logger.getLogger("").getHandlers());
    }

    private static Optional<Formatter> consoleFormatter(Handler[] handlers) {
        for (Handler handler : handlers) {
            if (handler instanceof ConsoleHandler) {
                return Optional.ofNullable(handler.getFormatter());
            }
            if (handler instanceof ExtHandler nested) {
                Optional<Formatter> found = consoleFormatter(nested.getHandlers());
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
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
