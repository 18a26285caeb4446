package dev.tillpoint.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tillpoint.messaging.Destination;
import dev.tillpoint.messaging.Destinations;
import dev.tillpoint.messaging.Envelope;
import dev.tillpoint.messaging.Outbox;
import dev.tillpoint.messaging.ProcessedMessages;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.Topic;
import jakarta.json.Json;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/**
 * The transactional outbox inside the server (DESIGN.md "Architecture"): a message written in a
 * transaction that commits reaches the broker soon after, one written in a transaction that rolls
 * back never does, and a consumer's record of handled ids tells a redelivery from a first delivery.
 * The probes go to the payment-events topic under a type no listener selects.
 */
class OutboxIT extends InsideEarServices {

    private static final String PROBE_TYPE = "OUTBOX_PROBE";

    @Deployment
    static EnterpriseArchive ear() {
        return InsideEar.with(OutboxIT.class, InsideEarServices.class, Cards.class);
    }

    @EJB(lookup = EJB_MODULE + "Outbox")
    Outbox outbox;

    @EJB(lookup = EJB_MODULE + "ProcessedMessages")
    ProcessedMessages processedMessages;

    @Resource(lookup = "java:/ConnectionFactory")
    ConnectionFactory connectionFactory;

    @Resource(lookup = Destinations.PAYMENT_EVENTS)
    Topic paymentEvents;

    @Test
    void aCommittedMessageIsRelayedSoonAfterTheCommit() throws Exception {
        String probe = UUID.randomUUID().toString();
        try (JMSContext context = connectionFactory.createContext(JMSContext.AUTO_ACKNOWLEDGE);
             JMSConsumer consumer = context.createConsumer(paymentEvents, probesOnly())) {
            Envelope sent = inTransaction(() -> outbox.enqueue(Destination.PAYMENT_EVENTS, PROBE_TYPE, 1,
                    Json.createObjectBuilder().add("probe", probe).build()));

            Message received = consumer.receive(10_000);
            assertNotNull(received, "the relay sent nothing within 10 s of the commit");
            assertEquals(sent.messageId(), received.getStringProperty(Destinations.MESSAGE_ID_PROPERTY));
            Envelope envelope = Envelope.parse(received.getBody(String.class));
            assertEquals(sent, envelope);
            assertEquals(probe, envelope.payload().getString("probe"));
        }
    }

    @Test
    void aRolledBackMessageNeverLeaves() throws Exception {
        String probe = UUID.randomUUID().toString();
        try (JMSContext context = connectionFactory.createContext(JMSContext.AUTO_ACKNOWLEDGE);
             JMSConsumer consumer = context.createConsumer(paymentEvents, probesOnly())) {
            transaction.begin();
            outbox.enqueue(Destination.PAYMENT_EVENTS, PROBE_TYPE, 1, Json.createObjectBuilder().add("probe", probe).build());
            transaction.rollback();
            // The sweep runs every 5 s; two rounds of it and still nothing.
            assertNull(consumer.receive(11_000), "a message of a rolled-back transaction was sent");
        }
    }

    @Test
    void aConsumerTellsARedeliveryFromTheFirstDelivery() throws Exception {
        String messageId = "msg_" + UUID.randomUUID();
        assertTrue(inTransaction(() -> processedMessages.firstDelivery("outbox-it", messageId)));
        assertFalse(inTransaction(() -> processedMessages.firstDelivery("outbox-it", messageId)));
        assertTrue(inTransaction(() -> processedMessages.firstDelivery("another-consumer", messageId)),
                "each consumer keeps its own record");
    }

    @Test
    void aHandledIdIsForgottenWhenItsTransactionRollsBack() throws Exception {
        String messageId = "msg_" + UUID.randomUUID();
        transaction.begin();
        assertTrue(processedMessages.firstDelivery("outbox-it", messageId));
        transaction.rollback();
        assertTrue(inTransaction(() -> processedMessages.firstDelivery("outbox-it", messageId)),
                "a failed handling must leave the message to be handled again");
    }

    @Test
    void anEnvelopeThatIsNotOneIsRefused() {
        for (String poison : new String[] {null, "", "not json", "[]", "{}", "{\"messageId\":1}",
                "{\"messageId\":\"m\",\"type\":\"T\",\"version\":1.5,\"occurredAt\":\"2026-01-01T00:00:00Z\",\"payload\":{}}",
                "{\"messageId\":\"m\",\"type\":\"T\",\"version\":1,\"occurredAt\":\"yesterday\",\"payload\":{}}"}) {
            try {
                Envelope.parse(poison);
                throw new AssertionError("parsed a poison message: " + poison);
            } catch (IllegalArgumentException expected) {
                // what a listener lets fail, so that the message ends in the dead-letter queue
            }
        }
    }

    /** Only probes: the topic also carries real payment events. Each test's probe is told apart by its payload. */
    private static String probesOnly() {
        return Destinations.MESSAGE_TYPE_PROPERTY + " = '" + PROBE_TYPE + "'";
    }
}
