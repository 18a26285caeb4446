package dev.tillpoint.api.problem;

import java.lang.reflect.InvocationTargetException;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ws.rs.core.Response;

/**
 * Reads the response RESTEasy attached to one of its own {@code org.jboss.resteasy.spi.Failure}
 * exceptions. They are not WebApplicationExceptions, so only the catch-all mapper sees them, and
 * some are not errors at all: an OPTIONS request to a resource without an {@code @OPTIONS} method
 * is answered by throwing a Failure that carries a 200 with the Allow header.
 *
 * <p>Reflection, because RESTEasy's SPI is not on the web module's compile path (the WAR is built
 * against the Jakarta APIs only); the two methods read are public and stable since RESTEasy 3.
 */
final class ResteasyFailures {

    private static final Logger LOG = Logger.getLogger(ResteasyFailures.class.getName());
    private static final String FAILURE_CLASS = "org.jboss.resteasy.spi.Failure";

    private ResteasyFailures() {
    }

    /** The response RESTEasy meant for this failure, if it is one and says. */
    static Optional<Response> intendedResponse(Throwable e) {
        if (!isFailure(e.getClass())) {
            return Optional.empty();
        }
        try {
            Object response = e.getClass().getMethod("getResponse").invoke(e);
            if (response instanceof Response r) {
                return Optional.of(r);
            }
            Object errorCode = e.getClass().getMethod("getErrorCode").invoke(e);
            if (errorCode instanceof Integer status && status >= 100) {
                return Optional.of(Response.status(status).build());
            }
            return Optional.empty();
        } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException unreadable) {
            // A RESTEasy whose Failure changed shape: the caller then answers 500 and logs e itself.
            LOG.log(Level.WARNING, "Cannot read the status of RESTEasy failure " + e.getClass().getName(), unreadable);
            return Optional.empty();
        }
    }

    private static boolean isFailure(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (FAILURE_CLASS.equals(c.getName())) {
                return true;
            }
        }
        return false;
    }
}
