package dev.tillpoint.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.time.Instant;

import dev.tillpoint.api.text.TextDeserializers;

import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * The one Jackson configuration of the API, used by RESTEasy's Jackson provider for every request
 * and response body.
 *
 * <p>Reading is strict because POS vendors and the app are built against an exact contract: a
 * field the contract does not have, a key given twice, text after the document, a number sent as
 * a string or a fraction sent for an integer amount are all refused (400) rather than guessed at.
 * A lenient parser would accept {@code "amount": "12.5"} today and make it impossible to refuse
 * tomorrow.
 *
 * Times are read only as {@link Times} takes them ({@link StrictInstantDeserializer}), and every
 * string under the text rule of DESIGN.md "Errors" (package {@code dev.tillpoint.api.text}).
 *
 * <p>Writing: times as ISO-8601 strings, and optional fields left out rather than sent as null.
 */
@Provider
public class JacksonConfig implements ContextResolver<ObjectMapper> {

    private static final ObjectMapper MAPPER = newObjectMapper();

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return MAPPER;
    }

    /** The shared mapper, for the few writers outside JAX-RS (the error page). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** A new mapper with the API's settings; public so tests exercise exactly this configuration. */
    public static ObjectMapper newObjectMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                // Registered after JavaTimeModule so that it takes precedence for Instant.
                .addModule(new SimpleModule("tillpoint-strict-input")
                        .addDeserializer(Instant.class, new StrictInstantDeserializer())
                        .addDeserializer(String.class, TextDeserializers.SINGLE_LINE))
                .annotationIntrospector(new TextDeserializers.FreeTextIntrospector())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .defaultPropertyInclusion(JsonInclude.Value.construct(
                        JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                // The coercion table is what actually decides scalar conversions since Jackson 2.12;
                // the feature flags above only cover part of it.
                .withCoercionConfigDefaults(config -> config
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Integer, config -> config
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Float, config -> config
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, config -> config
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Textual, config -> config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .build();
    }
}
