package dev.tillpoint.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.util.logging.Logger;

/**
 * Tells whoever started the server where to point a browser or a POS: the run command's log is
 * the first thing a newcomer reads.
 */
@ApplicationScoped
public class StartupBanner {

    private static final Logger LOG = Logger.getLogger(StartupBanner.class.getName());

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        String host = System.getProperty("jboss.bind.address", "127.0.0.1");
        String displayHost = "0.0.0.0".equals(host) ? "127.0.0.1" : host;
        String http = System.getProperty("jboss.http.port", "8080");
        String management = System.getProperty("jboss.management.http.port", "9990");
        LOG.info(() -> String.format("Tillpoint is up. API: http://%1$s:%2$s/api/v1  OpenAPI: http://%1$s:%2$s/openapi"
                + "  Health: http://%1$s:%3$s/health  Console: http://%1$s:%3$s/console", displayHost, http, management));
    }
}
