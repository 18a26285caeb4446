package dev.tillpoint.beacons;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Eddystone-UID beacon ids: 32 hex characters, a 10-byte namespace and a 6-byte instance. Any case
 * is accepted; the stored and answered form is lower-case.
 */
public final class BeaconIds {

    public static final String REGEX = "[0-9A-Fa-f]{32}";
    public static final String MESSAGE = "must be an Eddystone-UID: 32 hex characters (10-byte namespace, 6-byte instance)";
    private static final Pattern PATTERN = Pattern.compile(REGEX);

    private BeaconIds() {
    }

    /** The canonical (lower-case) id, or empty when {@code id} is no Eddystone-UID. */
    public static Optional<String> canonical(String id) {
        if (id == null || !PATTERN.matcher(id).matches()) {
            return Optional.empty();
        }
        return Optional.of(id.toLowerCase(Locale.ROOT));
    }
}
