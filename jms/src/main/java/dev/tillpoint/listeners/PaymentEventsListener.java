package dev.tillpoint.listeners;

import dev.tillpoint.messaging.Destinations;
import dev.tillpoint.messaging.Envelope;
import dev.tillpoint.messaging.PaymentEventMessage;
import dev.tillpoint.notifications.NotificationService;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * Keeps the customers' notifications from the payment-events topic. A durable subscription, so
 * events published while the application is redeployed wait for it; the selector takes only the
 * payment events, whatever else the topic carries. A message it cannot read fails, and after the
 * configured attempts rests in the dead-letter queue.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = Destinations.PAYMENT_EVENTS),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic"),
        @ActivationConfigProperty(propertyName = "subscriptionDurability", propertyValue = "Durable"),
        @ActivationConfigProperty(propertyName = "subscriptionName", propertyValue = "tillpoint-customer-notifications"),
        @ActivationConfigProperty(propertyName = "clientId", propertyValue = "tillpoint-customer-notifications"),
        @ActivationConfigProperty(propertyName = "messageSelector", propertyValue = PaymentEventMessage.SELECTOR)
})
public class PaymentEventsListener implements MessageListener {

    @EJB
    NotificationService notifications;

    @Override
    public void onMessage(Message message) {
        notifications.record(Envelope.parse(Bodies.text(message)));
    }
}
