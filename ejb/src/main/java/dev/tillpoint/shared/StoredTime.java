package dev.tillpoint.shared;

import java.time.Clock;
import java.time.Instant;
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
}
