package dev.tillpoint.beacons;

import dev.tillpoint.shared.StoredTime;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import org.eclipse.microprofile.config.Config;

/**
 * Keeps the EID index ahead of the rotation: a timer
 * ({@code tillpoint.beacons.eid-refresh-interval-millis}, default 1000) re-indexes the beacons whose
 * rotation period has rolled, in batches of their own transactions. Only due beacons are touched,
 * found by an index, so the cost follows the rolls, not the number of beacons. Non-persistent: each
 * server refreshes for itself, and the rows it writes are the same whoever writes them.
 */
@Singleton
@Startup
public class EidIndexRefresh {

    static final String INTERVAL_PROPERTY = "tillpoint.beacons.eid-refresh-interval-millis";
    private static final int BATCH_SIZE = 200;

    @Resource
    TimerService timers;

    @Inject
    Config config;

    @Inject
    Clock clock;

    @EJB
    EidIndex index;

    private long intervalMillis;

    @PostConstruct
    void start() {
        long intervalMillis = config.getOptionalValue(INTERVAL_PROPERTY, Long.class).orElse(1000L);
        if (intervalMillis < 100) {
            throw new IllegalStateException(INTERVAL_PROPERTY + " must be at least 100");
        }
        this.intervalMillis = intervalMillis;
        scheduleNext();
    }

    /**
     * One run, then the next is scheduled: a run that takes longer than the interval (thousands of
     * beacons rolling at one instant) delays the next instead of overlapping it.
     */
    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void refresh() {
        try {
            while (index.refreshDue(StoredTime.now(clock), BATCH_SIZE) == BATCH_SIZE) {
                // more are due: next batch, in a transaction of its own
            }
        } finally {
            scheduleNext();
        }
    }

    private void scheduleNext() {
        timers.createSingleActionTimer(intervalMillis, new TimerConfig("eid-index-refresh", false));
    }
}
