package dev.tillpoint.api.problem;

import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ws.rs.core.Response;

import dev.tillpoint.shared.ErrorCode;

/**
 * The answer to a fault: one concise log line for the operators, a fixed 500 problem for the
 * caller (no class name, message or stack trace leaves the server), tied together by a reference
 * that appears in both.
 *
 * <p>One line, not the exception with its stack: a request that can make the database fail can
 * be repeated, and fifty kilobytes of SQL and stack per request is a lever for flooding the log
 * (issue 11). The line names the exception types of the cause chain and any SQLState, which is
 * what tells a constraint, a lost connection and a bug apart; exception messages are left out
 * because they may quote SQL and request values. An operator who needs the stack reproduces with
 * this class's logger at FINE, which adds it.
 */
final class InternalErrors {

    private static final Logger LOG = Logger.getLogger(InternalErrors.class.getName());
    private static final int MAX_CAUSES = 8;

    private InternalErrors() {
    }

    static Response respond(Throwable fault) {
        return answer(log(fault));
    }

    /** Logs the fault as one line (plus its stack at FINE); the reference it was given. */
    static String log(Throwable fault) {
        String reference = newReference();
        LOG.severe(() -> "Request failed, reference " + reference + ": " + summary(fault));
        LOG.log(Level.FINE, fault, () -> "Request failed, reference " + reference);
        return reference;
    }

    /**
     * The same, for a fault whose exception must not be logged because its text carries request
     * values (a RESTEasy violation report prints every rejected value).
     */
    static Response respond(String fault) {
        String reference = newReference();
        LOG.severe(() -> "Request failed, reference " + reference + ": " + fault);
        return answer(reference);
    }

    /**
     * The exception types of the chain, outermost first, with the SQLState of any SQL exception:
     * {@code EJBTransactionRolledbackException < PersistenceException < PSQLException(SQLState 22021)}.
     */
    static String summary(Throwable fault) {
        StringBuilder summary = new StringBuilder();
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        int depth = 0;
        for (Throwable t = fault; t != null && depth < MAX_CAUSES && seen.put(t, Boolean.TRUE) == null;
                t = t.getCause(), depth++) {
            if (depth > 0) {
                summary.append(" < ");
            }
            summary.append(t.getClass().getSimpleName().isEmpty() ? t.getClass().getName() : t.getClass().getSimpleName());
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                summary.append("(SQLState ").append(sql.getSQLState()).append(')');
            }
        }
        return summary.toString();
    }

    static String newReference() {
        return UUID.randomUUID().toString().substring(0, 13).replace("-", "");
    }

    private static Response answer(String reference) {
        return Problems.response(ErrorCode.INTERNAL_ERROR,
                "The server could not complete the request; reference " + reference + ".");
    }
}
