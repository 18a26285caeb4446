package dev.tillpoint.listeners;

import dev.tillpoint.beacons.DeviceInstructions;
import dev.tillpoint.messaging.Destinations;
import dev.tillpoint.messaging.Envelope;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * Delivers beacon trigger instructions to the devices' pending instructions. A message that is no
 * trigger instruction fails every attempt and ends in {@code tillpoint.dlq}.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = Destinations.BEACON_TRIGGERS),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue")
})
public class BeaconTriggerListener implements MessageListener {

    @EJB
    DeviceInstructions instructions;

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void onMessage(Message message) {
        instructions.deliver(Envelope.parse(Bodies.text(message)));
    }
}
