package dev.tillpoint.api;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * The one reader of times the API takes, in bodies and query parameters (DESIGN.md "Errors"):
 * an ISO-8601 UTC time ending in {@code Z}, in the years 1970 to 9999. {@link Instant} itself
 * reaches the year one billion, far past what a database column or a Java date conversion takes,
 * so a time such as {@code +294277-01-01T00:00:00Z} must stop here as a 400 instead of failing
 * deep down as a 500.
 */
public final class Times {

    /** What a time must be, and the message of a refused one; neither quotes the value. */
    public static final String DESCRIPTION =
            "an ISO-8601 UTC time ending in Z, years 1970 to 9999, such as 2026-11-28T10:15:30Z";
    public static final String MESSAGE = "must be " + DESCRIPTION;

    static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    private Times() {
    }

    /** The time, or empty when {@code text} is not one the API takes. */
    public static Optional<Instant> parse(String text) {
        if (text == null || text.isEmpty() || text.charAt(text.length() - 1) != 'Z'
                || !Character.isDigit(text.charAt(0))) {
            // A sign in front is ISO-8601's expanded year: outside 0000-9999 anyway.
            return Optional.empty();
        }
        try {
            Instant time = DateTimeFormatter.ISO_INSTANT.parse(text, Instant::from);
            return time.isBefore(EARLIEST) || time.isAfter(LATEST) ? Optional.empty() : Optional.of(time);
        } catch (DateTimeException notATime) {
            return Optional.empty();
        }
    }
}
