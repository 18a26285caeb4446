package dev.tillpoint.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;

class PanLookupTest {

    private static final CardNumber CARD = TestKeys.card("4111111111111111");

    @Test
    void sameCardSameKeySameHash() {
        SecretKey key = TestKeys.hmac();

        assertEquals(new PanLookup(key).hashOf(CARD), new PanLookup(key).hashOf(TestKeys.card("4111111111111111")));
    }

    @Test
    void isSixtyFourLowerCaseHexCharacters() {
        assertTrue(new PanLookup(TestKeys.hmac()).hashOf(CARD).matches("[0-9a-f]{64}"));
    }

    @Test
    void dependsOnTheCardAndTheKey() {
        PanLookup lookup = new PanLookup(TestKeys.hmac());

        assertNotEquals(lookup.hashOf(CARD), lookup.hashOf(TestKeys.card("5555555555554444")));
        assertNotEquals(lookup.hashOf(CARD), new PanLookup(TestKeys.hmac()).hashOf(CARD));
    }
}
