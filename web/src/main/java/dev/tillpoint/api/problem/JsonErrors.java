package dev.tillpoint.api.problem;

import java.time.temporal.Temporal;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.PropertyBindingException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import dev.tillpoint.api.Times;
import dev.tillpoint.api.text.TextDeserializers.TextRefusedException;
import dev.tillpoint.shared.Result.FieldError;

/**
 * Describes a Jackson failure as one {@link FieldError}: the JSON path of the failing property
 * ({@code amount}, {@code order.id}, {@code items[2].id}; {@code body} when the document as a whole
 * is at fault) and a message that names the problem.
 *
 * <p>Jackson's own messages quote the input (a card number sent as a number, say), so they are
 * never used: the message is chosen from the exception's type and target type only, and property
 * names taken from the input are echoed only when they look like property names.
 */
public final class JsonErrors {

    /** The field name used when the document as a whole is at fault. */
    public static final String BODY = "body";

    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]{0,63}");
    private static final String UNSAFE_NAME = "?";

    private JsonErrors() {
    }

    public static FieldError describe(JsonProcessingException e) {
        String field = fieldOf(e);
        return new FieldError(field, messageOf(e, field));
    }

    /**
     * Whether this is the server's fault rather than the request's: a response that cannot be
     * written or a type Jackson cannot handle at all. Those are 500s, not 400s.
     */
    public static boolean isServerSide(JsonProcessingException e) {
        return e instanceof InvalidDefinitionException
                || e.getProcessor() instanceof JsonGenerator;
    }

    static String fieldOf(JsonProcessingException e) {
        // A syntax error, a duplicate key or an out-of-range number comes from the parser, whose
        // context knows exactly where it stood; databind's path stops at the enclosing property.
        JacksonException innermost = innermost(e);
        if (innermost instanceof StreamReadException && innermost.getProcessor() instanceof JsonParser parser) {
            return pathOf(parser.getParsingContext());
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
                return pathOf(mapping.getPath());
            }
        }
        return BODY;
    }

    static String pathOf(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                appendSegment(path, reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                appendSegment(path, reference.getIndex());
            }
        }
        return path.isEmpty() ? BODY : path.toString();
    }

    static String pathOf(JsonStreamContext context) {
        // Field names and array positions, outermost first.
        Deque<Object> segments = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject() && c.getCurrentName() != null) {
                segments.push(c.getCurrentName());
            } else if (c.inArray()) {
                segments.push(Math.max(0, c.getCurrentIndex()));
            }
        }
        StringBuilder path = new StringBuilder();
        segments.forEach(segment -> appendSegment(path, segment));
        return path.isEmpty() ? BODY : path.toString();
    }

    /** Appends {@code .name} (or {@code name} first) or {@code [index]}; names come from the input. */
    private static void appendSegment(StringBuilder path, Object segment) {
        if (segment instanceof Integer index) {
            path.append('[').append(index).append(']');
            return;
        }
        if (!path.isEmpty()) {
            path.append('.');
        }
        String name = (String) segment;
        path.append(SAFE_NAME.matcher(name).matches() ? name : UNSAFE_NAME);
    }

    static String messageOf(JsonProcessingException e, String field) {
        JacksonException innermost = innermost(e);
        if (e instanceof PropertyBindingException || innermost instanceof PropertyBindingException) {
            return "is not a known field";
        }
        if (innermost instanceof StreamConstraintsException) {
            return "is too long or too deeply nested";
        }
        if (innermost instanceof InputCoercionException) {
            return "is out of range";
        }
        if (innermost instanceof JsonEOFException) {
            return "ends before the JSON document is complete";
        }
        if (innermost instanceof JsonParseException parse) {
            // The duplicate check is the only parser error with its own wording worth keeping;
            // Jackson marks it only in the message text, whose prefix is stable across 2.x.
            String original = parse.getOriginalMessage();
            return original != null && original.startsWith("Duplicate field")
                    ? "appears more than once"
                    : "is not valid JSON";
        }
        if (innermost instanceof TextRefusedException refused) {
            // One of the text rule's fixed sentences, never the value.
            return refused.getOriginalMessage();
        }
        if (innermost instanceof ValueInstantiationException) {
            return "is not valid";
        }
        MismatchedInputException mismatch = innermost instanceof MismatchedInputException m ? m
                : e instanceof MismatchedInputException m2 ? m2 : null;
        if (mismatch != null) {
            if (BODY.equals(field)) {
                return "must be a single JSON object";
            }
            return "must be " + describe(mismatch.getTargetType());
        }
        return "is not valid";
    }

    /** The innermost Jackson exception among e and its causes. */
    private static JacksonException innermost(JsonProcessingException e) {
        JacksonException innermost = e;
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof JacksonException jackson) {
                innermost = jackson;
            }
        }
        return innermost;
    }

    /** The expected JSON type in words, from the Java type only. */
    static String describe(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == String.class || type == Character.class || type == char.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Long.class || type == long.class || type == Integer.class || type == int.class
                || type == Short.class || type == short.class || type == Byte.class || type == byte.class
                || type == java.math.BigInteger.class) {
            return "an integer";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants())
                    .map(constant -> ((Enum<?>) constant).name())
                    .collect(Collectors.joining(", "));
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return Times.DESCRIPTION;
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(type) || !type.isPrimitive()) {
            return "an object";
        }
        return "of another type";
    }
}
