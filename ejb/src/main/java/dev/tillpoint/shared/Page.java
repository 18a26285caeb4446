package dev.tillpoint.shared;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One page of a list.
 *
 * @param items      the page's items, in the list's order
 * @param nextCursor where the next page starts, present only while more items remain
 * @param <T>        the item type
 */
public record Page<T>(List<T> items, Optional<String> nextCursor) {

    public Page {
        items = List.copyOf(items);
        Objects.requireNonNull(nextCursor, "nextCursor");
    }

    /** A page with no items and nothing after it. */
    public static <T> Page<T> empty() {
        return new Page<>(List.of(), Optional.empty());
    }

    /**
     * The page from rows fetched with one row of look-ahead: a query asks for {@code limit + 1}
     * rows, so the extra row, never shown, tells whether more remain without a count query.
     *
     * @param fetched  at most {@code limit + 1} rows, in the list's order
     * @param cursorOf the cursor that continues after a row; called for the page's last row only,
     *                 and only when more remain
     */
    public static <T> Page<T> fromLookAhead(List<T> fetched, int limit, Function<? super T, String> cursorOf) {
        if (limit < 1 || fetched.size() > limit + 1) {
            throw new IllegalArgumentException("Fetch limit + 1 rows for a page of " + limit + ", not " + fetched.size());
        }
        if (fetched.size() <= limit) {
            return new Page<>(fetched, Optional.empty());
        }
        List<T> shown = fetched.subList(0, limit);
        return new Page<>(shown, Optional.of(cursorOf.apply(shown.get(limit - 1))));
    }

    /** The same page with every item mapped; the cursor is unchanged. */
    public <U> Page<U> map(Function<? super T, ? extends U> mapper) {
        return new Page<>(items.stream().<U>map(mapper).toList(), nextCursor);
    }
}
