package dev.tillpoint.beacons;

/** The broadcast means a beacon has: the patent's Bluetooth, near-field and sound-wave broadcasts. */
public enum Channel {
    BLE,
    NFC,
    ACOUSTIC
}
