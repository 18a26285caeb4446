package dev.tillpoint.api.problem;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ws.rs.core.Response;

import dev.tillpoint.shared.ErrorCode;

/**
 * The answer to a fault: logged in full for the operators, a fixed 500 problem for the caller
 * (no class name, message or stack trace leaves the server).
 */
final class InternalErrors {

    private static final Logger LOG = Logger.getLogger(InternalErrors.class.getName());

    private InternalErrors() {
    }

    static Response respond(Throwable fault) {
        LOG.log(Level.SEVERE, "Request failed: unexpected " + fault.getClass().getName(), fault);
        return Problems.response(ErrorCode.INTERNAL_ERROR, null);
    }

    /**
     * The same, for a fault whose exception must not be logged because its text carries request
     * values (a RESTEasy violation report prints every rejected value).
     */
    static Response respond(String fault) {
        LOG.severe(() -> "Request failed: " + fault);
        return Problems.response(ErrorCode.INTERNAL_ERROR, null);
    }
}
