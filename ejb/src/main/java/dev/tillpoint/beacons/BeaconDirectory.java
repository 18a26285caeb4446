package dev.tillpoint.beacons;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The active beacons and the EIDs they broadcast, in memory: what a sighting is resolved from,
 * without a database read. Kept right by revision ({@link BeaconChanges}): a change committed on
 * this server is loaded before the next sighting here; a change committed on another server is
 * loaded by the next poll ({@link BeaconDirectoryRefresh}, every second), so it shows here within
 * the poll interval plus the load. Whether a beacon is broadcasting is decided at each sighting from
 * its window, so expiry needs no change at all.
 *
 * <p>The beacons held are detached entities, only read once published here.
 */
@ApplicationScoped
public class BeaconDirectory {

    @Inject
    BeaconDirectoryReads reads;

    /** Active beacons by id. */
    private final Map<String, Beacon> beacons = new ConcurrentHashMap<>();
    /** The index rows of active EID beacons, by EID. */
    private final Map<String, List<EidIndex.Entry>> byEid = new ConcurrentHashMap<>();
    /** The EIDs indexed per beacon, to drop them when it changes. */
    private final Map<String, List<String>> eidsOf = new ConcurrentHashMap<>();
    private final ReentrantLock loading = new ReentrantLock();
    /** The highest revision loaded; -1 before the first load. */
    private volatile long loaded = -1;
    /** The highest revision committed on this server (0: none; the first load is the start-up's). */
    private final AtomicLong committed = new AtomicLong(0);

    /** An active beacon by its canonical id, catching up first with this server's commits. */
    Optional<Beacon> beacon(String id) {
        catchUp();
        return Optional.ofNullable(beacons.get(id));
    }

    /** The index rows naming {@code eid}, catching up first with this server's commits. */
    List<EidIndex.Entry> eid(String eid) {
        catchUp();
        return byEid.getOrDefault(eid, List.of());
    }

    /** A transaction of this server committed {@code revision}. */
    void committed(long revision) {
        committed.accumulateAndGet(revision, Math::max);
    }

    private void catchUp() {
        if (loaded < committed.get()) {
            refresh(committed.get());
        }
    }

    /**
     * Loads every beacon changed since the last load (all of them the first time), and their EIDs.
     * One loader at a time; others keep reading the maps meanwhile.
     */
    void refresh() {
        refresh(Long.MAX_VALUE);
    }

    /** Loads unless a load that ran meanwhile reached {@code wanted}. */
    private void refresh(long wanted) {
        loading.lock();
        try {
            long since = loaded;
            if (since >= wanted) {
                return;
            }
            // Read first: every revision up to it has committed (revisions commit in order), so
            // once the beacons above "since" are loaded, the directory is as of this version.
            long version = reads.version();
            List<Beacon> changed = reads.changedSince(since);
            if (changed.isEmpty()) {
                loaded = Math.max(since, version);
                return;
            }
            Map<String, List<EidIndex.Entry>> entries = new HashMap<>();
            List<String> eidBeacons = changed.stream().filter(Beacon::isActive).filter(Beacon::isEid).map(Beacon::id).toList();
            for (EidIndex.Entry entry : reads.eidsOf(eidBeacons)) {
                entries.computeIfAbsent(entry.beaconId(), id -> new ArrayList<>()).add(entry);
            }
            long highest = since;
            for (Beacon beacon : changed) {
                forgetEids(beacon.id());
                if (beacon.isActive()) {
                    beacons.put(beacon.id(), beacon);
                    List<EidIndex.Entry> own = entries.getOrDefault(beacon.id(), List.of());
                    eidsOf.put(beacon.id(), own.stream().map(EidIndex.Entry::eid).toList());
                    for (EidIndex.Entry entry : own) {
                        byEid.merge(entry.eid(), List.of(entry), BeaconDirectory::plus);
                    }
                } else {
                    beacons.remove(beacon.id());
                }
                highest = Math.max(highest, beacon.revision());
            }
            loaded = Math.max(highest, version);
        } finally {
            loading.unlock();
        }
    }

    /** Loads what other servers changed, when the counter moved past what is loaded: the poll's one call. */
    void poll() {
        if (reads.version() > loaded) {
            refresh();
        }
    }

    private void forgetEids(String beaconId) {
        List<String> eids = eidsOf.remove(beaconId);
        if (eids == null) {
            return;
        }
        for (String eid : eids) {
            byEid.computeIfPresent(eid, (key, list) -> {
                List<EidIndex.Entry> kept = list.stream().filter(entry -> !entry.beaconId().equals(beaconId)).toList();
                return kept.isEmpty() ? null : kept;
            });
        }
    }

    private static List<EidIndex.Entry> plus(List<EidIndex.Entry> a, List<EidIndex.Entry> b) {
        List<EidIndex.Entry> both = new ArrayList<>(a);
        both.addAll(b);
        return List.copyOf(both);
    }
}
