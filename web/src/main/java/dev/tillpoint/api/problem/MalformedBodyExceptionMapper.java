package dev.tillpoint.api.problem;

import java.util.List;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import dev.tillpoint.api.MalformedBodyException;
import dev.tillpoint.shared.Result.FieldError;

/** A body that is not well-formed UTF-8 (see {@code StrictUtf8InputStream}) → 400 naming the body. */
@Provider
public class MalformedBodyExceptionMapper implements ExceptionMapper<MalformedBodyException> {

    @Override
    public Response toResponse(MalformedBodyException e) {
        return respond();
    }

    static Response respond() {
        return Problems.validationFailed(List.of(new FieldError(JsonErrors.BODY, "is not well-formed UTF-8")));
    }
}
