package dev.tillpoint.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PageTest {

    @Test
    void fewerRowsThanTheLimitAreTheLastPage() {
        assertEquals(new Page<>(List.of("a", "b"), Optional.empty()),
                Page.fromLookAhead(List.of("a", "b"), 3, last -> "after " + last));
    }

    @Test
    void exactlyTheLimitIsTheLastPage() {
        assertEquals(new Page<>(List.of("a", "b"), Optional.empty()),
                Page.fromLookAhead(List.of("a", "b"), 2, last -> "after " + last));
    }

    @Test
    void theLookAheadRowIsNotShownAndTheCursorContinuesAfterTheLastShown() {
        assertEquals(new Page<>(List.of("a", "b"), Optional.of("after b")),
                Page.fromLookAhead(List.of("a", "b", "c"), 2, last -> "after " + last));
    }

    @Test
    void moreRowsThanTheLookAheadAreAQueryMistake() {
        assertThrows(IllegalArgumentException.class,
                () -> Page.fromLookAhead(List.of("a", "b", "c", "d"), 2, last -> "after " + last));
    }

    @Test
    void mappingKeepsTheCursor() {
        assertEquals(new Page<>(List.of(1, 2), Optional.of("next")),
                new Page<>(List.of("a", "bb"), Optional.of("next")).map(String::length));
        assertEquals(new Page<>(List.of(), Optional.empty()), Page.<String>empty().map(String::length));
    }
}
