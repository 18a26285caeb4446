package dev.tillpoint.api.problem;

import java.util.Locale;

import dev.tillpoint.shared.ErrorCode;

/**
 * The one mapping from error codes to HTTP statuses (DESIGN.md, "Errors").
 *
 * <p>The switch is exhaustive on purpose: a code added to {@link ErrorCode} does not compile here
 * until someone decides its status, instead of silently becoming a 500.
 */
public final class ErrorStatus {

    private ErrorStatus() {
    }

    public static int of(ErrorCode code) {
        return switch (code) {
            case VALIDATION_FAILED -> 400;
            case UNAUTHORIZED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case METHOD_NOT_ALLOWED -> 405;
            case NOT_ACCEPTABLE -> 406;
            case DUPLICATE -> 409;
            case PAYLOAD_TOO_LARGE -> 413;
            case UNSUPPORTED_MEDIA_TYPE -> 415;
            case UNKNOWN_REFERENCE -> 422;
            case LOCKED -> 423;
            case SECURE_CODE_INVALID -> 403;
            case CODE_INVALID, CODE_REUSED, AUTHORIZATION_REVOKED, AUTHORIZATION_EXPIRED, CURRENCY_MISMATCH,
                    LIMIT_EXCEEDED, INSUFFICIENT_FUNDS -> 402;
            case IDEMPOTENCY_CONFLICT, IDEMPOTENCY_IN_PROGRESS, PAYMENT_SETTLED, PAYMENT_REFUNDED, PAYMENT_REVERSED -> 409;
            case REFUND_EXCEEDS_PAYMENT, OUT_OF_RANGE, CHANNEL_NOT_SUPPORTED -> 422;
            case BEACON_NOT_FOUND -> 404;
            case INTERNAL_ERROR -> 500;
        };
    }

    /** The problem title: the code in words, e.g. "Validation failed". */
    public static String title(ErrorCode code) {
        String words = code.name().replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /**
     * The generic code for a status that the JAX-RS runtime (not a service) produced, e.g. a 405 for
     * an unsupported method. Other client errors become a plain 400, other statuses a 500: there is
     * no code for them, and the contract's codes must not be reused with a meaning they lack.
     */
    public static ErrorCode genericCodeFor(int status) {
        return switch (status) {
            case 400 -> ErrorCode.VALIDATION_FAILED;
            case 401 -> ErrorCode.UNAUTHORIZED;
            case 403 -> ErrorCode.FORBIDDEN;
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 406 -> ErrorCode.NOT_ACCEPTABLE;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            default -> status >= 400 && status < 500 ? ErrorCode.VALIDATION_FAILED : ErrorCode.INTERNAL_ERROR;
        };
    }
}
