package dev.tillpoint.messaging;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSRuntimeException;
import java.util.logging.Logger;

/**
 * Removes durable subscriptions of the topic that no consumer of this application reads any more,
 * so the broker stops keeping every event for them: {@code tillpoint-customer-notifications}, whose
 * subscriber was retired when notifications began to be read from the payments themselves.
 */
@Singleton
@Startup
public class RetiredSubscriptions {

    private static final Logger LOG = Logger.getLogger(RetiredSubscriptions.class.getName());
    private static final String CUSTOMER_NOTIFICATIONS = "tillpoint-customer-notifications";

    @Resource(lookup = "java:/ConnectionFactory")
    ConnectionFactory connectionFactory;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void removeRetired() {
        try (JMSContext context = connectionFactory.createContext()) {
            context.setClientID(CUSTOMER_NOTIFICATIONS);
            context.unsubscribe(CUSTOMER_NOTIFICATIONS);
            LOG.info(() -> "Removed the retired durable subscription " + CUSTOMER_NOTIFICATIONS);
        } catch (JMSRuntimeException absent) {
            // Never created, removed before, or still read by an older server of the cluster: nothing to do now.
        }
    }
}
