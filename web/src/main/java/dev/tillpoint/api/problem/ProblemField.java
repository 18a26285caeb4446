package dev.tillpoint.api.problem;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.tillpoint.shared.Result.FieldError;

/**
 * One entry of a problem's {@code errors}: the JSON path of a field the client sent and what is
 * wrong with it. The web layer's own type, so the OpenAPI document describes it without reaching
 * into the EJB module.
 */
@Schema(name = "ProblemField")
public record ProblemField(
        @Schema(description = "JSON path of the field, e.g. amount or order.id; body for the whole document",
                examples = "amount")
        String field,
        @Schema(examples = "must be an integer") String message) {

    static ProblemField from(FieldError error) {
        return new ProblemField(error.field(), error.message());
    }
}
