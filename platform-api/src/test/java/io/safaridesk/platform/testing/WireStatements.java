package io.safaridesk.platform.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the PostgreSQL driver really sends to the server, read from its own protocol log: every statement executed
 * ({@code BEGIN}, {@code COMMIT} and {@code set search_path} included, also those the driver runs for
 * {@code Connection.setSchema} or {@code getSchema}) and every parse, on the threads a test names. Statement text is
 * known for statements parsed while recording (or earlier under the same name: exact with a pool of one connection).
 */
public final class WireStatements implements AutoCloseable {

    private static final Pattern PARSE =
            Pattern.compile(" FE=> Parse\\(stmt=([^,]*),query=\"(.*)\",oids=", Pattern.DOTALL);
    private static final Pattern BIND = Pattern.compile(" FE=> Bind\\(stmt=([^,]*),");
    private static final Pattern SIMPLE = Pattern.compile(" FE=> SimpleQuery\\(query=\"(.*)\"\\)", Pattern.DOTALL);
    private static final Map<String, String> NAMED = new HashMap<>();

    private final Logger driver = Logger.getLogger("org.postgresql.core.v3.QueryExecutorImpl");
    private final Level previousLevel = driver.getLevel();
    private final Predicate<Thread> threads;
    private final Recorder recorder = new Recorder();
    private final List<String> executed = new ArrayList<>();
    private int parses;
    private String lastParsed;
    private String lastBound;

    private WireStatements(Predicate<Thread> threads) {
        this.threads = threads;
        driver.setLevel(Level.FINEST);
        driver.setUseParentHandlers(false);
        driver.addHandler(recorder);
    }

    /** Starts recording the statements sent by threads that {@code threads} accepts. */
    public static WireStatements recording(Predicate<Thread> threads) {
        return new WireStatements(threads);
    }

    /** The statements executed since recording started or was last {@link #reset}, in order. */
    public synchronized List<String> statements() {
        return List.copyOf(executed);
    }

    /** How many statements were parsed (a statement prepared once on a connection runs later without a parse). */
    public synchronized int parses() {
        return parses;
    }

    /** How many transactions ended, by commit or rollback. */
    public synchronized long transactions() {
        return executed.stream()
                .filter(sql -> sql.equalsIgnoreCase("COMMIT") || sql.equalsIgnoreCase("ROLLBACK"))
                .count();
    }

    public synchronized void reset() {
        executed.clear();
        parses = 0;
    }

    @Override
    public void close() {
        driver.removeHandler(recorder);
        driver.setUseParentHandlers(true);
        driver.setLevel(previousLevel);
    }

    private synchronized void sent(String message) {
        Matcher parse = PARSE.matcher(message);
        if (parse.lookingAt()) {
            parses++;
            lastParsed = parse.group(2);
            synchronized (NAMED) {
                NAMED.put(parse.group(1), lastParsed);
            }
            return;
        }
        Matcher bind = BIND.matcher(message);
        if (bind.lookingAt()) {
            String name = bind.group(1);
            synchronized (NAMED) {
                lastBound = "null".equals(name) ? lastParsed : NAMED.getOrDefault(name, "(prepared " + name + ")");
            }
            return;
        }
        if (message.startsWith(" FE=> Execute(")) {
            executed.add(lastBound);
            return;
        }
        Matcher simple = SIMPLE.matcher(message);
        if (simple.lookingAt()) {
            executed.add(simple.group(1));
        }
    }

    private final class Recorder extends Handler {
        private final SimpleFormatter formatter = new SimpleFormatter();

        @Override
        public void publish(LogRecord entry) {
            if (threads.test(Thread.currentThread())) {
                sent(formatter.formatMessage(entry));
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }
}
