package dev.tillpoint.messaging;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts the relay on a managed thread when a transaction that wrote to the outbox commits, and
 * when the sweep timer fires. Wake-ups coalesce: at most one relay run per server at a time, and
 * a wake-up during a run makes that run go round once more, so a burst of a thousand commits
 * costs a few relay transactions, not a thousand.
 *
 * <p>A plain CDI bean rather than an EJB: {@link #wake()} is called from a transaction's
 * {@code afterCompletion}, where no container transaction may be started on the caller's thread.
 */
@ApplicationScoped
public class OutboxWakeUp {

    private static final Logger LOG = Logger.getLogger(OutboxWakeUp.class.getName());

    private final AtomicBoolean wakeRequested = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean();

    @Resource
    ManagedExecutorService executor;

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
            executor.execute(this::drain);
        } catch (RejectedExecutionException e) {
            // The server is stopping: what is left waits in the table for the next start's sweep.
            running.set(false);
        }
    }

    private void drain() {
        try {
            while (wakeRequested.getAndSet(false)) {
                while (relay.relayBatch()) {
                    // a full batch went out: more may be waiting
                }
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
