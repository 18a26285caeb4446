package dev.tillpoint.beacons;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * The EIDs of every active EID beacon around now, in {@code beacon_eids}, so that a sighting's EID
 * is found by a lookup rather than by computing every beacon's EID per request: every server loads
 * these rows into its {@link BeaconDirectory}, each change stamped with a directory revision.
 *
 * <p>A beacon's rows cover its previous, current and next rotation periods plus one more ahead:
 * the extra period keeps the index complete when the refresh timer runs late after a roll (by up
 * to one period). Which of them a sighting may match is decided at resolution, against the
 * beacon's period at that moment ({@link #matches}), so the extra row is never accepted early.
 */
@Stateless
public class EidIndex {

    /** Periods before the current one that are still accepted (clock drift). */
    static final int PERIODS_BEHIND = 1;
    /** Periods after the current one that are accepted. */
    static final int PERIODS_AHEAD = 1;
    /** Periods kept in the index beyond {@link #PERIODS_AHEAD}, for a late refresh. */
    private static final int SPARE_PERIODS_AHEAD = 1;

    @PersistenceContext(unitName = "tillpoint")
    EntityManager em;

    @Inject
    IdentityKeyCipher identityKeys;

    @EJB
    BeaconChanges changes;

    /** An indexed EID: the beacon broadcasting it and the beacon period it belongs to. */
    record Entry(String beaconId, long period, String eid) {
    }

    /** Whether an EID of {@code period} is accepted while the beacon's clock reads {@code currentPeriod}. */
    static boolean matches(long period, long currentPeriod) {
        return period >= currentPeriod - PERIODS_BEHIND && period <= currentPeriod + PERIODS_AHEAD;
    }

    /**
     * Writes the EIDs of the periods around {@code now} and forgets older ones; records when the
     * beacon is next due. Joins the caller's transaction (registration, or the refresh).
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void index(Beacon beacon, byte[] identityKey, Instant now) {
        EidClock clock = beacon.eidClock();
        long current = clock.periodAt(now);
        long first = Math.max(0, current - PERIODS_BEHIND);
        long last = Math.min(clock.lastPeriod(), current + PERIODS_AHEAD + SPARE_PERIODS_AHEAD);
        for (long period = first; period <= last; period++) {
            em.createNativeQuery("insert into beacon_eids (eid, beacon_id, period) values (:eid, :beaconId, :period)"
                            + " on conflict do nothing")
                    .setParameter("eid", EddystoneEid.ofPeriod(identityKey, clock.rotationExponent(), period))
                    .setParameter("beaconId", beacon.id())
                    .setParameter("period", period)
                    .executeUpdate();
        }
        // Also drops the periods of before a counter wrap-around, which are numbered above "last".
        em.createNativeQuery("delete from beacon_eids where beacon_id = :beaconId and (period < :first or period > :last)")
                .setParameter("beaconId", beacon.id())
                .setParameter("first", first)
                .setParameter("last", last)
                .executeUpdate();
        beacon.eidIndexedUntil(clock.periodEndAfter(now));
        changes.changed(beacon);
    }

    /**
     * Re-indexes up to {@code batchSize} active EID beacons whose period has rolled by {@code now},
     * found by the index on their next roll time.
     *
     * @return how many were re-indexed; the caller repeats while it equals the batch size
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public int refreshDue(Instant now, int batchSize) {
        List<Beacon> due = em.createQuery("select b from Beacon b where b.eidNextRollAt <= :now and b.active = true"
                        + " order by b.eidNextRollAt", Beacon.class)
                .setParameter("now", now)
                .setMaxResults(batchSize)
                .getResultList();
        if (due.isEmpty()) {
            return 0;
        }
        changes.revision(); // before any beacon row is changed: the lock order of BeaconChanges
        for (Beacon beacon : due) {
            byte[] identityKey = identityKeys.decrypt(beacon.id(), beacon.identityKeyCiphertext());
            try {
                index(beacon, identityKey, now);
            } finally {
                Arrays.fill(identityKey, (byte) 0);
            }
        }
        return due.size();
    }

    /** A deactivated beacon leaves the index. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void forget(String beaconId) {
        em.createNativeQuery("delete from beacon_eids where beacon_id = :beaconId")
                .setParameter("beaconId", beaconId)
                .executeUpdate();
    }
}
