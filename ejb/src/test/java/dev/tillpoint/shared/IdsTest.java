package dev.tillpoint.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void generatedIdsArePrefixedRandomAndMatchTheApiPattern() {
        Set<String> ids = new HashSet<>();
        IntStream.range(0, 1_000).forEach(i -> ids.add(Ids.generate("cus")));

        assertEquals(1_000, ids.size());
        ids.forEach(id -> {
            assertTrue(id.matches("cus_[A-Za-z0-9_-]{20}"), id);
            assertTrue(Ids.isValid(id), id);
        });
    }

    @Test
    void refusesAPrefixThatWouldNotSayWhatTheIdNames() {
        assertThrows(IllegalArgumentException.class, () -> Ids.generate("C"));
        assertThrows(IllegalArgumentException.class, () -> Ids.generate("cus_"));
        assertThrows(IllegalArgumentException.class, () -> Ids.generate(null));
    }

    @Test
    void validIdsAre1To64SafeCharacters() {
        assertTrue(Ids.isValid("alice"));
        assertTrue(Ids.isValid("A-z_0"));
        assertTrue(Ids.isValid("x".repeat(64)));
        assertFalse(Ids.isValid("x".repeat(65)));
        assertFalse(Ids.isValid(""));
        assertFalse(Ids.isValid(null));
        assertFalse(Ids.isValid("a b"));
        assertFalse(Ids.isValid("a/b"));
        assertFalse(Ids.isValid("é"));
    }
}
