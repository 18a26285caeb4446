package dev.tillpoint.listeners;

import dev.tillpoint.feed.FeedAggregation;
import dev.tillpoint.messaging.Destinations;
import dev.tillpoint.messaging.Envelope;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/** Feed interaction events into the per-group aggregates; all the work is {@link FeedAggregation}'s. */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = Destinations.FEED_INTERACTIONS),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "acknowledgeMode", propertyValue = "Auto-acknowledge")
})
public class FeedInteractionListener implements MessageListener {

    @EJB
    FeedAggregation aggregation;

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void onMessage(Message message) {
        aggregation.take(Envelope.parse(Bodies.text(message)));
    }
}
