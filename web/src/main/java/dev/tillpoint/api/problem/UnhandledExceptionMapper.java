package dev.tillpoint.api.problem;

import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;

import jakarta.ejb.EJBException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import dev.tillpoint.api.BodyUnreadableException;
import dev.tillpoint.api.MalformedBodyException;
import dev.tillpoint.api.PayloadTooLargeException;

/**
 * The catch-all: whatever no other mapper took. No request, however malformed, may get a stack
 * trace or an HTML page, so the answer is a fixed 500 problem and the fault goes to the log.
 *
 * <p>Before giving up it looks for the request's own fault inside wrappers that RESTEasy does not
 * unwrap (an oversized or malformed body surfacing through an I/O or processing wrapper), and it
 * lets RESTEasy's non-error Failures (OPTIONS) keep their answer. Anything a service threw stays a
 * 500 whatever its cause: a service never reads the request body.
 */
@Provider
public class UnhandledExceptionMapper implements ExceptionMapper<Throwable> {

    @Override
    public Response toResponse(Throwable e) {
        Optional<Response> intended = ResteasyFailures.intendedResponse(e);
        if (intended.isPresent()) {
            int status = intended.get().getStatus();
            if (status < 400) {
                return intended.get();
            }
            if (status < 500) {
                return Problems.forStatus(status);
            }
        }
        for (Throwable cause = e; cause != null && !(cause instanceof EJBException); cause = cause.getCause()) {
            if (cause instanceof PayloadTooLargeException tooLarge) {
                return PayloadTooLargeExceptionMapper.respond(tooLarge);
            }
            if (cause instanceof MalformedBodyException) {
                return MalformedBodyExceptionMapper.respond();
            }
            if (cause instanceof BodyUnreadableException unreadable) {
                return BodyUnreadableExceptionMapper.respond(unreadable);
            }
            if (cause instanceof JsonProcessingException json) {
                return JsonExceptionMapper.respond(json);
            }
        }
        return InternalErrors.respond(e);
    }
}
