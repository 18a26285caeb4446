package dev.tillpoint.shared;

import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.AroundTimeout;
import jakarta.interceptor.InvocationContext;

/**
 * How a fault is logged: one concise line with a reference, never the exception with its stack.
 *
 * <p>A fault the outside world can provoke (a request, a message) can be repeated, and fifty
 * kilobytes of SQL and stack each time is a lever for flooding the log (issue 11). The line names
 * the exception types of the cause chain and any SQLState, which is what tells a constraint, a lost
 * connection and a bug apart; exception messages are left out because they may quote SQL and the
 * values bound to it. The stack follows at FINE, for an operator who reproduces with this logger
 * turned up.
 *
 * <p>WildFly's own logging of EJB system exceptions is switched off for that reason
 * (01-server.cli), so this class is also the interceptor that logs what message-driven beans
 * ({@code jms/} module) and timers (this module) let escape: ejb-jar.xml binds it as the default
 * interceptor there. Request faults are logged by the web layer's error mapping with the same
 * {@link #summary}.
 */
public final class Faults {

    private static final Logger LOG = Logger.getLogger(Faults.class.getName());
    private static final int MAX_CAUSES = 8;

    private Faults() {
    }

    /**
     * The exception types of the chain, outermost first, with the SQLState of any SQL exception:
     * {@code EJBTransactionRolledbackException < PersistenceException < PSQLException(SQLState 22021)}.
     */
    public static String summary(Throwable fault) {
        StringBuilder summary = new StringBuilder();
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        int depth = 0;
        for (Throwable t = fault; t != null && depth < MAX_CAUSES && seen.put(t, Boolean.TRUE) == null;
                t = t.getCause(), depth++) {
            if (depth > 0) {
                summary.append(" < ");
            }
            String name = t.getClass().getSimpleName();
            summary.append(name.isEmpty() ? t.getClass().getName() : name);
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                summary.append("(SQLState ").append(sql.getSQLState()).append(')');
            }
        }
        return summary.toString();
    }

    /** A short random reference that ties a log line to what the caller was told. */
    public static String newReference() {
        return UUID.randomUUID().toString().substring(0, 13).replace("-", "");
    }

    /**
     * Logs {@code fault} as one SEVERE line, {@code what} failed, plus its stack at FINE to
     * {@code logger}; the reference it was given.
     */
    public static String log(Logger logger, String what, Throwable fault) {
        String reference = newReference();
        logger.severe(() -> what + " failed, reference " + reference + ": " + summary(fault));
        logger.log(Level.FINE, fault, () -> what + " failed, reference " + reference);
        return reference;
    }

    /**
     * Default interceptor of the message-driven beans (jms/ module's ejb-jar.xml): one line, then
     * the exception goes on and the broker redelivers.
     */
    public static class OfMessages {

        @AroundInvoke
        public Object aroundInvoke(InvocationContext invocation) throws Exception {
            try {
                return invocation.proceed();
            } catch (Exception | Error fault) {
                log(LOG, invocation.getTarget().getClass().getSimpleName() + "." + invocation.getMethod().getName(), fault);
                throw fault;
            }
        }
    }

    /**
     * Default interceptor of this module's timers (ejb-jar.xml): one line, then the container
     * retries as it does. Timeouts only: business methods are logged where their caller handles
     * the fault, once.
     */
    public static class OfTimers {

        @AroundTimeout
        public Object aroundTimeout(InvocationContext invocation) throws Exception {
            try {
                return invocation.proceed();
            } catch (Exception | Error fault) {
                log(LOG, "Timer " + invocation.getTarget().getClass().getSimpleName(), fault);
                throw fault;
            }
        }
    }
}
