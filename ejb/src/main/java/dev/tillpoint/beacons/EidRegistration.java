package dev.tillpoint.beacons;

/**
 * The Eddystone-EID "shared identity key" registration of a beacon.
 *
 * @param identityKey      the AES-128 identity key, 32 hex; a secret, stored only encrypted
 * @param rotationExponent K, 0..15: the EID changes every 2^K seconds
 * @param timeCounter      the beacon's own 32-bit seconds counter now; null for Unix time
 */
public record EidRegistration(String identityKey, Integer rotationExponent, Long timeCounter) {

    /** Never prints the identity key, whoever logs this record. */
    @Override
    public String toString() {
        return "EidRegistration[identityKey=<hidden>, rotationExponent=" + rotationExponent
                + ", timeCounter=" + timeCounter + "]";
    }
}
