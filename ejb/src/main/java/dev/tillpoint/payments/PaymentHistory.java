package dev.tillpoint.payments;

import dev.tillpoint.shared.CreationOrder;
import dev.tillpoint.shared.Ids;
import dev.tillpoint.shared.Page;
import dev.tillpoint.shared.PageCursors;
import dev.tillpoint.shared.PageRequest;
import dev.tillpoint.shared.Result;
import dev.tillpoint.shared.StoredTime;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the phone syncs when back online: the customer's payments, refunds and reversals, oldest
 * first (then by id), from {@code since} on. Declines are not listed. Read straight from the
 * payments and refunds, so the history can never disagree with them.
 */
@Stateless
public class PaymentHistory {

    private static final String HISTORY_LIST = "payment-history";
    private static final String UNION = "select * from ("
            + " select cast('PAYMENT' as varchar(8)) as type, p.id as id, p.id as payment_id, p.amount_minor as amount,"
            + " p.currency as currency, p.merchant_id as merchant_id, p.terminal_id as terminal_id, p.order_id as order_id,"
            + " p.order_description as order_description, p.created_at as created_at"
            + " from payments p where p.customer_id = :customer"
            + " union all"
            + " select cast('REFUND' as varchar(8)), r.id, r.payment_id, r.amount_minor, r.currency, r.merchant_id,"
            + " r.terminal_id, p.order_id, p.order_description, r.created_at"
            + " from refunds r join payments p on p.id = r.payment_id where r.customer_id = :customer"
            + " union all"
            + " select cast('REVERSAL' as varchar(8)), p.reversal_id, p.id, p.amount_minor, p.currency, p.merchant_id,"
            + " p.terminal_id, p.order_id, p.order_description, p.reversed_at"
            + " from payments p where p.customer_id = :customer and p.reversal_id is not null"
            + ") h where 1 = 1";

    @PersistenceContext(unitName = "tillpoint")
    EntityManager em;

    @Inject
    PageCursors cursors;

    /**
     * @param since inclusive; null for the whole history
     * @return the page; {@code VALIDATION_FAILED} on {@code cursor} for a cursor of another list or caller
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Result<Page<HistoryEntry>> historyOf(String customerId, Instant since, PageRequest request) {
        PageCursors.Scope scope = new PageCursors.Scope(HISTORY_LIST, customerId);
        return cursors.startOf(request, scope, CreationOrder::fromCursorFields)
                .map(after -> page(customerId, since, after, request.limit(), scope));
    }

    private Page<HistoryEntry> page(String customerId, Instant since, Optional<CreationOrder> after, int limit,
            PageCursors.Scope scope) {
        if (!Ids.isValid(customerId)) {
            return Page.empty();
        }
        StringBuilder sql = new StringBuilder(UNION);
        if (since != null) {
            sql.append(" and h.created_at >= :since");
        }
        if (after.isPresent()) {
            sql.append(" and (h.created_at > :afterCreatedAt or (h.created_at = :afterCreatedAt and h.id > :afterId))");
        }
        sql.append(" order by h.created_at, h.id");
        Query query = em.createNativeQuery(sql.toString()).setParameter("customer", customerId).setMaxResults(limit + 1);
        if (since != null) {
            query.setParameter("since", since);
        }
        after.ifPresent(position -> query.setParameter("afterCreatedAt", position.createdAt())
                .setParameter("afterId", position.id()));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        List<HistoryEntry> entries = rows.stream().map(PaymentHistory::entry).toList();
        return Page.fromLookAhead(entries, limit, last -> cursors.issue(scope, last.position().cursorFields()));
    }

    private static HistoryEntry entry(Object[] row) {
        return new HistoryEntry(HistoryEntry.Type.valueOf(((String) row[0]).trim()), (String) row[1], (String) row[2],
                ((Number) row[3]).longValue(), (String) row[4], (String) row[5], (String) row[6], (String) row[7],
                (String) row[8], StoredTime.fromColumn(row[9]));
    }

}
