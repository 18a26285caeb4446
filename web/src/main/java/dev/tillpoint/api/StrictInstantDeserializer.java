package dev.tillpoint.api;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;

/**
 * Reads an {@link Instant} only as {@link Times} takes it ({@code 2026-11-28T10:15:30Z}, years
 * 1970-9999). The JSR-310 module also takes numbers and digit strings as epoch seconds, which
 * would turn a client's mistake into a date 130 million years away instead of a 400.
 */
final class StrictInstantDeserializer extends StdScalarDeserializer<Instant> {

    private static final long serialVersionUID = 1L;

    StrictInstantDeserializer() {
        super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (!parser.hasToken(JsonToken.VALUE_STRING)) {
            return (Instant) context.handleUnexpectedToken(Instant.class, parser);
        }
        String text = parser.getText();
        Optional<Instant> time = Times.parse(text);
        if (time.isPresent()) {
            return time.get();
        }
        return (Instant) context.handleWeirdStringValue(Instant.class, text, Times.MESSAGE);
    }
}
