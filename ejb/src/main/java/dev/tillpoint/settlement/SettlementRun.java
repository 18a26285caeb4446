package dev.tillpoint.settlement;

import dev.tillpoint.shared.StoredTime;
import jakarta.ejb.AccessTimeout;
import jakarta.ejb.EJB;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * A settlement run: every merchant and currency with unsettled activity up to the cut-off, one
 * batch each, each in a transaction of its own, so that a run that stops half-way keeps the
 * batches it wrote and the next run settles the rest.
 *
 * <p>Runs on one server take turns (a write-locked singleton): the nightly timer and an admin's
 * request may meet, and on H2 two runs would otherwise time out on each other's row locks. Runs on
 * different servers sharing one PostgreSQL database still settle each row once: the row locks and
 * the {@code settlement_id is null} conditions of {@link SettlementService#settle} see to that.
 */
@Singleton
@Lock(LockType.WRITE)
@AccessTimeout(value = 10, unit = TimeUnit.MINUTES)
public class SettlementRun {

    private static final Logger LOG = Logger.getLogger(SettlementRun.class.getName());

    @EJB
    SettlementService settlements;

    @Inject
    Clock clock;

    /**
     * The nightly run of {@code cutOff}, once in the cluster: settles everything up to the cut-off
     * when this node is the first to claim it, else nothing. A run that stops half-way keeps its
     * claim and its batches; the next cut-off settles the rest, as it settles anything unsettled.
     *
     * @return the batches written, or empty when another run already claimed this cut-off
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<List<SettlementBatchView>> settleCutOff(Instant cutOff) {
        String node = System.getProperty("jboss.node.name", "tillpoint");
        if (!settlements.claimCutOff(cutOff, node.length() > 64 ? node.substring(0, 64) : node)) {
            LOG.info(() -> "Settlement of cut-off " + cutOff + " already claimed by another run: nothing to do here");
            return Optional.empty();
        }
        return Optional.of(settleUpTo(cutOff));
    }

    /** Settles everything up to now. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<SettlementBatchView> settleNow() {
        return settleUpTo(StoredTime.now(clock));
    }

    /**
     * Settles everything up to {@code cutOff}; no transaction of its own, each batch has one.
     *
     * @return the batches written, none when there was nothing to settle
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<SettlementBatchView> settleUpTo(Instant cutOff) {
        List<SettlementBatchView> batches = new ArrayList<>();
        for (MerchantCurrency merchant : settlements.unsettled(cutOff)) {
            settlements.settle(merchant, cutOff).ifPresent(batches::add);
        }
        LOG.info(() -> "Settlement up to " + cutOff + ": " + batches.size() + " batches, "
                + batches.stream().mapToInt(SettlementBatchView::paymentCount).sum() + " payments");
        return List.copyOf(batches);
    }
}
