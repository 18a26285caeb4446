package dev.tillpoint.shared;

import java.security.SecureRandom;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/** Fresh random keys for tests. */
final class TestKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TestKeys() {
    }

    static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    static SecretKey aes256() {
        return new SecretKeySpec(randomBytes(32), "AES");
    }

    static SecretKey hmac() {
        return new SecretKeySpec(randomBytes(32), "HmacSHA256");
    }

    static CardNumber card(String digits) {
        return ((Result.Ok<CardNumber>) CardNumber.parse(digits)).value();
    }

    static Pin pin(String digits) {
        return ((Result.Ok<Pin>) Pin.parse(digits)).value();
    }
}
