package dev.tillpoint.messaging;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.TextMessage;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Puts one text message on a destination through the broker's plain (non-XA) connection factory:
 * the send is not part of any JTA transaction, which is the point of the outbox.
 */
@ApplicationScoped
class MessageSender {

    /** WildFly's in-VM factory of the embedded broker; never enlisted in a JTA transaction. */
    @Resource(lookup = "java:/ConnectionFactory")
    ConnectionFactory connectionFactory;

    private final Map<Destination, jakarta.jms.Destination> destinations = new ConcurrentHashMap<>();

    /** @throws JMSRuntimeException when the broker does not take the message */
    void send(Destination destination, String messageId, String type, String body) {
        try (JMSContext context = connectionFactory.createContext(JMSContext.AUTO_ACKNOWLEDGE)) {
            TextMessage message = context.createTextMessage(body);
            message.setStringProperty(Destinations.MESSAGE_ID_PROPERTY, messageId);
            message.setStringProperty(Destinations.MESSAGE_TYPE_PROPERTY, type);
            context.createProducer().send(lookup(destination), message);
        } catch (jakarta.jms.JMSException e) {
            throw new JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
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
