package dev.tillpoint.beacons;

import dev.tillpoint.shared.ErrorCode;
import dev.tillpoint.shared.Result;
import dev.tillpoint.shared.StoredTime;
import dev.tillpoint.shared.ValidationErrors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The hot path: a phone's sighting resolved to the beacon's page from memory
 * ({@link BeaconDirectory}), with no database read and no transaction; every sighting of a known
 * beacon is put into the current analytics batch ({@link SightingBatch}), which is sent and counted
 * off the request's path.
 *
 * <p>A plain CDI bean, not an EJB: it begins no transaction and touches no database, and the EJB
 * container's interceptor chain (transaction, security, pool, metrics) cost a sighting more than
 * the lookup itself.
 */
@ApplicationScoped
public class SightingResolver {

    static final int MIN_RSSI = -127;
    static final int MAX_RSSI = 20;
    private static final Pattern EID = Pattern.compile("[0-9A-Fa-f]{16}");

    @Inject
    Clock clock;

    @Inject
    BeaconDirectory directory;

    @Inject
    SightingBatch analytics;

    /**
     * @return the beacon, the estimated distance and the page; {@code VALIDATION_FAILED} on the
     *         sighting's fields; {@code BEACON_NOT_FOUND} when no active beacon answers to the id or
     *         EID, or it is not broadcasting; {@code CHANNEL_NOT_SUPPORTED}; {@code OUT_OF_RANGE}
     */
    public Result<SightingAnswer> resolve(String customerId, Sighting sighting) {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(sighting, "sighting");
        ValidationErrors errors = new ValidationErrors();
        Channel channel = channel(errors, sighting.channel());
        checkSighting(errors, sighting, channel);
        if (!errors.isEmpty()) {
            return errors.toFailure();
        }
        Instant now = StoredTime.now(clock);
        Optional<Beacon> found = sighting.beaconId() != null
                ? byFixedId(sighting.beaconId())
                : byEid(sighting.eid().toLowerCase(Locale.ROOT), now);
        if (found.isEmpty()) {
            return Result.failure(ErrorCode.BEACON_NOT_FOUND, "No broadcasting beacon answers to this id.");
        }
        Beacon beacon = found.get();
        if (!beacon.has(channel)) {
            return Result.failure(ErrorCode.CHANNEL_NOT_SUPPORTED, "This beacon does not broadcast on " + channel + ".");
        }
        if (!beacon.isBroadcastingAt(now)) {
            analytics.record(beacon.id(), customerId, now, BeaconMessages.Outcome.NOT_BROADCASTING);
            // The same answer as for an unknown beacon: an idle beacon is not there to be found.
            return Result.failure(ErrorCode.BEACON_NOT_FOUND, "No broadcasting beacon answers to this id.");
        }
        BigDecimal distance = distance(beacon, channel, sighting.rssi());
        if (!Distance.within(distance, beacon.presetDistanceMeters())) {
            analytics.record(beacon.id(), customerId, now, BeaconMessages.Outcome.OUT_OF_RANGE);
            return Result.failure(ErrorCode.OUT_OF_RANGE, "The phone is farther from the beacon than its preset distance.");
        }
        analytics.record(beacon.id(), customerId, now, BeaconMessages.Outcome.IN_RANGE);
        return Result.ok(new SightingAnswer(beacon.id(), distance, beacon.page()));
    }

    /** An EID beacon is never resolved by its fixed id: that would defeat the rotation. */
    private Optional<Beacon> byFixedId(String beaconId) {
        return BeaconIds.canonical(beaconId).flatMap(directory::beacon).filter(beacon -> !beacon.isEid());
    }

    /** The index names the candidates; the beacon's own clock decides whether the EID's period is accepted now. */
    private Optional<Beacon> byEid(String eid, Instant now) {
        for (EidIndex.Entry entry : directory.eid(eid)) {
            Beacon beacon = directory.beacon(entry.beaconId()).orElse(null);
            if (beacon != null && beacon.isEid()
                    && EidIndex.matches(entry.period(), beacon.eidClock().periodAt(now))) {
                return Optional.of(beacon);
            }
        }
        return Optional.empty();
    }

    private static BigDecimal distance(Beacon beacon, Channel channel, Integer rssi) {
        return switch (channel) {
            case NFC -> Distance.NFC_TOUCH_METERS;
            // Without a level, a sound heard at all is within its reach, which the preset distance stands for.
            case ACOUSTIC -> rssi == null ? Distance.meters(beacon.presetDistanceMeters()) : Distance.fromRssi(beacon.txPower(), rssi);
            case BLE -> Distance.fromRssi(beacon.txPower(), rssi);
        };
    }

    private static Channel channel(ValidationErrors errors, String name) {
        if (name == null) {
            return Channel.BLE;
        }
        Optional<Channel> channel = Arrays.stream(Channel.values()).filter(c -> c.name().equals(name)).findFirst();
        if (channel.isEmpty()) {
            errors.add("channel", "must be one of BLE, NFC, ACOUSTIC");
            return null;
        }
        return channel.get();
    }

    private static void checkSighting(ValidationErrors errors, Sighting sighting, Channel channel) {
        if (sighting.beaconId() == null && sighting.eid() == null) {
            errors.add("beaconId", "exactly one of beaconId and eid is required");
        } else if (sighting.beaconId() != null && sighting.eid() != null) {
            errors.add("eid", "exactly one of beaconId and eid is allowed");
        } else if (sighting.beaconId() != null && BeaconIds.canonical(sighting.beaconId()).isEmpty()) {
            errors.add("beaconId", BeaconIds.MESSAGE);
        } else if (sighting.eid() != null && !EID.matcher(sighting.eid()).matches()) {
            errors.add("eid", "must be an Eddystone EID: 16 hex characters");
        }
        if (sighting.rssi() != null && (sighting.rssi() < MIN_RSSI || sighting.rssi() > MAX_RSSI)) {
            errors.add("rssi", "must be -127..20 (dBm)");
        } else if (sighting.rssi() == null && channel == Channel.BLE) {
            errors.add("rssi", "is required for BLE");
        }
    }
}
