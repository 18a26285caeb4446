package dev.tillpoint.shared;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Ids: the one pattern every id in a path or body must match, and generation of server-side ids.
 */
public final class Ids {

    /** Every id the API accepts or hands out (DESIGN.md, "Architecture"). */
    /** The id syntax of DESIGN.md, as a constant so that request validation can use the same text. */
    public static final String REGEX = "[A-Za-z0-9_-]{1,64}";
    /** What a request that breaks {@link #REGEX} is told (never the value). */
    public static final String MESSAGE = "must be 1 to 64 letters, digits, '_' or '-'";
    public static final Pattern PATTERN = Pattern.compile(REGEX);

    private static final Pattern PREFIX = Pattern.compile("[a-z]{2,8}");
    /** 15 random bytes are 20 URL-safe Base64 characters: 120 bits, far beyond any collision risk. */
    private static final int RANDOM_BYTES = 15;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder URL_SAFE = Base64.getUrlEncoder().withoutPadding();

    private Ids() {
    }

    /**
     * A new random id such as {@code cus_Q2x9...}: the prefix says what it names, so an id pasted
     * into a support ticket is recognisable.
     *
     * @param prefix 2-8 lower-case letters, e.g. {@code cus}, {@code acc}, {@code mer}
     */
    public static String generate(String prefix) {
        if (prefix == null || !PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("An id prefix is 2-8 lower-case letters");
        }
        byte[] random = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(random);
        return prefix + "_" + URL_SAFE.encodeToString(random);
    }

    /** Whether {@code id} is non-null and matches {@link #PATTERN}. */
    public static boolean isValid(String id) {
        return id != null && PATTERN.matcher(id).matches();
    }
}
