package io.safaridesk.platform.error;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * A request that failed because PostgreSQL could not be reached (restarted, connections cut, the pool could not get a
 * connection in time): {@code 503 database-unavailable} with {@code Retry-After}, not a 500. The client may try again;
 * a write answered this way may or may not have been committed (a connection lost during the commit cannot tell), so
 * only a 2xx promises that it was stored.
 */
public final class DatabaseUnavailable {

    /** Seconds a client waits before trying again. */
    public static final String RETRY_AFTER_SECONDS = "5";

    private DatabaseUnavailable() {}

    /**
     * Whether {@code failure}, or any of its causes, says the database connection failed: a connection exception of
     * JDBC, SQLSTATE class 08 (connection exception) or 57P (the server shuts down or restarts), a refused TCP
     * connection, or Spring's translation of those.
     */
    public static boolean isCause(Throwable failure) {
        for (Throwable e = failure; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e instanceof SQLTransientConnectionException
                    || e instanceof SQLNonTransientConnectionException
                    || e instanceof ConnectException
                    || e instanceof DataAccessResourceFailureException
                    || e instanceof CannotCreateTransactionException) {
                return true;
            }
            if (e instanceof SQLException sql
                    && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
            // the pool's own word for a connection it dropped as broken (a rollback after the cut ends here)
            if (e instanceof SQLException sql && "Connection is closed".equals(sql.getMessage())) {
                return true;
            }
        }
        return false;
    }

    /** The problem clients get. */
    public static ProblemDetail problem() {
        return Problems.of(
                HttpStatus.SERVICE_UNAVAILABLE,
                "database-unavailable",
                "The service cannot reach its database right now; try again in a few seconds",
                java.util.List.of());
    }
}
