package dev.tillpoint.api.problem;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NoContentException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import dev.tillpoint.api.Callers;
import dev.tillpoint.shared.ErrorCode;
import dev.tillpoint.shared.Result.FieldError;

/**
 * The JAX-RS runtime's own refusals as problem+json: an unknown path (404), an unsupported method
 * (405, keeping the Allow header), an unacceptable Accept (406), an unsupported Content-Type (415),
 * a bad parameter or an empty body (400).
 *
 * <p>401 versus 403: RESTEasy's {@code @RolesAllowed} check throws {@code ForbiddenException} both
 * for "no token" and for "wrong role". A request with no authenticated caller gets 401 with a
 * {@code WWW-Authenticate: Bearer} challenge; one whose caller lacks the role gets 403. The role
 * check runs as a request filter, before any body is read, so both come before a 400 or 413.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    private SecurityContext security;

    @Override
    public Response toResponse(WebApplicationException e) {
        Response original = e.getResponse();
        int status = original == null ? 500 : original.getStatus();
        if (status < 400) {
            // Not an error (a redirect, say): the runtime's answer stands.
            return original;
        }
        if (status == 401 || status == 403) {
            return accessDenied();
        }
        if (status == 400) {
            return badRequest(e);
        }
        if (status >= 500) {
            return InternalErrors.respond(e);
        }
        Response problem = Problems.forStatus(status);
        String allow = original.getHeaderString(HttpHeaders.ALLOW);
        if (status == 405 && allow != null) {
            return Response.fromResponse(problem).header(HttpHeaders.ALLOW, allow).build();
        }
        return problem;
    }

    private Response accessDenied() {
        if (Callers.isAuthenticated(security)) {
            return Problems.response(ErrorCode.FORBIDDEN, "The caller's role does not allow this request.");
        }
        return Problems.builder(ErrorCode.UNAUTHORIZED, null, List.of())
                .header(HttpHeaders.WWW_AUTHENTICATE, Callers.BEARER_CHALLENGE)
                .build();
    }

    /** RESTEasy reports some body problems as a BadRequestException around the real cause. */
    private static Response badRequest(WebApplicationException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException json) {
                return JsonExceptionMapper.respond(json);
            }
            if (cause instanceof NoContentException) {
                return Problems.validationFailed(List.of(new FieldError(JsonErrors.BODY, "is required")));
            }
        }
        return Problems.forStatus(400);
    }
}
