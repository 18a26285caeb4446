package dev.tillpoint.health;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the JMS broker accepts connections: payment events, beacon triggers and feed
 * aggregation all go through it. Uses the plain (non-XA, non-pooled) in-VM factory so the check
 * joins no transaction and holds nothing. Reports UP or DOWN only; the reason goes to the log.
 */
@Readiness
@ApplicationScoped
public class MessagingReadinessCheck implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(MessagingReadinessCheck.class.getName());

    @Resource(lookup = "java:/ConnectionFactory")
    private ConnectionFactory connectionFactory;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("jms").status(brokerAccepts()).build();
    }

    // The connection is opened only to be closed: that is the whole check, hence "try".
    @SuppressWarnings("try")
    private boolean brokerAccepts() {
        try (Connection connection = connectionFactory.createConnection()) {
            return true;
        } catch (JMSException e) {
            LOG.log(Level.WARNING, "Readiness: the JMS broker refuses connections", e);
            return false;
        }
    }
}
