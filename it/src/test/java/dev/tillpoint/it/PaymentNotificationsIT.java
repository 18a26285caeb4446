package dev.tillpoint.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tillpoint.messaging.Destination;
import dev.tillpoint.messaging.Destinations;
import dev.tillpoint.messaging.Envelope;
import dev.tillpoint.messaging.Outbox;
import dev.tillpoint.messaging.PaymentEventMessage;
import dev.tillpoint.notifications.NotificationService;
import dev.tillpoint.notifications.NotificationType;
import dev.tillpoint.notifications.NotificationView;
import dev.tillpoint.shared.Page;
import dev.tillpoint.shared.PageRequest;
import dev.tillpoint.shared.Result;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/**
 * The payment-events subscriber inside the server (DESIGN.md "Settlement", payment events): an
 * event that leaves through the outbox becomes the customer's notification, a redelivered event
 * becomes none more, and an event it cannot read ends in the dead-letter queue.
 */
class PaymentNotificationsIT extends InsideEarServices {

    private static final long WAIT_MILLIS = 15_000;

    @Deployment
    static EnterpriseArchive ear() {
        return InsideEar.with(PaymentNotificationsIT.class, InsideEarServices.class, Cards.class);
    }

    @EJB(lookup = EJB_MODULE + "Outbox")
    Outbox outbox;

    @EJB(lookup = EJB_MODULE + "NotificationService")
    NotificationService notifications;

    @Resource(lookup = "java:/ConnectionFactory")
    ConnectionFactory connectionFactory;

    @Resource(lookup = Destinations.PAYMENT_EVENTS)
    Topic paymentEvents;

    @Resource(lookup = "java:/jms/queue/tillpoint/DeadLetters")
    Queue deadLetters;

    @Test
    void anEventFromTheOutboxBecomesTheCustomersNotification() throws Exception {
        String customer = customer();
        PaymentEventMessage approved = event(PaymentEventMessage.APPROVED, customer, "pay_" + UUID.randomUUID(), null, 1_250);
        inTransaction(() -> outbox.enqueue(Destination.PAYMENT_EVENTS, approved.type(), 1, payloadOf(approved)));

        List<NotificationView> shown = awaitNotifications(customer, list -> list.size() == 1);
        NotificationView notification = shown.get(0);
        assertEquals(NotificationType.PAYMENT_APPROVED, notification.type());
        assertEquals(approved.paymentId(), notification.paymentId());
        assertEquals(1_250, notification.amountMinor());
        assertEquals("EUR", notification.currency());
        assertEquals(approved.merchantId(), notification.merchantId());
        assertEquals(approved.createdAt(), notification.createdAt());
    }

    @Test
    void aRedeliveredEventBecomesNoSecondNotification() throws Exception {
        String customer = customer();
        String paymentId = "pay_" + UUID.randomUUID();
        Envelope refunded = new Envelope("msg_" + UUID.randomUUID(), PaymentEventMessage.REFUNDED, 1, now(),
                payloadOf(event(PaymentEventMessage.REFUNDED, customer, paymentId, "ref_" + UUID.randomUUID(), 300)));
        Envelope reversed = new Envelope("msg_" + UUID.randomUUID(), PaymentEventMessage.REVERSED, 1, now(),
                payloadOf(event(PaymentEventMessage.REVERSED, customer, paymentId, null, 900)));

        publish(refunded);
        publish(refunded);
        publish(reversed); // sent after the duplicate: once it shows, the duplicate has been handled
        awaitNotifications(customer, list -> list.stream().anyMatch(n -> n.type() == NotificationType.PAYMENT_REVERSED));

        List<NotificationView> shown = notificationsOf(customer);
        assertEquals(2, shown.size(), () -> "one notification per event: " + shown);
        assertEquals(1, shown.stream().filter(n -> n.type() == NotificationType.PAYMENT_REFUNDED).count());
    }

    @Test
    void anEventItCannotReadEndsInTheDeadLetterQueue() throws Exception {
        Envelope poison = new Envelope("msg_" + UUID.randomUUID(), PaymentEventMessage.APPROVED, 1, now(),
                Json.createObjectBuilder().add("paymentId", "pay_poison").add("amount", "not a number").build());
        publish(poison);

        long deadline = System.currentTimeMillis() + 60_000; // five attempts, 1+2+4+8 s apart
        boolean dead = false;
        while (!dead && System.currentTimeMillis() < deadline) {
            dead = inDeadLetters(poison.messageId());
            if (!dead) {
                Thread.sleep(500);
            }
        }
        assertTrue(dead, "the unreadable event is not in the dead-letter queue after a minute");
    }

    private boolean inDeadLetters(String messageId) throws Exception {
        try (JMSContext context = connectionFactory.createContext(JMSContext.AUTO_ACKNOWLEDGE);
             QueueBrowser browser = context.createBrowser(deadLetters,
                     Destinations.MESSAGE_ID_PROPERTY + " = '" + messageId + "'")) {
            return Collections.list(browser.getEnumeration()).stream().anyMatch(TextMessage.class::isInstance);
        }
    }

    private void publish(Envelope envelope) throws Exception {
        try (JMSContext context = connectionFactory.createContext(JMSContext.AUTO_ACKNOWLEDGE)) {
            TextMessage message = context.createTextMessage(envelope.toJson());
            message.setStringProperty(Destinations.MESSAGE_ID_PROPERTY, envelope.messageId());
            message.setStringProperty(Destinations.MESSAGE_TYPE_PROPERTY, envelope.type());
            context.createProducer().send(paymentEvents, message);
        }
    }

    private static PaymentEventMessage event(String type, String customer, String paymentId, String refundId, long amountMinor) {
        return new PaymentEventMessage(type, paymentId, refundId, customer, "merch-notify-it", "term-notify-it",
                amountMinor, "EUR", now());
    }

    /** The payload as dev.tillpoint.payments.PaymentEvents writes it, extra fields included. */
    private static JsonObject payloadOf(PaymentEventMessage event) {
        JsonObjectBuilder payload = Json.createObjectBuilder()
                .add("paymentId", event.paymentId())
                .add("amount", event.amountMinor())
                .add("paymentAmount", event.amountMinor() + 100)
                .add("currency", event.currency())
                .add("merchantId", event.merchantId())
                .add("terminalId", event.terminalId())
                .add("customerId", event.customerId())
                .add("accountId", "acc_notify_it")
                .add("at", event.createdAt().toString());
        if (event.refundId() != null) {
            payload.add("refundId", event.refundId()).add("refundTerminalId", event.terminalId());
        }
        if (PaymentEventMessage.REVERSED.equals(event.type())) {
            payload.add("reversalId", "rev_" + UUID.randomUUID());
        }
        return payload.build();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private List<NotificationView> awaitNotifications(String customer, Predicate<List<NotificationView>> done) throws Exception {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        List<NotificationView> shown = notificationsOf(customer);
        while (!done.test(shown) && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            shown = notificationsOf(customer);
        }
        List<NotificationView> last = shown;
        assertTrue(done.test(last), () -> "notifications not as expected after " + WAIT_MILLIS + " ms: " + last);
        return last;
    }

    private List<NotificationView> notificationsOf(String customer) {
        Result<Page<NotificationView>> page = notifications.notificationsOf(customer, new PageRequest(200, null));
        return ((Result.Ok<Page<NotificationView>>) page).value().items();
    }
}
