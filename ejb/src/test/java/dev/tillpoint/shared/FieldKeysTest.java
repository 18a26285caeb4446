package dev.tillpoint.shared;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FieldKeysTest {

    private static final List<String> NAMES = List.of(FieldKeys.PAN_ENCRYPTION, FieldKeys.PAN_LOOKUP,
            FieldKeys.PIN_PEPPER, FieldKeys.TOTP_ENCRYPTION, FieldKeys.CURSOR_SIGNING);

    private final Map<String, String> config = new HashMap<>();

    FieldKeysTest() {
        NAMES.forEach(name -> config.put(name, base64(32)));
    }

    @Test
    void readsAllFiveKeys() {
        FieldKeys keys = load();

        assertEquals("AES", keys.panEncryptionKey().getAlgorithm());
        assertEquals("HmacSHA256", keys.panLookupKey().getAlgorithm());
        assertEquals("HmacSHA256", keys.pinPepperKey().getAlgorithm());
        assertEquals("AES", keys.totpEncryptionKey().getAlgorithm());
        assertEquals("HmacSHA256", keys.cursorSigningKey().getAlgorithm());
        assertArrayEquals(Base64.getDecoder().decode(config.get(FieldKeys.PAN_LOOKUP)), keys.panLookupKey().getEncoded());
    }

    @Test
    void ignoresWhitespaceAndNewlinesAroundAndInsideTheValue() {
        String value = config.get(FieldKeys.PIN_PEPPER);
        config.put(FieldKeys.PIN_PEPPER, "  " + value.substring(0, 20) + "\n" + value.substring(20) + "\r\n");

        assertArrayEquals(Base64.getDecoder().decode(value), load().pinPepperKey().getEncoded());
    }

    @Test
    void aMissingKeyFailsNamingItsProperty() {
        config.remove(FieldKeys.TOTP_ENCRYPTION);

        IllegalStateException failure = assertThrows(IllegalStateException.class, this::load);
        assertTrue(failure.getMessage().contains(FieldKeys.TOTP_ENCRYPTION + " is not set"), failure.getMessage());
    }

    @Test
    void aBlankKeyCountsAsMissing() {
        config.put(FieldKeys.PAN_LOOKUP, " \n");

        assertTrue(assertThrows(IllegalStateException.class, this::load).getMessage()
                .contains(FieldKeys.PAN_LOOKUP + " is not set"));
    }

    @Test
    void aShortKeyFailsWithoutShowingItsValue() {
        String shortKey = base64(31);
        config.put(FieldKeys.PIN_PEPPER, shortKey);

        IllegalStateException failure = assertThrows(IllegalStateException.class, this::load);
        assertTrue(failure.getMessage().contains(FieldKeys.PIN_PEPPER + " is shorter than 32 bytes"), failure.getMessage());
        assertFalse(failure.getMessage().contains(shortKey));
    }

    @Test
    void nonBase64FailsWithoutShowingTheValueOrAnyCause() {
        config.put(FieldKeys.CURSOR_SIGNING, "secret-$$$-value-that-is-long-enough-to-be-a-key");

        IllegalStateException failure = assertThrows(IllegalStateException.class, this::load);
        assertTrue(failure.getMessage().contains(FieldKeys.CURSOR_SIGNING + " is not Base64"));
        assertFalse(failure.getMessage().contains("secret"));
        assertEquals(null, failure.getCause());
    }

    @Test
    void aesKeysMustBeExactly32BytesWhileHmacKeysMayBeLonger() {
        config.put(FieldKeys.PAN_LOOKUP, base64(64));
        assertEquals(64, load().panLookupKey().getEncoded().length);

        config.put(FieldKeys.PAN_ENCRYPTION, base64(48));
        assertTrue(assertThrows(IllegalStateException.class, this::load).getMessage()
                .contains(FieldKeys.PAN_ENCRYPTION + " must be exactly 32 bytes"));
    }

    @Test
    void reportsEveryProblemAtOnce() {
        config.clear();

        String message = assertThrows(IllegalStateException.class, this::load).getMessage();
        NAMES.forEach(name -> assertTrue(message.contains(name), name));
    }

    private FieldKeys load() {
        return new FieldKeys(name -> Optional.ofNullable(config.get(name)));
    }

    private static String base64(int bytes) {
        return Base64.getEncoder().encodeToString(TestKeys.randomBytes(bytes));
    }
}
