package dev.tillpoint.beacons;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

/**
 * Sends the waiting sightings ({@link SightingBatch}) every
 * {@code tillpoint.beacons.sighting-flush-millis} (default 1000), and once more at shutdown.
 * Non-persistent: each server flushes its own.
 */
@Singleton
@Startup
public class SightingBatchFlush {

    static final String INTERVAL_PROPERTY = "tillpoint.beacons.sighting-flush-millis";

    @Resource
    TimerService timers;

    @Inject
    Config config;

    @Inject
    SightingBatch batch;

    private long intervalMillis;

    @PostConstruct
    void start() {
        intervalMillis = config.getOptionalValue(INTERVAL_PROPERTY, Long.class).orElse(1000L);
        if (intervalMillis < 10) {
            throw new IllegalStateException(INTERVAL_PROPERTY + " must be at least 10");
        }
        scheduleNext();
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void flush() {
        try {
            batch.flush();
        } finally {
            scheduleNext();
        }
    }

    /** A graceful shutdown loses nothing. */
    @PreDestroy
    void last() {
        batch.flush();
    }

    private void scheduleNext() {
        timers.createSingleActionTimer(intervalMillis, new TimerConfig("sighting-batch-flush", false));
    }
}
