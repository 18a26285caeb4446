package dev.tillpoint.api.problem;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;

import dev.tillpoint.api.Callers;
import dev.tillpoint.api.JacksonConfig;
import dev.tillpoint.shared.ErrorCode;
import dev.tillpoint.shared.Result.FieldError;

/**
 * The WAR's error page (web.xml), for the errors that never reach JAX-RS: an Elytron mechanism
 * refusing an invalid or expired bearer token itself, a path outside {@code /api/v1}, a request
 * Undertow rejects. Without it those answers would be Undertow's bare or HTML pages; with it every
 * error of the application is problem+json, as DESIGN.md requires.
 *
 * <p>Only the status survives from the original error: the exception, message and request URI
 * the container offers as request attributes are deliberately not used.
 */
@WebServlet(name = "problem-error-page", urlPatterns = ErrorPageServlet.PATH)
public class ErrorPageServlet extends HttpServlet {

    static final String PATH = "/error";

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Problem problem = problemFor(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE));
        response.setStatus(problem.status());
        response.setContentType(Problems.MEDIA_TYPE);
        if (problem.status() == 401 && response.getHeader(HttpHeaders.WWW_AUTHENTICATE) == null) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, Callers.BEARER_CHALLENGE);
        }
        JacksonConfig.mapper().writeValue(response.getOutputStream(), problem);
    }

    /**
     * The problem for the status the container reports; a direct request to the error page itself
     * (no status) is answered as the unknown resource it is.
     */
    static Problem problemFor(Object statusAttribute) {
        int status = statusAttribute instanceof Integer code ? code : 404;
        ErrorCode code = ErrorStatus.genericCodeFor(status);
        List<FieldError> errors = code == ErrorCode.VALIDATION_FAILED
                ? List.of(new FieldError("request", "is not valid"))
                : List.of();
        return Problem.of(code, Problems.defaultDetail(code), errors);
    }
}
