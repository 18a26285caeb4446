package dev.tillpoint.shared;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a text field as free text (DESIGN.md "Errors": a summary, description, comment text,
 * reason, {@code order.description}): it keeps tab and line feed, which every other text field
 * refuses. Nothing else changes; the field still refuses the other control characters and unpaired
 * surrogates. A plain marker, so the records the services take can carry it without a web type;
 * the API's JSON reading honours it (web's {@code dev.tillpoint.api.text}).
 */
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface FreeText {
}
