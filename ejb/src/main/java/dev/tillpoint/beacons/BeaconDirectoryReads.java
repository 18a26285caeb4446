package dev.tillpoint.beacons;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;

/**
 * The database reads of {@link BeaconDirectory}, outside any transaction: the directory counter,
 * the beacons changed since a revision (detached once returned), and their indexed EIDs.
 */
@Stateless
public class BeaconDirectoryReads {

    private static final int CHUNK = 1_000;

    @PersistenceContext(unitName = "tillpoint")
    EntityManager em;

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public long version() {
        return ((Number) em.createNativeQuery("select version from beacon_directory_version where id = 1")
                .getSingleResult()).longValue();
    }

    /** Every beacon stamped with a revision above {@code since}, active or not. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Beacon> changedSince(long since) {
        return em.createQuery("select b from Beacon b where b.revision > :since order by b.revision", Beacon.class)
                .setParameter("since", since)
                .getResultList();
    }

    /** The index rows of these beacons. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<EidIndex.Entry> eidsOf(List<String> beaconIds) {
        List<EidIndex.Entry> entries = new ArrayList<>();
        for (int from = 0; from < beaconIds.size(); from += CHUNK) {
            List<?> rows = em.createNativeQuery("select eid, beacon_id, period from beacon_eids where beacon_id in :ids")
                    .setParameter("ids", beaconIds.subList(from, Math.min(beaconIds.size(), from + CHUNK)))
                    .getResultList();
            for (Object row : rows) {
                Object[] columns = (Object[]) row;
                entries.add(new EidIndex.Entry((String) columns[1], ((Number) columns[2]).longValue(), (String) columns[0]));
            }
        }
        return entries;
    }
}
