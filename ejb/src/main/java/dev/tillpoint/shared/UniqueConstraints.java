package dev.tillpoint.shared;

import jakarta.ejb.EJBContext;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;

/**
 * Recognises a unique-constraint violation in a persistence failure, on PostgreSQL and H2 alike.
 *
 * <p>Services check for duplicates by query first; this covers only the race in which two requests
 * pass that check together and the database's unique constraint refuses the second. PostgreSQL has
 * then aborted the transaction, so the caller must not go on using it: the transaction is marked
 * for rollback and the service returns its {@code DUPLICATE} answer.
 */
public final class UniqueConstraints {

    /** SQLSTATE {@code unique_violation}, the same in PostgreSQL and H2. */
    private static final String UNIQUE_VIOLATION = "23505";

    private UniqueConstraints() {
    }

    /**
     * Flushes {@code em}, turning a unique-constraint violation into {@code false} after marking the
     * transaction for rollback; any other failure propagates.
     *
     * @return true when the flush succeeded
     */
    public static boolean flushUnlessViolated(EntityManager em, EJBContext context) {
        try {
            em.flush();
            return true;
        } catch (PersistenceException e) {
            if (!violatedBy(e)) {
                throw e;
            }
            context.setRollbackOnly();
            return false;
        }
    }

    /** Whether {@code failure} or any of its causes is a unique-constraint violation. */
    public static boolean violatedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && isUniqueViolation(sql)) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /** A batched statement reports the real error as the next exception of the batch's. */
    private static boolean isUniqueViolation(SQLException sql) {
        for (SQLException next = sql; next != null; next = next.getNextException()) {
            if (UNIQUE_VIOLATION.equals(next.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
