package dev.tillpoint.shared;

/**
 * Which page of a list to answer: at most {@code limit} items, after the position that
 * {@code cursor} marks, or from the start when it is null (DESIGN.md, "Architecture": lists take
 * {@code limit}, 1..200 and 50 by default, and {@code cursor}).
 *
 * @param limit  the most items on the page
 * @param cursor a {@code nextCursor} this list handed out earlier, still unread; null for the first
 *               page. {@link PageCursors} checks it against the list and the caller.
 */
public record PageRequest(int limit, String cursor) {

    /** The request fields, named as the query string names them. */
    public static final String LIMIT = "limit";
    public static final String CURSOR = "cursor";

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    /** More digits than this are out of range whatever they say, and would not fit an int. */
    private static final int MAX_LIMIT_DIGITS = 9;

    /**
     * @throws IllegalArgumentException for a limit outside 1..{@value #MAX_LIMIT}: callers parse
     *                                   what clients send with {@link #parse}
     */
    public PageRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("A page limit is 1 to " + MAX_LIMIT + ", not " + limit);
        }
    }

    /** Parses the query parameters of a list with the usual bound of {@value #MAX_LIMIT} items. */
    public static Result<PageRequest> parse(String limit, String cursor) {
        return parse(limit, cursor, MAX_LIMIT);
    }

    /**
     * Parses the query parameters of a list whose pages hold at most {@code maxLimit} items (the
     * feed's hold 50).
     *
     * @param limit  absent (null) for the default; else decimal digits only, no sign and no space
     * @param cursor absent (null) for the first page; passed on unread
     * @return the request, or {@code VALIDATION_FAILED} on {@value #LIMIT}; the message never
     *         quotes the input
     */
    public static Result<PageRequest> parse(String limit, String cursor, int maxLimit) {
        if (maxLimit < 1 || maxLimit > MAX_LIMIT) {
            throw new IllegalArgumentException("A list's page limit is 1 to " + MAX_LIMIT + ", not " + maxLimit);
        }
        if (limit == null) {
            return Result.ok(new PageRequest(Math.min(DEFAULT_LIMIT, maxLimit), cursor));
        }
        int value = isShortDecimal(limit) ? Integer.parseInt(limit) : 0;
        if (value < 1 || value > maxLimit) {
            return Result.invalid(LIMIT, "must be an integer from 1 to " + maxLimit);
        }
        return Result.ok(new PageRequest(value, cursor));
    }

    /** Whether text is 1..9 ASCII digits: what Integer.parseInt then reads without failing. */
    private static boolean isShortDecimal(String text) {
        return !text.isEmpty() && text.length() <= MAX_LIMIT_DIGITS
                && text.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
