package dev.tillpoint.shared;

import java.util.Objects;

/**
 * A stored PIN: PBKDF2 output and salt (Base64) and the iteration count used, kept per hash so the
 * configured count can be raised without invalidating existing PINs.
 */
public record PinHash(String hashBase64, String saltBase64, int iterations) {

    public PinHash {
        Objects.requireNonNull(hashBase64, "hashBase64");
        Objects.requireNonNull(saltBase64, "saltBase64");
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be positive");
        }
    }

    /** Leaves the hash and salt out: they must not reach a log line. */
    @Override
    public String toString() {
        return "PinHash[iterations=" + iterations + "]";
    }
}
