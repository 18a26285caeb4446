package dev.tillpoint.messaging;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts the relay on a managed thread when a transaction that wrote to the outbox commits, and
 * when the sweep timer fires. Wake-ups coalesce: a run starts {@value #COALESCE_MILLIS} ms after
 * the first wake-up, at most one runs per server at a time, and wake-ups during a run start the
 * next one as late again. Under a steady stream of payments a relay transaction and a broker
 * commit so carry every message of that window, not one or two: the messages are for the bank's
 * other systems, and a few milliseconds more before they leave cost nothing there.
 *
 * <p>A plain CDI bean rather than an EJB: {@link #wake()} is called from a transaction's
 * {@code afterCompletion}, where no container transaction may be started on the caller's thread.
 */
@ApplicationScoped
public class OutboxWakeUp {

    private static final Logger LOG = Logger.getLogger(OutboxWakeUp.class.getName());

    static final long COALESCE_MILLIS = 20;

    private final AtomicBoolean wakeRequested = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean();

    @Resource
    ManagedScheduledExecutorService executor;

    @Inject
    OutboxRelay relay;

    /** Asks for a relay run soon; returns at once. */
    public void wake() {
        wakeRequested.set(true);
        startUnlessRunning();
    }

    private void startUnlessRunning() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.schedule(this::drain, COALESCE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // The server is stopping: what is left waits in the table for the next start's sweep.
            running.set(false);
        }
    }

    private void drain() {
        try {
            wakeRequested.set(false);
            while (relay.relayBatch()) {
                // a full batch went out: more may be waiting
            }
        } catch (RuntimeException e) {
            // The broker or the database is away; the rows stay and the sweep tries again.
            LOG.log(Level.WARNING, "Outbox relay run failed; the sweep will retry: " + e);
        } finally {
            running.set(false);
        }
        if (wakeRequested.get()) {
            startUnlessRunning();
        }
    }
}
