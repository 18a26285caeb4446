package dev.tillpoint.api.problem;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A body Jackson could not read (malformed JSON, a wrong type, an unknown field, a duplicate key,
 * trailing text) → 400 VALIDATION_FAILED naming the field. RESTEasy wraps reader failures in its
 * ReaderException and then looks up a mapper for the cause, which lands here. This replaces
 * RESTEasy's built-in mapper for the same type (an application's mapper wins over a built-in one),
 * which would answer in text/plain.
 */
@Provider
public class JsonExceptionMapper implements ExceptionMapper<JsonProcessingException> {

    @Override
    public Response toResponse(JsonProcessingException e) {
        return respond(e);
    }

    static Response respond(JsonProcessingException e) {
        if (JsonErrors.isServerSide(e)) {
            return InternalErrors.respond(e);
        }
        // Deliberately not logged: Jackson's message quotes the input, which may hold a card number.
        return Problems.validationFailed(List.of(JsonErrors.describe(e)));
    }
}
