package dev.tillpoint.beacons;

import dev.tillpoint.merchants.MerchantService;
import dev.tillpoint.shared.ErrorCode;
import dev.tillpoint.shared.Ids;
import dev.tillpoint.shared.Result;
import dev.tillpoint.shared.StoredTime;
import dev.tillpoint.shared.UniqueConstraints;
import dev.tillpoint.shared.ValidationErrors;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The beacon registry (admin): registration, page replacement, deactivation, reading back. */
@Stateless
public class BeaconRegistry {

    static final double MAX_PRESET_DISTANCE_METERS = 1000;
    static final int MIN_TX_POWER = -100;
    static final int MAX_TX_POWER = 20;
    private static final Pattern IDENTITY_KEY = Pattern.compile("[0-9A-Fa-f]{32}");

    @PersistenceContext(unitName = "tillpoint")
    EntityManager em;

    @Resource
    SessionContext session;

    @Inject
    Clock clock;

    @Inject
    IdentityKeyCipher identityKeys;

    @EJB
    EidIndex eidIndex;

    @EJB
    MerchantService merchants;

    @EJB
    BeaconChanges changes;

    /**
     * Registers a beacon, with its statistics row and, for an EID beacon, its first EID index rows.
     *
     * @return the beacon (never its identity key); {@code VALIDATION_FAILED} naming each bad field;
     *         {@code UNKNOWN_REFERENCE} for an unknown merchant; {@code DUPLICATE} for a taken id
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public Result<BeaconView> register(NewBeacon command) {
        Objects.requireNonNull(command, "command");
        ValidationErrors errors = new ValidationErrors();
        Optional<String> id = BeaconIds.canonical(command.id());
        if (id.isEmpty()) {
            errors.add("id", BeaconIds.MESSAGE);
        }
        errors.checkOptionalId("merchantId", command.merchantId());
        checkPresetDistance(errors, command.presetDistanceMeters());
        checkTxPower(errors, command.txPower());
        Set<Channel> channels = channels(errors, command.channels());
        BeaconPage page = errors.take(BeaconPage.parse("page", command.page()));
        byte[] identityKey = command.eid() == null ? null : identityKey(errors, command.eid());
        if (!errors.isEmpty()) {
            return errors.toFailure();
        }
        if (command.merchantId() != null && merchants.find(command.merchantId()).isEmpty()) {
            return Result.failure(ErrorCode.UNKNOWN_REFERENCE, "No merchant with this merchantId.");
        }
        if (em.find(Beacon.class, id.get()) != null) {
            return duplicate();
        }
        Instant now = StoredTime.now(clock);
        Beacon beacon = new Beacon(id.get(), command.merchantId(), command.presetDistanceMeters(), command.txPower(),
                channels, page, now);
        changes.changed(beacon);
        if (identityKey != null) {
            long timeCounter = command.eid().timeCounter() != null ? command.eid().timeCounter() : now.getEpochSecond();
            beacon.useEid(identityKeys.encrypt(beacon.id(), identityKey),
                    EidClock.registeredAt(command.eid().rotationExponent(), timeCounter, now));
        }
        em.persist(beacon);
        em.persist(new BeaconStats(beacon.id()));
        if (!UniqueConstraints.flushUnlessViolated(em, session)) {
            return duplicate();
        }
        if (identityKey != null) {
            try {
                eidIndex.index(beacon, identityKey, now);
            } finally {
                Arrays.fill(identityKey, (byte) 0);
            }
        }
        return Result.ok(beacon.view());
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<BeaconView> find(String beaconId) {
        return BeaconIds.canonical(beaconId).map(id -> em.find(Beacon.class, id)).map(Beacon::view);
    }

    /**
     * Replaces the bound page; the next sighting is answered with it.
     *
     * @return the beacon; {@code VALIDATION_FAILED} on the page's fields; {@code NOT_FOUND}
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public Result<BeaconView> replacePage(String beaconId, BeaconPage page) {
        // The body of PUT .../page is the page itself: its fields are named without a prefix.
        Result<BeaconPage> parsed = BeaconPage.parse("", page);
        if (parsed instanceof Result.Failure<BeaconPage> failure) {
            return new Result.Failure<>(failure.code(), failure.detail(), failure.errors());
        }
        Beacon beacon = BeaconIds.canonical(beaconId).map(id -> em.find(Beacon.class, id)).orElse(null);
        if (beacon == null) {
            return notFound();
        }
        changes.changed(beacon);
        beacon.replacePage(page, StoredTime.now(clock));
        return Result.ok(beacon.view());
    }

    /**
     * Deactivates a beacon: never resolved again, no more instructions; its history is kept. Idempotent.
     *
     * @return the beacon, inactive; {@code NOT_FOUND}
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public Result<BeaconView> deactivate(String beaconId) {
        Beacon beacon = BeaconIds.canonical(beaconId).map(id -> em.find(Beacon.class, id)).orElse(null);
        if (beacon == null) {
            return notFound();
        }
        changes.changed(beacon);
        beacon.deactivate(StoredTime.now(clock));
        eidIndex.forget(beacon.id());
        return Result.ok(beacon.view());
    }

    private static void checkPresetDistance(ValidationErrors errors, Double meters) {
        if (meters == null) {
            errors.add("presetDistanceMeters", "is required");
        } else if (!Double.isFinite(meters) || meters <= 0 || meters > MAX_PRESET_DISTANCE_METERS) {
            errors.add("presetDistanceMeters", "must be more than 0 and at most 1000");
        }
    }

    private static void checkTxPower(ValidationErrors errors, Integer txPower) {
        if (txPower == null) {
            errors.add("txPower", "is required");
        } else if (txPower < MIN_TX_POWER || txPower > MAX_TX_POWER) {
            errors.add("txPower", "must be -100..20 (dBm at 1 m)");
        }
    }

    private static Set<Channel> channels(ValidationErrors errors, List<String> names) {
        if (names == null) {
            return EnumSet.of(Channel.BLE);
        }
        if (names.isEmpty()) {
            errors.add("channels", "must name at least one of BLE, NFC, ACOUSTIC");
            return Set.of();
        }
        EnumSet<Channel> channels = EnumSet.noneOf(Channel.class);
        for (String name : names) {
            Optional<Channel> channel = Arrays.stream(Channel.values()).filter(c -> c.name().equals(name)).findFirst();
            if (channel.isEmpty()) {
                errors.add("channels", "each must be one of BLE, NFC, ACOUSTIC");
                return Set.of();
            }
            channels.add(channel.get());
        }
        return channels;
    }

    /** The identity key's bytes, or null after recording what is wrong with the registration. */
    private static byte[] identityKey(ValidationErrors errors, EidRegistration eid) {
        boolean valid = true;
        if (eid.identityKey() == null || !IDENTITY_KEY.matcher(eid.identityKey()).matches()) {
            errors.add("eid.identityKey", "must be 32 hex characters (an AES-128 key)");
            valid = false;
        }
        if (eid.rotationExponent() == null || eid.rotationExponent() < 0
                || eid.rotationExponent() > EddystoneEid.MAX_ROTATION_EXPONENT) {
            errors.add("eid.rotationExponent", "is required, 0..15");
            valid = false;
        }
        if (eid.timeCounter() != null && (eid.timeCounter() < 0 || eid.timeCounter() >= EddystoneEid.COUNTER_MODULUS)) {
            errors.add("eid.timeCounter", "must be a 32-bit counter, 0..4294967295");
            valid = false;
        }
        return valid ? HexFormat.of().parseHex(eid.identityKey()) : null;
    }

    private static <T> Result<T> notFound() {
        return Result.failure(ErrorCode.NOT_FOUND, "No beacon with this id.");
    }

    private static <T> Result<T> duplicate() {
        return Result.failure(ErrorCode.DUPLICATE, "A beacon with this id already exists.");
    }
}
