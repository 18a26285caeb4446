package dev.tillpoint.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class StoredTimeTest {

    private static final Instant AT = Instant.parse("2026-11-28T10:15:30.123456Z");

    @Test
    void nowIsTruncatedToTheMicrosecond() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-28T10:15:30.123456789Z"), ZoneOffset.UTC);
        assertEquals(AT, StoredTime.now(clock));
    }

    @Test
    void everyShapeADriverReturnsIsTheSameInstant() {
        assertEquals(AT, StoredTime.fromColumn(AT));
        assertEquals(AT, StoredTime.fromColumn(AT.atOffset(ZoneOffset.ofHours(2))));
        assertEquals(AT, StoredTime.fromColumn(AT.atZone(ZoneId.of("Europe/Berlin"))));
        assertEquals(AT, StoredTime.fromColumn(Timestamp.from(AT)));
        assertNull(StoredTime.fromColumn(null));
        assertThrows(IllegalStateException.class, () -> StoredTime.fromColumn("2026-11-28T10:15:30Z"));
    }
}
