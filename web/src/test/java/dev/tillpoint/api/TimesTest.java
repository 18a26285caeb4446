package dev.tillpoint.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** DESIGN.md "Errors": times end in Z, years 1970-9999. */
class TimesTest {

    @Test
    void takesUtcTimesFrom1970To9999() {
        assertEquals(Optional.of(Instant.parse("2026-11-28T10:15:30Z")), Times.parse("2026-11-28T10:15:30Z"));
        assertEquals(Optional.of(Instant.EPOCH), Times.parse("1970-01-01T00:00:00Z"));
        assertEquals(Optional.of(Instant.parse("9999-12-31T23:59:59.999Z")), Times.parse("9999-12-31T23:59:59.999Z"));
        assertEquals(Optional.of(Instant.parse("2026-11-28T10:15:30.123456789Z")), Times.parse("2026-11-28T10:15:30.123456789Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"+294277-01-01T00:00:00Z", "-4714-11-24T00:00:00Z", "1969-12-31T23:59:59Z",
        "+10000-01-01T00:00:00Z", "0000-01-01T00:00:00Z", "2026-11-28T10:15:30+01:00", "2026-11-28T10:15:30",
        "2026-11-28T10:15:30z", "2026-11-28", "1764324930", "", " 2026-11-28T10:15:30Z", "2026-11-28T10:15:30Z ",
        "2026-13-01T00:00:00Z", "2026-02-30T00:00:00Z", "2026-11-28T25:00:00Z", "2026-11-28T10:15:30\u0000Z"})
    void refusesEverythingElse(String text) {
        assertTrue(Times.parse(text).isEmpty(), text);
    }

    @Test
    void refusesNothingness() {
        assertTrue(Times.parse(null).isEmpty());
    }
}
