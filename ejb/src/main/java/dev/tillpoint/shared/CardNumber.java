package dev.tillpoint.shared;

import java.util.Objects;

/**
 * A card number (PAN): 12-19 digits passing the Luhn check.
 *
 * <p>The digits are readable only inside this package (by {@link PanCipher} and {@link PanLookup});
 * everyone else sees {@link #masked()} or {@link #last4()}, and {@link #toString()} is masked so a
 * card number cannot reach a log line or an error message by accident.
 */
public final class CardNumber {

    /** The request field a card number arrives in, in the admin and the authorization requests. */
    public static final String FIELD = "accountNumber";

    static final int MIN_DIGITS = 12;
    static final int MAX_DIGITS = 19;
    private static final int VISIBLE_DIGITS = 4;

    private final String digits;

    private CardNumber(String digits) {
        this.digits = digits;
    }

    /** Parses a card number arriving in the {@value #FIELD} field. */
    public static Result<CardNumber> parse(String raw) {
        return parse(raw, FIELD);
    }

    /**
     * Parses a card number; failures are {@code VALIDATION_FAILED} on {@code field} and never echo
     * the input.
     */
    public static Result<CardNumber> parse(String raw, String field) {
        if (raw == null || raw.isEmpty()) {
            return Result.invalid(field, "is required");
        }
        if (!isAsciiDigits(raw)) {
            return Result.invalid(field, "must contain digits only");
        }
        if (raw.length() < MIN_DIGITS || raw.length() > MAX_DIGITS) {
            return Result.invalid(field, "must be " + MIN_DIGITS + " to " + MAX_DIGITS + " digits");
        }
        if (!passesLuhn(raw)) {
            return Result.invalid(field, "is not a valid card number (check digit)");
        }
        return Result.ok(new CardNumber(raw));
    }

    /**
     * The masked form of a stored card number of {@code length} digits ending in {@code last4}: the
     * same text {@link #masked()} gave when it was created, without decrypting it.
     */
    public static String mask(int length, String last4) {
        if (last4 == null || last4.length() != VISIBLE_DIGITS || length < MIN_DIGITS || length > MAX_DIGITS) {
            throw new IllegalArgumentException("A masked card number needs a length of 12-19 and 4 visible digits");
        }
        return "*".repeat(length - VISIBLE_DIGITS) + last4;
    }

    /** All digits but the last four replaced by {@code *}; same length as the card number. */
    public String masked() {
        return mask(digits.length(), last4());
    }

    public String last4() {
        return digits.substring(digits.length() - VISIBLE_DIGITS);
    }

    public int length() {
        return digits.length();
    }

    /** The plain digits: package-private so that only the cipher and the lookup hash can read them. */
    String digits() {
        return digits;
    }

    static boolean passesLuhn(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int digit = digits.charAt(i) - '0';
            if (doubled) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    private static boolean isAsciiDigits(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CardNumber that && digits.equals(that.digits);
    }

    @Override
    public int hashCode() {
        return Objects.hash(digits);
    }

    /** Masked, so that string concatenation into a log line cannot leak the number. */
    @Override
    public String toString() {
        return masked();
    }
}
