package dev.tillpoint.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;

class PinHasherTest {

    private static final int LOW_ITERATIONS = 1_000;

    private final SecretKey pepper = TestKeys.hmac();
    private final PinHasher hasher = new PinHasher(pepper, LOW_ITERATIONS);

    @Test
    void verifiesTheRightPinAndRefusesAWrongOne() {
        PinHash stored = hasher.hash(TestKeys.pin("123456"));

        assertTrue(hasher.verify(TestKeys.pin("123456"), stored));
        assertFalse(hasher.verify(TestKeys.pin("123457"), stored));
    }

    @Test
    void storesA256BitHashAndA16ByteSalt() {
        PinHash stored = hasher.hash(TestKeys.pin("123456"));

        assertEquals(32, Base64.getDecoder().decode(stored.hashBase64()).length);
        assertEquals(16, Base64.getDecoder().decode(stored.saltBase64()).length);
    }

    @Test
    void saltsEveryHashDifferently() {
        PinHash first = hasher.hash(TestKeys.pin("123456"));
        PinHash second = hasher.hash(TestKeys.pin("123456"));

        assertNotEquals(first.saltBase64(), second.saltBase64());
        assertNotEquals(first.hashBase64(), second.hashBase64());
    }

    @Test
    void recordsAndHonoursTheIterationCount() {
        PinHash stored = hasher.hash(TestKeys.pin("123456"));
        PinHasher raised = new PinHasher(pepper, 2 * LOW_ITERATIONS);

        assertEquals(LOW_ITERATIONS, stored.iterations());
        assertTrue(raised.verify(TestKeys.pin("123456"), stored), "verifies with the count stored with the hash");
        assertTrue(raised.needsRehash(stored));
        assertFalse(hasher.needsRehash(stored));
        PinHash tamperedCount = new PinHash(stored.hashBase64(), stored.saltBase64(), LOW_ITERATIONS + 1);
        assertFalse(hasher.verify(TestKeys.pin("123456"), tamperedCount));
    }

    @Test
    void needsThePepperKey() {
        PinHash stored = hasher.hash(TestKeys.pin("123456"));

        assertFalse(new PinHasher(TestKeys.hmac(), LOW_ITERATIONS).verify(TestKeys.pin("123456"), stored));
    }

    @Test
    void refusesANonPositiveIterationCount() {
        assertThrows(IllegalArgumentException.class, () -> new PinHasher(pepper, 0));
    }

    @Test
    void aStoredHashPrintsNeitherHashNorSalt() {
        PinHash stored = hasher.hash(TestKeys.pin("123456"));

        assertEquals("PinHash[iterations=1000]", stored.toString());
    }
}
