package dev.tillpoint.settlement;

import dev.tillpoint.ledger.Ledger;
import dev.tillpoint.ledger.LedgerAccountKind;
import dev.tillpoint.ledger.PostingOutcome;
import dev.tillpoint.ledger.TransferKind;
import dev.tillpoint.ledger.TransferRequest;
import dev.tillpoint.shared.CreationOrder;
import dev.tillpoint.shared.Ids;
import dev.tillpoint.shared.Page;
import dev.tillpoint.shared.PageCursors;
import dev.tillpoint.shared.PageRequest;
import dev.tillpoint.shared.Result;
import dev.tillpoint.shared.StoredTime;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Tuple;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Settles one merchant's unsettled payments and refunds in one currency into a batch, and reads
 * batches back. Payments and refunds are read by SQL rather than through the payment feature's
 * entities: settlement needs only their amounts, terminals and clearing accounts, and locks the
 * rows it settles.
 */
@Stateless
public class SettlementService {

    private static final String BATCH_ID_PREFIX = "stl";
    private static final String LIST = "settlements";
    /** Ids per UPDATE ... IN (...): well under every driver's bind-parameter limit. */
    private static final int IDS_PER_STATEMENT = 500;

    @PersistenceContext(unitName = "tillpoint")
    EntityManager em;

    @EJB
    Ledger ledger;

    @Inject
    PageCursors cursors;

    @Inject
    Clock clock;

    /** The merchants and currencies with something to settle up to {@code cutOff}. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<MerchantCurrency> unsettled(Instant cutOff) {
        List<Tuple> rows = em.createNativeQuery("select merchant_id, currency from payments"
                        + " where settlement_id is null and status = 'APPROVED' and created_at <= :cutOff"
                        + " union select merchant_id, currency from refunds"
                        + " where settlement_id is null and created_at <= :cutOff", Tuple.class)
                .setParameter("cutOff", cutOff)
                .getResultList();
        return rows.stream()
                .map(row -> new MerchantCurrency((String) row.get(0), (String) row.get(1)))
                .distinct()
                .sorted(Comparator.comparing(MerchantCurrency::merchantId).thenComparing(MerchantCurrency::currency))
                .toList();
    }

    /**
     * Settles everything of {@code merchant} up to {@code cutOff} in one transaction (its own when
     * {@link SettlementRun} calls it, which runs without one):
     * locks the unsettled payments and refunds, writes the batch with their figures, marks them
     * settled in it, sweeps each terminal's clearing account into the merchant's account and posts
     * the net to the bank's payout account. Two runs racing for the same rows serialize on the row
     * locks, and the second finds them settled: nothing is settled twice. A run that fails rolls
     * back whole, and the next run settles the same rows.
     *
     * @return the batch, or empty when there was nothing left to settle
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public Optional<SettlementBatchView> settle(MerchantCurrency merchant, Instant cutOff) {
        Objects.requireNonNull(merchant, "merchant");
        List<Item> payments = lockedItems("select id, clearing_account_id, amount_minor from payments"
                + " where merchant_id = :merchantId and currency = :currency and settlement_id is null"
                + " and status = 'APPROVED' and created_at <= :cutOff order by id for update", merchant, cutOff);
        List<Item> refunds = withClearingAccounts(lockedItems(REFUNDS_TO_SETTLE, merchant, cutOff));
        SettlementTotals totals = SettlementTotals.NONE;
        Map<String, Long> clearingNetMinor = new LinkedHashMap<>();
        for (Item payment : payments) {
            totals = totals.withPayment(payment.amountMinor());
            clearingNetMinor.merge(payment.clearingAccountId(), payment.amountMinor(), Math::addExact);
        }
        for (Item refund : refunds) {
            totals = totals.withRefund(refund.amountMinor());
            clearingNetMinor.merge(refund.clearingAccountId(), -refund.amountMinor(), Math::addExact);
        }
        if (totals.isEmpty()) {
            return Optional.empty();
        }
        Instant now = StoredTime.now(clock);
        SettlementBatch batch = new SettlementBatch(Ids.generate(BATCH_ID_PREFIX), merchant.merchantId(),
                merchant.currency(), totals, cutOff, now);
        em.persist(batch);
        em.flush(); // the batch row first: payments and refunds refer to it
        markSettled("payments", payments, batch.id());
        markSettled("refunds", refunds, batch.id());
        String merchantAccountId = merchantAccountOf(merchant.merchantId());
        clearingNetMinor.forEach((clearingAccountId, netMinor) ->
                move(clearingAccountId, merchantAccountId, netMinor, merchant.currency(), batch.id()));
        move(merchantAccountId, ledger.bankAccount(LedgerAccountKind.BANK_PAYOUT, merchant.currency()).id(),
                totals.netMinor(), merchant.currency(), batch.id());
        return Optional.of(batch.view());
    }

    /**
     * Claims the nightly run of {@code cutOff} for {@code node}, in a transaction of its own: true
     * for the first claim of that cut-off anywhere in the cluster, false for every later one. The
     * primary key decides; a concurrent claim waits for the first to commit, then inserts nothing.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean claimCutOff(Instant cutOff, String node) {
        return em.createNativeQuery("insert into settlement_cut_offs (cut_off_at, claimed_by, claimed_at)"
                        + " values (:cutOff, :node, :claimedAt) on conflict do nothing")
                .setParameter("cutOff", cutOff)
                .setParameter("node", node)
                .setParameter("claimedAt", StoredTime.now(clock))
                .executeUpdate() == 1;
    }

    /** The merchant's batches, oldest first, one page at a time. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Result<Page<SettlementBatchView>> batchesOf(String merchantId, PageRequest request) {
        Objects.requireNonNull(request, "request");
        PageCursors.Scope scope = new PageCursors.Scope(LIST, merchantId);
        return cursors.startOf(request, scope, CreationOrder::fromCursorFields).map(after -> {
            if (!Ids.isValid(merchantId)) {
                return Page.<SettlementBatchView>empty();
            }
            List<SettlementBatch> rows = CreationOrder.pageQuery(em, SettlementBatch.class, "b",
                            "b.merchantId = :merchantId", after, request.limit())
                    .setParameter("merchantId", merchantId)
                    .getResultList();
            return Page.fromLookAhead(rows, request.limit(), last -> cursors.issue(scope, last.position().cursorFields()))
                    .map(SettlementBatch::view);
        });
    }

    /** The merchant's batch; empty when there is none of that id, or it is another merchant's. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<SettlementBatchView> batchOf(String merchantId, String batchId) {
        if (!Ids.isValid(merchantId) || !Ids.isValid(batchId)) {
            return Optional.empty();
        }
        return em.createQuery("select b from SettlementBatch b where b.id = :id and b.merchantId = :merchantId",
                        SettlementBatch.class)
                .setParameter("id", batchId)
                .setParameter("merchantId", merchantId)
                .getResultList()
                .stream()
                .findFirst()
                .map(SettlementBatch::view);
    }

    /** Every payment and refund of the merchant's batch, in the order they happened; empty when not theirs. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<List<SettlementLine>> linesOf(String merchantId, String batchId) {
        return batchOf(merchantId, batchId).map(batch -> {
            List<SettlementLine> lines = new ArrayList<>();
            List<Tuple> payments = em.createNativeQuery("select id, terminal_id, order_id, amount_minor, currency, created_at"
                            + " from payments where settlement_id = :batchId", Tuple.class)
                    .setParameter("batchId", batch.id())
                    .getResultList();
            payments.forEach(row -> lines.add(new SettlementLine(SettlementLine.Type.PAYMENT, (String) row.get(0),
                    (String) row.get(0), (String) row.get(1), (String) row.get(2), ((Number) row.get(3)).longValue(),
                    (String) row.get(4), StoredTime.fromColumn(row.get(5)))));
            List<Tuple> refunds = em.createNativeQuery("select r.id, r.payment_id, r.terminal_id, p.order_id,"
                            + " r.amount_minor, r.currency, r.created_at from refunds r join payments p on p.id = r.payment_id"
                            + " where r.settlement_id = :batchId", Tuple.class)
                    .setParameter("batchId", batch.id())
                    .getResultList();
            refunds.forEach(row -> lines.add(new SettlementLine(SettlementLine.Type.REFUND, (String) row.get(0),
                    (String) row.get(1), (String) row.get(2), (String) row.get(3), ((Number) row.get(4)).longValue(),
                    (String) row.get(5), StoredTime.fromColumn(row.get(6)))));
            lines.sort(Comparator.comparing(SettlementLine::createdAt).thenComparing(SettlementLine::id));
            return List.copyOf(lines);
        });
    }

    /** A payment or refund to settle: its id, the clearing account it moved money through, its amount. */
    private record Item(String id, String clearingAccountId, long amountMinor) {
    }

    private List<Item> lockedItems(String sql, MerchantCurrency merchant, Instant cutOff) {
        List<Tuple> rows = em.createNativeQuery(sql, Tuple.class)
                .setParameter("merchantId", merchant.merchantId())
                .setParameter("currency", merchant.currency())
                .setParameter("cutOff", cutOff)
                .getResultList();
        return rows.stream()
                .map(row -> new Item((String) row.get(0), (String) row.get(1), ((Number) row.get(2)).longValue()))
                .toList();
    }

    private void markSettled(String table, List<Item> items, String batchId) {
        for (int from = 0; from < items.size(); from += IDS_PER_STATEMENT) {
            List<String> ids = items.subList(from, Math.min(from + IDS_PER_STATEMENT, items.size())).stream()
                    .map(Item::id).toList();
            int marked = em.createNativeQuery("update " + table + " set settlement_id = :batchId"
                            + " where id in (:ids) and settlement_id is null")
                    .setParameter("batchId", batchId)
                    .setParameter("ids", ids)
                    .executeUpdate();
            if (marked != ids.size()) {
                // The rows are locked by this transaction: nobody can have settled them meanwhile.
                throw new IllegalStateException("Settled " + marked + " of " + ids.size() + " locked " + table);
            }
        }
    }

    private String merchantAccountOf(String merchantId) {
        return (String) em.createNativeQuery("select settlement_account_id from merchants where id = :id")
                .setParameter("id", merchantId)
                .getSingleResult();
    }

    /** Posts {@code amountMinor} from one account to the other, the other way round when negative. */
    private void move(String fromAccountId, String toAccountId, long amountMinor, String currency, String batchId) {
        if (amountMinor == 0) {
            return;
        }
        TransferRequest request = amountMinor > 0
                ? new TransferRequest(fromAccountId, toAccountId, currency, amountMinor, TransferKind.SETTLEMENT, batchId)
                : new TransferRequest(toAccountId, fromAccountId, currency, -amountMinor, TransferKind.SETTLEMENT, batchId);
        if (ledger.post(request) instanceof PostingOutcome.InsufficientFunds refused) {
            throw new IllegalStateException("Settlement " + batchId + " was refused by the ledger: account "
                    + refused.debitAccountId() + " may not be overdrawn, and no settlement account is such");
        }
    }


    /**
     * Refunds to settle with the payment each one refunds: a refund debits the clearing account the
     * payment credited, which is looked up after the lock, as the databases do not lock the rows
     * of a join alike.
     */
    private static final String REFUNDS_TO_SETTLE = "select id, payment_id, amount_minor from refunds"
            + " where merchant_id = :merchantId and currency = :currency and settlement_id is null"
            + " and created_at <= :cutOff order by id for update";

    private List<Item> withClearingAccounts(List<Item> byPayment) {
        if (byPayment.isEmpty()) {
            return byPayment;
        }
        Map<String, String> clearingAccounts = new LinkedHashMap<>();
        List<String> paymentIds = byPayment.stream().map(Item::clearingAccountId).distinct().toList();
        for (int from = 0; from < paymentIds.size(); from += IDS_PER_STATEMENT) {
            List<Tuple> rows = em.createNativeQuery("select id, clearing_account_id from payments where id in (:ids)", Tuple.class)
                    .setParameter("ids", paymentIds.subList(from, Math.min(from + IDS_PER_STATEMENT, paymentIds.size())))
                    .getResultList();
            rows.forEach(row -> clearingAccounts.put((String) row.get(0), (String) row.get(1)));
        }
        return byPayment.stream().map(item -> new Item(item.id(), Objects.requireNonNull(
                clearingAccounts.get(item.clearingAccountId()), "a refund's payment has a clearing account"),
                item.amountMinor())).toList();
    }
}
