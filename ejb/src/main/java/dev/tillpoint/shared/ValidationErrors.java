package dev.tillpoint.shared;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects every field problem of one command, so a caller learns about all of them in one answer
 * rather than one per attempt.
 */
public final class ValidationErrors {

    private final List<Result.FieldError> errors = new ArrayList<>();

    public ValidationErrors add(String field, String message) {
        errors.add(new Result.FieldError(field, message));
        return this;
    }

    /** Records an error unless {@code id} is absent (the server generates one) or a valid id. */
    public ValidationErrors checkOptionalId(String field, String id) {
        if (id != null && !Ids.isValid(id)) {
            add(field, "must match " + Ids.PATTERN.pattern());
        }
        return this;
    }

    /** Records an error unless {@code name} is present, not blank and at most {@code maxChars} long. */
    public ValidationErrors checkName(String field, String name, int maxChars) {
        if (name == null || name.isBlank()) {
            add(field, "is required");
        } else if (name.length() > maxChars) {
            add(field, "must be at most " + maxChars + " characters");
        }
        return this;
    }

    /**
     * The value of a successful parse, or {@code null} after recording the failure's field errors.
     * Callers check {@link #isEmpty()} before using any value they took.
     */
    public <T> T take(Result<T> parsed) {
        if (parsed instanceof Result.Ok<T> ok) {
            return ok.value();
        }
        Result.Failure<T> failure = (Result.Failure<T>) parsed;
        if (failure.errors().isEmpty()) {
            throw new IllegalArgumentException("A parse failure must name its field: " + failure.code());
        }
        errors.addAll(failure.errors());
        return null;
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public List<Result.FieldError> errors() {
        return List.copyOf(errors);
    }

    /** The {@code VALIDATION_FAILED} answer listing every recorded field. */
    public <T> Result<T> toFailure() {
        if (errors.isEmpty()) {
            throw new IllegalStateException("No validation error was recorded");
        }
        return new Result.Failure<>(ErrorCode.VALIDATION_FAILED, "The request is not valid.", errors);
    }
}
