package dev.tillpoint.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CreationOrderTest {

    @Test
    void readsBackItsCursorFieldsToTheNanosecond() {
        CreationOrder position = new CreationOrder(Instant.parse("2026-11-28T10:15:30.123456789Z"), "acc_1");

        assertEquals(List.of("2026-11-28T10:15:30.123456789Z", "acc_1"), position.cursorFields());
        assertEquals(Optional.of(position), CreationOrder.fromCursorFields(position.cursorFields()));
    }

    @Test
    void refusesFieldsOfAnotherShape() {
        assertEquals(Optional.empty(), CreationOrder.fromCursorFields(List.of()));
        assertEquals(Optional.empty(), CreationOrder.fromCursorFields(List.of("2026-11-28T10:15:30Z")));
        assertEquals(Optional.empty(), CreationOrder.fromCursorFields(List.of("2026-11-28T10:15:30Z", "a", "b")));
        assertEquals(Optional.empty(), CreationOrder.fromCursorFields(List.of("yesterday", "acc_1")));
    }
}
