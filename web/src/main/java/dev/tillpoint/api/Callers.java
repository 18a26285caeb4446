package dev.tillpoint.api;

import java.security.Principal;

import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.core.SecurityContext;

/**
 * Who is calling. The caller's id is the MP-JWT principal name ({@code upn}, else
 * {@code preferred_username}, else {@code sub}): a customer, terminal, merchant or beacon id.
 * Identity never comes from a request body.
 */
public final class Callers {

    /** A challenge naming the scheme, as RFC 6750 asks of a 401. */
    public static final String BEARER_CHALLENGE = "Bearer";

    private Callers() {
    }

    /**
     * @return the authenticated caller's id
     * @throws NotAuthorizedException when nobody is authenticated; the role check normally refuses
     *         such a request first, so this only guards against a resource without one
     */
    public static String id(SecurityContext security) {
        if (!isAuthenticated(security)) {
            throw new NotAuthorizedException(BEARER_CHALLENGE);
        }
        return security.getUserPrincipal().getName();
    }

    /**
     * Whether a caller is authenticated. Elytron may represent "nobody" by an anonymous principal
     * rather than null, so that class is treated as unauthenticated too; its name is compared
     * because the Elytron API is not on the web module's compile path.
     */
    public static boolean isAuthenticated(SecurityContext security) {
        Principal principal = security == null ? null : security.getUserPrincipal();
        return principal != null
                && principal.getName() != null
                && !principal.getName().isBlank()
                && !"AnonymousPrincipal".equals(principal.getClass().getSimpleName());
    }
}
