package dev.tillpoint.shared;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/**
 * Supplies the {@link Clock} every service reads time from, so tests can substitute a fixed one.
 */
@ApplicationScoped
public class SystemClockProducer {

    /**
     * Dependent rather than application-scoped on purpose: {@link Clock#systemUTC()} is already an
     * immutable JDK singleton, and a normal scope would make the container proxy a {@code java.time}
     * class for nothing.
     */
    @Produces
    public Clock clock() {
        return Clock.systemUTC();
    }
}
