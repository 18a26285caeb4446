package dev.tillpoint.messaging;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.TextMessage;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Puts text messages on destinations through the broker's plain (non-XA) connection factory:
 * the sends are not part of any JTA transaction, which is the point of the outbox.
 *
 * <p>Contexts are kept open between uses (at most {@value #MAX_IDLE} idle): opening one opens a
 * broker connection and session, which cost the outbox relay as much as its sends (JFR, payment
 * benchmark: {@code ActiveMQConnectionFactory.createContext} in every relay run). A context is
 * reused only after a clean end, its uncommitted sends rolled back; one that failed is closed.
 */
@ApplicationScoped
class MessageSender {

    /** WildFly's in-VM factory of the embedded broker; never enlisted in a JTA transaction. */
    @Resource(lookup = "java:/ConnectionFactory")
    ConnectionFactory connectionFactory;

    /** Enough for the relay and the sighting flush at once; more are closed after use. */
    static final int MAX_IDLE = 4;

    private final Map<Destination, jakarta.jms.Destination> destinations = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<JMSContext> idle = new ConcurrentLinkedQueue<>();

    /**
     * A transacted session for several sends: the broker writes a relay batch to its journal once,
     * at {@link Sending#commit()}, rather than once per persistent message. Closing it without a
     * commit sends nothing. Not thread-safe, like the JMS context it wraps; close it when done.
     */
    Sending open() {
        JMSContext kept = idle.poll();
        return new Sending(kept != null ? kept : connectionFactory.createContext(JMSContext.SESSION_TRANSACTED));
    }

    @PreDestroy
    void closeIdle() {
        for (JMSContext context = idle.poll(); context != null; context = idle.poll()) {
            context.close();
        }
    }

    /** One message on its own connection. @throws JMSRuntimeException when the broker does not take it */
    void send(Destination destination, String messageId, String type, String body) {
        try (Sending sending = open()) {
            sending.send(destination, messageId, type, body);
            sending.commit();
        }
    }

    /** Sends over one open, transacted JMS context. */
    final class Sending implements AutoCloseable {

        private final JMSContext context;
        private final JMSProducer producer;
        /** Sends not yet committed, to roll back before the context is kept. */
        private boolean pending;
        /** A send or commit failed: the context is not trusted again. */
        private boolean failed;

        private Sending(JMSContext context) {
            this.context = context;
            this.producer = context.createProducer();
        }

        /** @throws JMSRuntimeException when the broker does not take the message */
        void send(Destination destination, String messageId, String type, String body) {
            try {
                TextMessage message = context.createTextMessage(body);
                message.setStringProperty(Destinations.MESSAGE_ID_PROPERTY, messageId);
                message.setStringProperty(Destinations.MESSAGE_TYPE_PROPERTY, type);
                pending = true;
                producer.send(lookup(destination), message);
            } catch (JMSException e) {
                failed = true;
                throw new JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
            } catch (JMSRuntimeException e) {
                failed = true;
                throw e;
            }
        }

        /** Hands every message sent so far to the broker. @throws JMSRuntimeException when it does not take them */
        void commit() {
            try {
                context.commit();
                pending = false;
            } catch (JMSRuntimeException e) {
                failed = true;
                throw e;
            }
        }

        /** Without a {@link #commit()} before it, what was sent is dropped. */
        @Override
        public void close() {
            if (!failed && pending) {
                try {
                    context.rollback();
                    pending = false;
                } catch (JMSRuntimeException e) {
                    failed = true;
                }
            }
            if (failed || idle.size() >= MAX_IDLE) {
                context.close();
            } else {
                idle.add(context);
            }
        }
    }

    private jakarta.jms.Destination lookup(Destination destination) {
        return destinations.computeIfAbsent(destination, name -> {
            try {
                return InitialContext.doLookup(name.jndiName());
            } catch (NamingException e) {
                throw new JMSRuntimeException("No JMS destination at " + name.jndiName()
                        + " (wildfly-config/03-messaging.cli creates it)");
            }
        });
    }
}
