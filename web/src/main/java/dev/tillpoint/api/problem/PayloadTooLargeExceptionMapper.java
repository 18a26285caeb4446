package dev.tillpoint.api.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import dev.tillpoint.api.PayloadTooLargeException;
import dev.tillpoint.shared.ErrorCode;

/** A body over the limit (see {@code BodySizeLimitFilter}) → 413 PAYLOAD_TOO_LARGE. */
@Provider
public class PayloadTooLargeExceptionMapper implements ExceptionMapper<PayloadTooLargeException> {

    @Override
    public Response toResponse(PayloadTooLargeException e) {
        return respond(e);
    }

    static Response respond(PayloadTooLargeException e) {
        return Problems.response(ErrorCode.PAYLOAD_TOO_LARGE,
                "The request body is larger than " + e.limit() + " bytes.");
    }
}
