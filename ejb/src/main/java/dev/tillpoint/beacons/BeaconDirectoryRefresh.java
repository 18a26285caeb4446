package dev.tillpoint.beacons;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * Loads the directory at start, then polls the directory counter every
 * {@code tillpoint.beacons.directory-poll-millis} (default 1000) and loads what other servers
 * changed: the bound on how stale a server's directory is (see the package's rules). A poll is one
 * primary-key read while nothing changed.
 */
@Singleton
@Startup
public class BeaconDirectoryRefresh {

    static final String INTERVAL_PROPERTY = "tillpoint.beacons.directory-poll-millis";
    private static final Logger LOG = Logger.getLogger(BeaconDirectoryRefresh.class.getName());

    @Resource
    TimerService timers;

    @Inject
    Config config;

    @Inject
    BeaconDirectory directory;

    private long intervalMillis;

    @PostConstruct
    void start() {
        intervalMillis = config.getOptionalValue(INTERVAL_PROPERTY, Long.class).orElse(1000L);
        if (intervalMillis < 100 || intervalMillis > 1000) {
            throw new IllegalStateException(INTERVAL_PROPERTY + " must be 100..1000 (the staleness bound is 2 s)");
        }
        directory.refresh();
        scheduleNext();
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void poll() {
        try {
            directory.poll();
        } catch (RuntimeException e) {
            // The database is away: keep resolving from what is loaded, and try again next time.
            LOG.log(Level.WARNING, "Beacon directory poll failed: " + e.getClass().getSimpleName());
        } finally {
            scheduleNext();
        }
    }

    private void scheduleNext() {
        timers.createSingleActionTimer(intervalMillis, new TimerConfig("beacon-directory-poll", false));
    }
}
