package dev.tillpoint.api.problem;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.ValidationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import dev.tillpoint.shared.Result.FieldError;

/**
 * Bean Validation. Constraint violations on a resource's parameters (the request body's fields,
 * path and query parameters) → 400 VALIDATION_FAILED with one error per field, named as the client
 * sent it ({@link ViolationFields}). Anything else, a violated return value or a broken constraint
 * definition, is the server's fault → 500.
 *
 * <p>Mapped at {@link ValidationException} rather than only its subclass so that this replaces
 * RESTEasy's built-in mapper for that type, which answers in text/plain and quotes messages.
 */
@Provider
public class ValidationExceptionMapper implements ExceptionMapper<ValidationException> {

    private static final Comparator<FieldError> BY_FIELD =
            Comparator.comparing(FieldError::field).thenComparing(FieldError::message);

    @Override
    public Response toResponse(ValidationException e) {
        if (!(e instanceof ConstraintViolationException cve)) {
            return InternalErrors.respond(e);
        }
        Set<ConstraintViolation<?>> violations = cve.getConstraintViolations();
        if (violations == null || violations.isEmpty()) {
            return InternalErrors.respond(e);
        }
        if (violations.stream().anyMatch(ValidationExceptionMapper::onReturnValue)) {
            return InternalErrors.respond("a response violated its constraints");
        }
        // Messages are the constraints' own templates, which never include the rejected value.
        List<FieldError> errors = violations.stream()
                .map(v -> new FieldError(ViolationFields.fieldOf(v), v.getMessage()))
                .distinct()
                .sorted(BY_FIELD)
                .toList();
        return Problems.validationFailed(errors);
    }

    private static boolean onReturnValue(ConstraintViolation<?> violation) {
        Path path = violation.getPropertyPath();
        return path != null && StreamSupport.stream(path.spliterator(), false)
                .anyMatch(node -> node.getKind() == ElementKind.RETURN_VALUE);
    }
}
