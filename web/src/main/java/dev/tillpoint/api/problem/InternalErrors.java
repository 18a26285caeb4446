package dev.tillpoint.api.problem;

import java.util.logging.Logger;

import jakarta.ws.rs.core.Response;

import dev.tillpoint.shared.ErrorCode;
import dev.tillpoint.shared.Faults;

/**
 * The answer to a fault: one concise log line for the operators ({@link Faults}: the exception
 * types of the cause chain and any SQLState, never the SQL, the values or a stack), a fixed 500
 * problem for the caller (no class name, message or stack trace leaves the server), tied together
 * by a reference that appears in both.
 */
final class InternalErrors {

    private static final Logger LOG = Logger.getLogger(InternalErrors.class.getName());

    private InternalErrors() {
    }

    static Response respond(Throwable fault) {
        return answer(log(fault));
    }

    /** Logs the fault as one line (plus its stack at FINE); the reference it was given. */
    static String log(Throwable fault) {
        return Faults.log(LOG, "Request", fault);
    }

    /**
     * The same, for a fault whose exception must not be logged because its text carries request
     * values (a RESTEasy violation report prints every rejected value).
     */
    static Response respond(String fault) {
        String reference = Faults.newReference();
        LOG.severe(() -> "Request failed, reference " + reference + ": " + fault);
        return answer(reference);
    }

    private static Response answer(String reference) {
        return Problems.response(ErrorCode.INTERNAL_ERROR,
                "The server could not complete the request; reference " + reference + ".");
    }
}
