package dev.tillpoint.shared;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The outcome of a service call whose failure is an expected business answer (duplicate,
 * unknown reference, declined...) rather than a fault. Faults are exceptions; answers are results.
 *
 * @param <T> the value of a success
 */
public sealed interface Result<T> {

    record Ok<T>(T value) implements Result<T> {
        public Ok {
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * @param code   the stable error code
     * @param detail a human-readable explanation, safe to show to the caller (no secrets)
     * @param errors field-level problems, for {@link ErrorCode#VALIDATION_FAILED}
     */
    record Failure<T>(ErrorCode code, String detail, List<FieldError> errors) implements Result<T> {
        public Failure {
            Objects.requireNonNull(code, "code");
            errors = errors == null ? List.of() : List.copyOf(errors);
        }
    }

    /** One field that failed validation, named as the request body names it. */
    record FieldError(String field, String message) {
    }

    static <T> Result<T> ok(T value) {
        return new Ok<>(value);
    }

    static <T> Result<T> failure(ErrorCode code, String detail) {
        return new Failure<>(code, detail, List.of());
    }

    static <T> Result<T> invalid(String field, String message) {
        return new Failure<>(ErrorCode.VALIDATION_FAILED, "The request is not valid.",
                List.of(new FieldError(field, message)));
    }

    default <U> Result<U> map(Function<? super T, ? extends U> mapper) {
        if (this instanceof Ok<T> ok) {
            return new Ok<>(mapper.apply(ok.value()));
        }
        return sameFailure();
    }

    /** Chains a step that may itself fail: the first failure is the answer. */
    default <U> Result<U> flatMap(Function<? super T, ? extends Result<U>> next) {
        if (this instanceof Ok<T> ok) {
            return next.apply(ok.value());
        }
        return sameFailure();
    }

    private <U> Result<U> sameFailure() {
        Failure<T> failure = (Failure<T>) this;
        return new Failure<>(failure.code(), failure.detail(), failure.errors());
    }
}
