package dev.tillpoint.shared;

/**
 * The stable machine codes of every error the API can answer with (DESIGN.md, "Errors").
 * Services return them inside a {@link Result}; the web layer alone turns them into HTTP statuses
 * and problem+json bodies.
 */
public enum ErrorCode {
    VALIDATION_FAILED,
    UNAUTHORIZED,
    FORBIDDEN,
    NOT_FOUND,
    METHOD_NOT_ALLOWED,
    NOT_ACCEPTABLE,
    PAYLOAD_TOO_LARGE,
    UNSUPPORTED_MEDIA_TYPE,
    DUPLICATE,
    UNKNOWN_REFERENCE,
    LOCKED,
    // Offline authorizations and POS payments (DESIGN.md "Offline payments").
    SECURE_CODE_INVALID,
    CODE_INVALID,
    CODE_REUSED,
    AUTHORIZATION_REVOKED,
    AUTHORIZATION_EXPIRED,
    CURRENCY_MISMATCH,
    LIMIT_EXCEEDED,
    INSUFFICIENT_FUNDS,
    IDEMPOTENCY_CONFLICT,
    IDEMPOTENCY_IN_PROGRESS,
    PAYMENT_SETTLED,
    PAYMENT_REFUNDED,
    PAYMENT_REVERSED,
    REFUND_EXCEEDS_PAYMENT,
    // Beacon pages (DESIGN.md "Beacon pages").
    BEACON_NOT_FOUND,
    OUT_OF_RANGE,
    CHANNEL_NOT_SUPPORTED,
    INTERNAL_ERROR;

    /** {@code /problems/} plus the code in lower-case kebab form, e.g. {@code /problems/not-found}. */
    public String problemType() {
        return "/problems/" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
