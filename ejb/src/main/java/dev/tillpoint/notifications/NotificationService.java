package dev.tillpoint.notifications;

import dev.tillpoint.messaging.Envelope;
import dev.tillpoint.messaging.PaymentEventMessage;
import dev.tillpoint.messaging.ProcessedMessages;
import dev.tillpoint.shared.CreationOrder;
import dev.tillpoint.shared.Ids;
import dev.tillpoint.shared.Page;
import dev.tillpoint.shared.PageCursors;
import dev.tillpoint.shared.PageRequest;
import dev.tillpoint.shared.Result;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The customer's notifications: written from the payment events, read by the phone.
 */
@Stateless
public class NotificationService {

    /** This consumer's name in the record of handled messages. */
    static final String CONSUMER = "customer-notifications";
    private static final String LIST = "notifications";
    private static final String ID_PREFIX = "ntf";

    @PersistenceContext(unitName = "tillpoint")
    EntityManager em;

    @EJB
    ProcessedMessages processedMessages;

    @Inject
    PageCursors cursors;

    /**
     * Records the notification a payment event announces, in the listener's transaction; a
     * redelivered event changes nothing.
     *
     * @throws IllegalArgumentException for a message that is no payment event: the listener lets it
     *                                  fail, and after the configured attempts it rests in the
     *                                  dead-letter queue
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void record(Envelope envelope) {
        PaymentEventMessage event = PaymentEventMessage.from(envelope);
        if (!processedMessages.firstDelivery(CONSUMER, envelope.messageId())) {
            return;
        }
        em.persist(new Notification(Ids.generate(ID_PREFIX), event.customerId(),
                NotificationType.valueOf(event.type()), event.paymentId(), event.amountMinor(), event.currency(),
                event.merchantId(), envelope.messageId(), event.createdAt()));
    }

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
        List<Notification> rows = CreationOrder.pageQuery(em, Notification.class, "n", "n.customerId = :customerId",
                        after, limit)
                .setParameter("customerId", customerId)
                .getResultList();
        return Page.fromLookAhead(rows, limit, last -> cursors.issue(scope, last.position().cursorFields()))
                .map(Notification::view);
    }
}
