package dev.tillpoint.payments;

/** Where an offline authorization stands; EXPIRED is derived from the time, never stored. */
public enum AuthorizationStatus {
    ACTIVE,
    REVOKED,
    EXPIRED
}
