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
 * Jackson's string reading with {@link Text}'s rule on top: {@link SingleLineDeserializer} is
 * registered for every {@code String} of every request body, {@link FreeTextDeserializer} is what
 * {@link dev.tillpoint.shared.FreeText} fields use instead ({@link FreeTextIntrospector}). Everything else (which JSON tokens count as a string, the
 * coercion settings) stays Jackson's own.
 */
public final class TextDeserializers {

    private TextDeserializers() {
    }

    /** The default for every string: the single-line rule. */
    public static final class SingleLineDeserializer extends StdScalarDeserializer<String> {

        private static final long serialVersionUID = 1L;

        public SingleLineDeserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = StringDeserializer.instance.deserialize(parser, context);
            if (text != null && !Text.isSingleLine(text)) {
                throw new TextRefusedException(parser, Text.SINGLE_LINE_MESSAGE);
            }
            return text;
        }
    }

    /** For {@link dev.tillpoint.shared.FreeText} fields: tab and line feed allowed. */
    public static final class FreeTextDeserializer extends StdScalarDeserializer<String> {

        private static final long serialVersionUID = 1L;

        public FreeTextDeserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = StringDeserializer.instance.deserialize(parser, context);
            if (text != null && !Text.isFreeText(text)) {
                throw new TextRefusedException(parser, Text.FREE_TEXT_MESSAGE);
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
                return FreeTextDeserializer.class;
            }
            return super.findDeserializer(annotated);
        }
    }
}
