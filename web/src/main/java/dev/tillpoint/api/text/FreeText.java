package dev.tillpoint.api.text;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/**
 * Marks a request field as free text (DESIGN.md "Errors": a summary, description, comment text,
 * reason, {@code order.description}): it keeps tab and line feed, which every other text field
 * refuses. Nothing else changes; the field still refuses the other control characters and
 * unpaired surrogates.
 */
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@JacksonAnnotationsInside
@JsonDeserialize(using = TextDeserializers.FreeTextDeserializer.class)
public @interface FreeText {
}
