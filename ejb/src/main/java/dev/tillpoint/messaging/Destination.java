package dev.tillpoint.messaging;

/**
 * The JMS destinations Tillpoint sends to, each created by {@code wildfly-config/03-messaging.cli}
 * under the JNDI name given here. The outbox stores the constant's name, never the JNDI name, so a
 * renamed destination does not strand messages already waiting.
 */
public enum Destination {
    BEACON_TRIGGERS(Destinations.BEACON_TRIGGERS),
    BEACON_SIGHTINGS(Destinations.BEACON_SIGHTINGS),
    FEED_INTERACTIONS(Destinations.FEED_INTERACTIONS),
    PAYMENT_EVENTS(Destinations.PAYMENT_EVENTS);

    private final String jndiName;

    Destination(String jndiName) {
        this.jndiName = jndiName;
    }

    public String jndiName() {
        return jndiName;
    }
}
