package dev.tillpoint.listeners;

import dev.tillpoint.beacons.SightingStatistics;
import dev.tillpoint.messaging.Destinations;
import dev.tillpoint.messaging.Envelope;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/** Counts beacon sightings into the per-beacon statistics, once per message id. */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = Destinations.BEACON_SIGHTINGS),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue")
})
public class BeaconSightingListener implements MessageListener {

    @EJB
    SightingStatistics statistics;

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void onMessage(Message message) {
        statistics.count(Envelope.parse(Bodies.text(message)));
    }
}
