package dev.tillpoint.beacons;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** A registered beacon: its range, its calibration, its channels, its bound page and its broadcast window. */
@Entity
@Table(name = "beacons")
public class Beacon {

    @Id
    @Column(name = "id", length = 32, nullable = false, updatable = false)
    private String id;

    @Column(name = "merchant_id", length = 64, updatable = false)
    private String merchantId;

    @Column(name = "preset_distance_meters", nullable = false, updatable = false)
    private double presetDistanceMeters;

    @Column(name = "tx_power", nullable = false, updatable = false)
    private int txPower;

    /** Channel names, comma-separated, in {@link Channel} order. */
    @Column(name = "channels", length = 32, nullable = false, updatable = false)
    private String channels;

    @Column(name = "page_url", length = BeaconPage.MAX_URL_LENGTH, nullable = false)
    private String pageUrl;

    @Column(name = "page_title", length = BeaconPage.MAX_TITLE_LENGTH, nullable = false)
    private String pageTitle;

    @Column(name = "page_description", length = BeaconPage.MAX_DESCRIPTION_LENGTH)
    private String pageDescription;

    @Column(name = "page_icon_url", length = BeaconPage.MAX_URL_LENGTH)
    private String pageIconUrl;

    @Column(name = "eid_identity_key_ciphertext", length = 128, updatable = false)
    private String eidIdentityKeyCiphertext;

    @Column(name = "eid_rotation_exponent", updatable = false)
    private Integer eidRotationExponent;

    @Column(name = "eid_counter_offset_seconds", updatable = false)
    private Long eidCounterOffsetSeconds;

    @Column(name = "eid_next_roll_at")
    private Instant eidNextRollAt;

    @Column(name = "broadcast_until")
    private Instant broadcastUntil;

    @Column(name = "current_trigger_id", length = 64)
    private String currentTriggerId;

    @Column(name = "active", nullable = false)
    private boolean active;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "page_updated_at", nullable = false)
    private Instant pageUpdatedAt;

    @Column(name = "deactivated_at")
    private Instant deactivatedAt;

    /** The directory revision of the transaction that last changed what a sighting resolves to. */
    @Column(name = "revision", nullable = false)
    private long revision;

    protected Beacon() {
        // for JPA
    }

    Beacon(String id, String merchantId, double presetDistanceMeters, int txPower, Set<Channel> channels,
            BeaconPage page, Instant createdAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.merchantId = merchantId;
        this.presetDistanceMeters = presetDistanceMeters;
        this.txPower = txPower;
        this.channels = channels.stream().sorted().map(Channel::name).collect(Collectors.joining(","));
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.active = true;
        replacePage(page, createdAt);
    }

    /** Makes it an EID beacon; only at registration. */
    void useEid(String identityKeyCiphertext, EidClock clock) {
        this.eidIdentityKeyCiphertext = Objects.requireNonNull(identityKeyCiphertext, "identityKeyCiphertext");
        this.eidRotationExponent = clock.rotationExponent();
        this.eidCounterOffsetSeconds = clock.counterOffsetSeconds();
    }

    void replacePage(BeaconPage page, Instant now) {
        this.pageUrl = page.url();
        this.pageTitle = page.title();
        this.pageDescription = page.description();
        this.pageIconUrl = page.iconUrl();
        this.pageUpdatedAt = Objects.requireNonNull(now, "now");
    }

    /** Opens a new broadcast window; it replaces the previous one. */
    void broadcastUntil(String triggerId, Instant until) {
        this.currentTriggerId = Objects.requireNonNull(triggerId, "triggerId");
        this.broadcastUntil = Objects.requireNonNull(until, "until");
    }

    /** Never resolved again; a second call keeps the first deactivation time. */
    void deactivate(Instant now) {
        if (active) {
            active = false;
            deactivatedAt = Objects.requireNonNull(now, "now");
            eidNextRollAt = null;
        }
    }

    void revise(long revision) {
        this.revision = Math.max(this.revision, revision);
    }

    long revision() {
        return revision;
    }

    void eidIndexedUntil(Instant nextRollAt) {
        this.eidNextRollAt = nextRollAt;
    }

    boolean isActive() {
        return active;
    }

    boolean isEid() {
        return eidIdentityKeyCiphertext != null;
    }

    boolean isBroadcastingAt(Instant now) {
        return broadcastUntil != null && now.isBefore(broadcastUntil);
    }

    boolean has(Channel channel) {
        return channelSet().contains(channel);
    }

    EidClock eidClock() {
        return isEid() ? new EidClock(eidRotationExponent, eidCounterOffsetSeconds) : null;
    }

    String id() {
        return id;
    }

    String identityKeyCiphertext() {
        return eidIdentityKeyCiphertext;
    }

    String currentTriggerId() {
        return currentTriggerId;
    }

    double presetDistanceMeters() {
        return presetDistanceMeters;
    }

    int txPower() {
        return txPower;
    }

    BeaconPage page() {
        return new BeaconPage(pageUrl, pageTitle, pageDescription, pageIconUrl);
    }

    private Set<Channel> channelSet() {
        EnumSet<Channel> set = EnumSet.noneOf(Channel.class);
        Arrays.stream(channels.split(",")).map(Channel::valueOf).forEach(set::add);
        return set;
    }

    BeaconView view() {
        List<Channel> list = List.copyOf(channelSet());
        return new BeaconView(id, merchantId, presetDistanceMeters, txPower, list, page(), eidRotationExponent,
                active, broadcastUntil);
    }
}
