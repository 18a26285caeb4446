package dev.tillpoint.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tillpoint.beacons.BeaconPage;
import dev.tillpoint.beacons.BeaconRegistry;
import dev.tillpoint.beacons.DeviceInstructions;
import dev.tillpoint.beacons.NewBeacon;
import dev.tillpoint.beacons.Sighting;
import dev.tillpoint.beacons.SightingAnswer;
import dev.tillpoint.beacons.SightingResolver;
import dev.tillpoint.shared.ErrorCode;
import dev.tillpoint.shared.Result;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/**
 * The in-memory beacon directory stays right: a change made through this server resolves at once;
 * a change another server commits (written here straight to the shared database, as that server's
 * services would: the directory counter taken first, the beacon stamped with it) resolves here
 * within the staleness bound of two seconds, without any call to this server; a window that ends
 * stops the beacon resolving with no change at all.
 */
class BeaconDirectoryIT extends InsideEarServices {

    private static final long STALENESS_BOUND_MILLIS = 2_000;

    @Deployment
    static EnterpriseArchive ear() {
        return InsideEar.with(BeaconDirectoryIT.class, InsideEarServices.class, Cards.class);
    }

    @EJB(lookup = EJB_MODULE + "BeaconRegistry")
    BeaconRegistry registry;

    @EJB(lookup = EJB_MODULE + "DeviceInstructions")
    DeviceInstructions instructions;

    /** A plain CDI bean, not an EJB: taken from the deployment's container, inside the server only. */
    private static SightingResolver resolver() {
        return jakarta.enterprise.inject.spi.CDI.current().select(SightingResolver.class).get();
    }

    @Resource(lookup = "java:jboss/datasources/TillpointDS")
    DataSource dataSource;

    private String beacon(String page) {
        String id = UUID.randomUUID().toString().replace("-", "");
        assertInstanceOf(Result.Ok.class, registry.register(new NewBeacon(id, null, 5.0, -59, null,
                new BeaconPage(page, "Directory", null, null), null)));
        return id;
    }

    private String visitor;

    private Result<SightingAnswer> sight(String beacon) {
        if (visitor == null) {
            visitor = customer();
        }
        return resolver().resolve(visitor, new Sighting(beacon, null, -59, null));
    }

    @Test
    void aChangeThroughThisServerResolvesAtOnceAndAnEndedWindowStopsIt() throws Exception {
        String beacon = beacon("https://directory.example/local");
        assertEquals(ErrorCode.BEACON_NOT_FOUND, ((Result.Failure<SightingAnswer>) sight(beacon)).code(),
                "registered, not yet triggered");
        assertInstanceOf(Result.Ok.class, instructions.trigger(beacon, 2));
        Result<SightingAnswer> seen = sight(beacon);
        assertInstanceOf(Result.Ok.class, seen, () -> "a trigger through this server does not resolve at once: " + seen);
        assertInstanceOf(Result.Ok.class, registry.replacePage(beacon,
                new BeaconPage("https://directory.example/replaced", "Replaced", null, null)));
        assertEquals("https://directory.example/replaced", ((Result.Ok<SightingAnswer>) sight(beacon)).value().page().url());
        // The 2 s window ends by the clock alone, with no change to load: wait for that, bounded.
        long triggered = System.nanoTime();
        Result<SightingAnswer> after;
        while ((after = sight(beacon)) instanceof Result.Ok) {
            assertTrue(System.nanoTime() - triggered < 4_000_000_000L, "the window ended and the beacon still resolves");
            Thread.sleep(50);
        }
        assertEquals(ErrorCode.BEACON_NOT_FOUND, ((Result.Failure<SightingAnswer>) after).code());
    }

    @Test
    void aChangeCommittedByAnotherServerResolvesHereWithinTwoSeconds() throws Exception {
        String beacon = beacon("https://directory.example/remote");
        assertEquals(ErrorCode.BEACON_NOT_FOUND, ((Result.Failure<SightingAnswer>) sight(beacon)).code());
        asAnotherServer(beacon, "update beacons set broadcast_until = ?, revision = ? where id = ?",
                OffsetDateTime.ofInstant(Instant.now().plusSeconds(600), ZoneOffset.UTC));
        long start = System.nanoTime();
        while (!(sight(beacon) instanceof Result.Ok)) {
            assertTrue(System.nanoTime() - start < STALENESS_BOUND_MILLIS * 1_000_000, "another server's trigger did not"
                    + " resolve here within " + STALENESS_BOUND_MILLIS + " ms");
            Thread.sleep(50);
        }
        asAnotherServer(beacon, "update beacons set active = false, deactivated_at = ?, revision = ? where id = ?",
                OffsetDateTime.now(ZoneOffset.UTC));
        start = System.nanoTime();
        while (sight(beacon) instanceof Result.Ok) {
            assertTrue(System.nanoTime() - start < STALENESS_BOUND_MILLIS * 1_000_000, "another server's deactivation did"
                    + " not reach here within " + STALENESS_BOUND_MILLIS + " ms");
            Thread.sleep(50);
        }
    }

    /**
     * One transaction as another server's services write it: the directory counter first, then the
     * beacon, stamped with it ({@code update} takes the time, the revision and the id).
     */
    private void asAnotherServer(String beacon, String update, OffsetDateTime time) throws Exception {
        inTransaction(() -> {
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement bump = connection.prepareStatement(
                         "update beacon_directory_version set version = version + 1 where id = 1");
                 PreparedStatement read = connection.prepareStatement("select version from beacon_directory_version where id = 1");
                 PreparedStatement change = connection.prepareStatement(update)) {
                bump.executeUpdate();
                long revision;
                try (var rows = read.executeQuery()) {
                    rows.next();
                    revision = rows.getLong(1);
                }
                change.setObject(1, time);
                change.setLong(2, revision);
                change.setString(3, beacon);
                return change.executeUpdate();
            }
        });
    }
}
