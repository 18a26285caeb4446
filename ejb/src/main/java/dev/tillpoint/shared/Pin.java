package dev.tillpoint.shared;

/**
 * A customer's payment PIN: exactly six ASCII digits. Its digits are readable only by
 * {@link PinHasher}; {@link #toString()} never shows them.
 */
public final class Pin {

    /** The request field a PIN arrives in when an account is opened. */
    public static final String FIELD = "pin";

    static final int DIGITS = 6;

    private final String digits;

    private Pin(String digits) {
        this.digits = digits;
    }

    public static Result<Pin> parse(String raw) {
        return parse(raw, FIELD);
    }

    /** Parses a PIN arriving in {@code field}; failures never echo the input. */
    public static Result<Pin> parse(String raw, String field) {
        if (raw == null || raw.length() != DIGITS) {
            return Result.invalid(field, "must be exactly " + DIGITS + " digits");
        }
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c < '0' || c > '9') {
                return Result.invalid(field, "must be exactly " + DIGITS + " digits");
            }
        }
        return Result.ok(new Pin(raw));
    }

    String digits() {
        return digits;
    }

    @Override
    public String toString() {
        return "******";
    }
}
