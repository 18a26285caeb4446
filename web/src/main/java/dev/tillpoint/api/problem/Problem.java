package dev.tillpoint.api.problem;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.tillpoint.shared.ErrorCode;
import dev.tillpoint.shared.Result.FieldError;

/**
 * An RFC 9457 problem details body, the shape of every error the API returns.
 *
 * @param type   {@code /problems/} plus the code in kebab case
 * @param title  a short summary of the code, the same for every occurrence
 * @param status the HTTP status, repeated for clients that log bodies only
 * @param detail this occurrence explained, never quoting a secret or the caller's input
 * @param code   the stable machine value clients switch on
 * @param errors the fields at fault, for {@code VALIDATION_FAILED}; absent otherwise
 */
@Schema(name = "Problem", description = "RFC 9457 problem details (application/problem+json)")
public record Problem(
        @Schema(examples = "/problems/validation-failed") String type,
        @Schema(examples = "Validation failed") String title,
        @Schema(examples = "400") int status,
        String detail,
        @Schema(examples = "VALIDATION_FAILED") String code,
        @Schema(description = "The fields at fault; present for VALIDATION_FAILED only")
        List<ProblemField> errors) {

    public Problem {
        // null rather than empty so the JSON leaves the member out (the mapper omits nulls).
        errors = errors == null || errors.isEmpty() ? null : List.copyOf(errors);
    }

    public static Problem of(ErrorCode code, String detail, List<FieldError> errors) {
        List<ProblemField> fields = errors == null ? null : errors.stream().map(ProblemField::from).toList();
        return new Problem(code.problemType(), ErrorStatus.title(code), ErrorStatus.of(code), detail,
                code.name(), fields);
    }
}
