package dev.tillpoint.shared;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/**
 * Instants as the databases keep them. PostgreSQL and H2 store timestamps to the microsecond; an
 * instant written with nanoseconds would come back different from the one the code holds, and
 * equality, cursors and idempotent replays would break on that difference.
 */
public final class StoredTime {

    private StoredTime() {
    }

    /** Now, to the microsecond. */
    public static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * A {@code timestamp with time zone} column of a native query as an instant: the drivers and
     * dialects hand it over as an {@link Instant}, an {@link OffsetDateTime}, a
     * {@link ZonedDateTime} or a {@link Timestamp}, depending on the database.
     *
     * @return null for a null column
     */
    public static Instant fromColumn(Object value) {
        if (value == null || value instanceof Instant) {
            return (Instant) value;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof ZonedDateTime zoned) {
            return zoned.toInstant();
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        throw new IllegalStateException("Unexpected timestamp type " + value.getClass().getName());
    }
}
