package dev.tillpoint.payments;

/**
 * A new authorization with its code secret in Base32: the one time the secret leaves the server.
 */
public record IssuedAuthorization(OfflineAuthorizationView authorization, String secretBase32) {

    /** Never prints the secret, whoever logs this record. */
    @Override
    public String toString() {
        return "IssuedAuthorization[" + authorization + ", secret=<hidden>]";
    }
}
