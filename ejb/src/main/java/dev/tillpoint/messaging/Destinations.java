package dev.tillpoint.messaging;

/**
 * The JNDI names of {@link Destination} as compile-time constants, for the
 * {@code destinationLookup} of the message-driven beans' activation config.
 */
public final class Destinations {

    public static final String BEACON_TRIGGERS = "java:/jms/queue/tillpoint/BeaconTriggers";
    public static final String BEACON_SIGHTINGS = "java:/jms/queue/tillpoint/BeaconSightings";
    public static final String FEED_INTERACTIONS = "java:/jms/queue/tillpoint/FeedInteractions";
    public static final String PAYMENT_EVENTS = "java:/jms/topic/tillpoint/PaymentEvents";

    /** The JMS string property carrying the message id, for selectors and the console. */
    public static final String MESSAGE_ID_PROPERTY = "tillpointMessageId";
    /** The JMS string property carrying the message type. */
    public static final String MESSAGE_TYPE_PROPERTY = "tillpointMessageType";

    private Destinations() {
    }
}
