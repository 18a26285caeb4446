package dev.tillpoint.notifications;

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
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The customer's notifications, read from what the payments stored: each approved payment, each
 * reversal and each refund of the customer is one notification, its id the payment's, reversal's or
 * refund's. Nothing is written per payment for them: no consumer transaction, no JMS delivery.
 */
@Stateless
public class NotificationService {

    private static final String LIST = "notifications";
    private static final String UNION = "select * from ("
            + " select cast('PAYMENT_APPROVED' as varchar(16)) as type, p.id as id, p.id as payment_id,"
            + " p.amount_minor as amount, p.currency as currency, p.merchant_id as merchant_id, p.created_at as created_at"
            + " from payments p where p.customer_id = :customer"
            + " union all"
            + " select cast('PAYMENT_REVERSED' as varchar(16)), p.reversal_id, p.id, p.amount_minor, p.currency,"
            + " p.merchant_id, p.reversed_at from payments p where p.customer_id = :customer and p.reversal_id is not null"
            + " union all"
            + " select cast('PAYMENT_REFUNDED' as varchar(16)), r.id, r.payment_id, r.amount_minor, r.currency,"
            + " r.merchant_id, r.created_at from refunds r where r.customer_id = :customer"
            + ") n where 1 = 1";

    @PersistenceContext(unitName = "tillpoint")
    EntityManager em;

    @Inject
    PageCursors cursors;

    /** The customer's notifications, oldest first, one page at a time. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Result<Page<NotificationView>> notificationsOf(String customerId, PageRequest request) {
        Objects.requireNonNull(request, "request");
        PageCursors.Scope scope = new PageCursors.Scope(LIST, customerId);
        return cursors.startOf(request, scope, CreationOrder::fromCursorFields)
                .map(after -> notificationsAfter(customerId, after, request.limit(), scope));
    }

    private Page<NotificationView> notificationsAfter(String customerId, Optional<CreationOrder> after, int limit,
            PageCursors.Scope scope) {
        if (!Ids.isValid(customerId)) {
            return Page.empty();
        }
        StringBuilder sql = new StringBuilder(UNION);
        if (after.isPresent()) {
            sql.append(" and (n.created_at > :afterCreatedAt or (n.created_at = :afterCreatedAt and n.id > :afterId))");
        }
        sql.append(" order by n.created_at, n.id");
        Query query = em.createNativeQuery(sql.toString()).setParameter("customer", customerId).setMaxResults(limit + 1);
        after.ifPresent(position -> query.setParameter("afterCreatedAt", position.createdAt())
                .setParameter("afterId", position.id()));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        List<NotificationView> views = rows.stream().map(NotificationService::view).toList();
        return Page.fromLookAhead(views, limit,
                last -> cursors.issue(scope, new CreationOrder(last.createdAt(), last.id()).cursorFields()));
    }

    private static NotificationView view(Object[] row) {
        return new NotificationView((String) row[1], NotificationType.valueOf(((String) row[0]).trim()), (String) row[2],
                ((Number) row[3]).longValue(), ((String) row[4]).trim(), (String) row[5], StoredTime.fromColumn(row[6]));
    }
}
