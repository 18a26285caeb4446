package dev.tillpoint.messaging;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * The outbox's safety net: a timer that wakes the relay every few seconds
 * ({@code tillpoint.outbox.sweep-interval-seconds}, default 5), for messages whose commit wake-up
 * was lost (a crash, a broker that was away), and the daily pruning of consumers' message ids.
 * Non-persistent timers: each server sweeps for itself, and a missed sweep needs no catching up.
 */
@Singleton
@Startup
public class OutboxSweep {

    static final String INTERVAL_PROPERTY = "tillpoint.outbox.sweep-interval-seconds";
    private static final Duration PROCESSED_ID_RETENTION = Duration.ofDays(7);
    private static final Logger LOG = Logger.getLogger(OutboxSweep.class.getName());

    @Resource
    TimerService timers;

    @Inject
    Config config;

    @Inject
    OutboxWakeUp wakeUp;

    @EJB
    ProcessedMessages processedMessages;

    @PostConstruct
    void start() {
        long intervalSeconds = config.getOptionalValue(INTERVAL_PROPERTY, Long.class).orElse(5L);
        if (intervalSeconds < 1) {
            throw new IllegalStateException(INTERVAL_PROPERTY + " must be at least 1");
        }
        timers.createIntervalTimer(intervalSeconds * 1000, intervalSeconds * 1000, new TimerConfig("outbox-sweep", false));
        // Whatever a previous run left behind goes out now rather than at the first tick.
        wakeUp.wake();
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void sweep() {
        wakeUp.wake();
    }

    @Schedule(hour = "4", minute = "17", persistent = false, info = "processed-message-pruning")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void pruneProcessedMessageIds() {
        int forgotten = processedMessages.forgetOlderThan(PROCESSED_ID_RETENTION);
        LOG.info(() -> "Forgot " + forgotten + " processed message ids older than " + PROCESSED_ID_RETENTION.toDays() + " days");
    }
}
