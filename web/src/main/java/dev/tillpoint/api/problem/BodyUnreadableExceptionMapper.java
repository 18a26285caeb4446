package dev.tillpoint.api.problem;

import java.util.List;
import java.util.logging.Logger;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import dev.tillpoint.api.BodyUnreadableException;
import dev.tillpoint.shared.Result.FieldError;

/**
 * A body cut off by the client (it disconnected, or went silent until the read timeout) → 400,
 * should anyone still read the answer. Logged at FINE only: it is no fault of the server, and a
 * client that does it on purpose must not be able to fill the log with it.
 */
@Provider
public class BodyUnreadableExceptionMapper implements ExceptionMapper<BodyUnreadableException> {

    private static final Logger LOG = Logger.getLogger(BodyUnreadableExceptionMapper.class.getName());

    @Override
    public Response toResponse(BodyUnreadableException e) {
        return respond(e);
    }

    static Response respond(BodyUnreadableException e) {
        LOG.fine(() -> "Request body cut off by the client: " + e.getCause().getClass().getSimpleName());
        return Problems.validationFailed(List.of(new FieldError(JsonErrors.BODY, "was cut off before its end")));
    }
}
