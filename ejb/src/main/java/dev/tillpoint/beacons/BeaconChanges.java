package dev.tillpoint.beacons;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Stamps the beacons a transaction changes with the directory revision it takes
 * ({@code beacon_directory_version}), so that every server's {@link BeaconDirectory} finds them.
 * A transaction takes the revision before it changes any beacon (always in that order, so the
 * counter's row lock and the beacons' row locks never deadlock) and keeps it until it commits;
 * after the commit, this server's directory is told at once, the others within a poll.
 */
@Stateless
public class BeaconChanges {

    private static final Object REVISION_KEY = new Object();

    @PersistenceContext(unitName = "tillpoint")
    EntityManager em;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    BeaconDirectory directory;

    /** This transaction's revision, taken on the first call. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public long revision() {
        Long taken = (Long) transactions.getResource(REVISION_KEY);
        if (taken != null) {
            return taken;
        }
        em.createNativeQuery("update beacon_directory_version set version = version + 1 where id = 1").executeUpdate();
        long revision = ((Number) em.createNativeQuery("select version from beacon_directory_version where id = 1")
                .getSingleResult()).longValue();
        transactions.putResource(REVISION_KEY, revision);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing: the revision is written with the beacons
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    directory.committed(revision);
                }
            }
        });
        return revision;
    }

    /** Stamps {@code beacon} with this transaction's revision. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void changed(Beacon beacon) {
        beacon.revise(revision());
    }
}
