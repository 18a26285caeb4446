package dev.tillpoint.api.problem;

import java.util.List;

import jakarta.ws.rs.core.Response;

import dev.tillpoint.shared.ErrorCode;
import dev.tillpoint.shared.Result;
import dev.tillpoint.shared.Result.FieldError;

/**
 * Builds every problem+json response of the API, so status, type, title and media type always
 * agree. The entity is a {@link Problem} record with an explicit {@code application/problem+json}
 * type: RESTEasy's Jackson provider writes {@code application/*+json}, so problems go through the
 * same configured mapper as every other body.
 */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";

    private Problems() {
    }

    public static Response response(ErrorCode code, String detail) {
        return builder(code, detail, List.of()).build();
    }

    public static Response response(ErrorCode code, String detail, List<FieldError> errors) {
        return builder(code, detail, errors).build();
    }

    /** A builder, for the few answers that add a header (Allow, WWW-Authenticate). */
    public static Response.ResponseBuilder builder(ErrorCode code, String detail, List<FieldError> errors) {
        return Response.status(ErrorStatus.of(code))
                .type(MEDIA_TYPE)
                .entity(Problem.of(code, detail == null ? defaultDetail(code) : detail, errors));
    }

    /** A service's expected failure; its detail is written to be shown to the caller. */
    public static Response response(Result.Failure<?> failure) {
        return response(failure.code(), failure.detail(), failure.errors());
    }

    public static Response validationFailed(List<FieldError> errors) {
        return response(ErrorCode.VALIDATION_FAILED, defaultDetail(ErrorCode.VALIDATION_FAILED), errors);
    }

    /** A generic problem for a status the runtime chose (see {@link ErrorStatus#genericCodeFor}). */
    public static Response forStatus(int status) {
        ErrorCode code = ErrorStatus.genericCodeFor(status);
        if (code == ErrorCode.VALIDATION_FAILED) {
            return validationFailed(List.of(new FieldError("request", "is not valid")));
        }
        return response(code, defaultDetail(code));
    }

    /** A fixed sentence per code: details never echo input, paths or exception messages. */
    public static String defaultDetail(ErrorCode code) {
        return switch (code) {
            case VALIDATION_FAILED -> "The request is not valid; see errors.";
            case UNAUTHORIZED -> "A valid bearer token is required.";
            case FORBIDDEN -> "The caller is not allowed to do this.";
            case NOT_FOUND -> "No such resource.";
            case METHOD_NOT_ALLOWED -> "The resource does not support this method.";
            case NOT_ACCEPTABLE -> "The resource cannot produce a representation the request accepts.";
            case PAYLOAD_TOO_LARGE -> "The request body is larger than the server accepts.";
            case UNSUPPORTED_MEDIA_TYPE -> "The resource does not accept this content type; send application/json.";
            case INTERNAL_ERROR -> "The server could not complete the request.";
            default -> "The request cannot be completed.";
        };
    }
}
