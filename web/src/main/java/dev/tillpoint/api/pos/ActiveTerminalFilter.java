package dev.tillpoint.api.pos;

import jakarta.annotation.Priority;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;

import dev.tillpoint.api.Callers;
import dev.tillpoint.api.problem.Problems;
import dev.tillpoint.merchants.MerchantService;
import dev.tillpoint.shared.ErrorCode;

/**
 * A {@code pos} token is only as good as the terminal it names: an unknown or deactivated terminal
 * gets 403 FORBIDDEN (DESIGN.md, "Security"), so deactivating a terminal cuts it off at once even
 * though its token is still valid.
 *
 * <p>Runs just after RESTEasy's role check ({@code Priorities.AUTHORIZATION}), so a caller without
 * the role has already had its 401 or 403, and before anything reads the body.
 */
@Provider
@ActiveTerminalRequired
@Priority(Priorities.AUTHORIZATION + 1)
@ApplicationScoped
public class ActiveTerminalFilter implements ContainerRequestFilter {

    static final String NOT_AN_ACTIVE_TERMINAL = "The caller is not a registered, active terminal.";

    @EJB
    private MerchantService merchants;

    @Override
    public void filter(ContainerRequestContext request) {
        SecurityContext security = request.getSecurityContext();
        if (!Callers.isAuthenticated(security)) {
            // Only reachable if the role check did not run first; refuse rather than look up "nobody".
            throw new NotAuthorizedException(Callers.BEARER_CHALLENGE);
        }
        if (merchants.activeTerminal(Callers.id(security)).isEmpty()) {
            request.abortWith(Problems.response(ErrorCode.FORBIDDEN, NOT_AN_ACTIVE_TERMINAL));
        }
    }
}
