package dev.tillpoint.api.text;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;

import dev.tillpoint.shared.FreeText;

/**
 * Jackson's string reading with {@link Text}'s rule on top: {@link #SINGLE_LINE} is registered for
 * every {@code String} of every request body, {@link #FREE_TEXT} is what {@link FreeText} fields use
 * instead ({@link FreeTextIntrospector}). Everything else (which JSON tokens count as a string, the
 * coercion settings) stays Jackson's own.
 */
public final class TextDeserializers {

    /** The default for every string: the single-line rule. */
    public static final TextDeserializer SINGLE_LINE = new TextDeserializer(false);
    /** For {@link FreeText} fields: tab and line feed allowed. */
    public static final TextDeserializer FREE_TEXT = new TextDeserializer(true);

    private TextDeserializers() {
    }

    /** A string reader that refuses what {@link Text} refuses, as single-line or as free text. */
    public static final class TextDeserializer extends StdScalarDeserializer<String> {

        private static final long serialVersionUID = 1L;

        private final boolean freeText;

        private TextDeserializer(boolean freeText) {
            super(String.class);
            this.freeText = freeText;
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = StringDeserializer.instance.deserialize(parser, context);
            if (text != null && !(freeText ? Text.isFreeText(text) : Text.isSingleLine(text))) {
                throw new TextRefusedException(parser, freeText ? Text.FREE_TEXT_MESSAGE : Text.SINGLE_LINE_MESSAGE);
            }
            return text;
        }
    }

    /**
     * A string that breaks the text rule. Its message is one of {@link Text}'s fixed sentences,
     * never the value, so the error mapper may show it as it is.
     */
    public static final class TextRefusedException extends MismatchedInputException {

        private static final long serialVersionUID = 1L;

        TextRefusedException(JsonParser parser, String message) {
            super(parser, message, String.class);
        }
    }

    /**
     * Gives a field marked {@link FreeText} (a plain annotation, so the services' records carry it
     * without depending on Jackson) the free-text reader; everything else stays Jackson's own.
     */
    public static final class FreeTextIntrospector extends JacksonAnnotationIntrospector {

        private static final long serialVersionUID = 1L;

        @Override
        public Object findDeserializer(Annotated annotated) {
            if (annotated.hasAnnotation(FreeText.class)) {
                return FREE_TEXT;
            }
            return super.findDeserializer(annotated);
        }
    }
}
