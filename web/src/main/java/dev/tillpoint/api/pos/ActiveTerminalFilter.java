package dev.tillpoint.api.pos;

import jakarta.annotation.Priority;
import java.util.Optional;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;

import dev.tillpoint.api.Callers;
import dev.tillpoint.api.problem.Problems;
import dev.tillpoint.payments.PosTerminal;
import dev.tillpoint.payments.PosTerminals;
import dev.tillpoint.shared.ErrorCode;

/**
 * A {@code pos} token is only as good as the terminal it names: an unknown or deactivated terminal
 * gets 403 FORBIDDEN (DESIGN.md, "Security"), so deactivating a terminal cuts it off at once even
 * though its token is still valid (on this server at once, on the others sharing the database within
 * the bounded staleness {@link PosTerminals} states).
 *
 * <p>It resolves the caller once per request: the terminal, its merchant, currency and clearing
 * account ({@link PosTerminal}), kept in the request's {@link CallingTerminal} for the resource.
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

    @Inject
    PosTerminals terminals;

    @Inject
    CallingTerminal caller;

    @Override
    public void filter(ContainerRequestContext request) {
        SecurityContext security = request.getSecurityContext();
        if (!Callers.isAuthenticated(security)) {
            // Only reachable if the role check did not run first; refuse rather than look up "nobody".
            throw new NotAuthorizedException(Callers.BEARER_CHALLENGE);
        }
        Optional<PosTerminal> terminal = terminals.active(Callers.id(security));
        if (terminal.isEmpty()) {
            request.abortWith(Problems.response(ErrorCode.FORBIDDEN, NOT_AN_ACTIVE_TERMINAL));
            return;
        }
        caller.resolved(terminal.get());
    }
}
