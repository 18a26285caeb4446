package dev.tillpoint.api;

import java.time.Clock;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

import dev.tillpoint.api.problem.Problems;
import dev.tillpoint.shared.ErrorCode;

/**
 * The token rules of DESIGN.md "Architecture" that MicroProfile JWT has no setting for: an
 * {@code iat} more than the clock skew in the future, and a lifetime ({@code exp - iat}, or
 * {@code exp - now} without {@code iat}) over {@code tillpoint.jwt.max-lifetime-seconds}
 * (86 400) → 401.
 *
 * <p>Everything else is SmallRye JWT's own work, configured rather than coded: signature and
 * algorithm, issuer, required {@code exp} and its skew ({@code mp.jwt.verify.clock.skew}), and the
 * audience ({@code mp.jwt.verify.audiences}, default {@code tillpoint} in the WAR's
 * microprofile-config.properties: a token without {@code aud}, or whose {@code aud} lacks it, never
 * authenticates). SmallRye's own {@code smallrye.jwt.time-to-live} would do the lifetime for tokens
 * with {@code iat} but would make {@code iat} required, which DESIGN.md does not, and jose4j's
 * check of a future {@code iat} is not reachable through SmallRye's settings. (Measured on WildFly
 * 39.0.1: its SmallRye JWT 4.3.1 refuses a token without {@code iat} anyway, so the
 * {@code exp - now} branch below only matters on a stack that accepts one.)
 *
 * <p>Runs as an authentication filter, before RESTEasy's role check, so such a token is a 401
 * like any other bad token, before anything reads the body.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
@ApplicationScoped
public class TokenLifetimeFilter implements ContainerRequestFilter {

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.clock.skew", defaultValue = "60")
    long clockSkewSeconds;

    @Inject
    @ConfigProperty(name = "tillpoint.jwt.max-lifetime-seconds", defaultValue = "86400")
    long maxLifetimeSeconds;

    /** The real clock, not the services' settable one: SmallRye checks exp against it too. */
    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getSecurityContext() != null
                && request.getSecurityContext().getUserPrincipal() instanceof JsonWebToken token
                && !isAcceptable(epochSeconds(token, Claims.iat), epochSeconds(token, Claims.exp),
                        Clock.systemUTC().instant().getEpochSecond(), clockSkewSeconds, maxLifetimeSeconds)) {
            request.abortWith(Problems.builder(ErrorCode.UNAUTHORIZED, null, java.util.List.of())
                    .header(HttpHeaders.WWW_AUTHENTICATE, Callers.BEARER_CHALLENGE)
                    .build());
        }
    }

    /** A time claim in epoch seconds, 0 when absent (the API's getters would unbox a null). */
    private static long epochSeconds(JsonWebToken token, Claims claim) {
        return token.<Object>claim(claim.name()).map(value -> value instanceof Number n ? n.longValue() : 0L).orElse(0L);
    }

    /**
     * The rule itself, on epoch seconds (0 for an absent claim, as MicroProfile JWT reports it).
     * {@code exp} is required and checked by SmallRye before this runs.
     */
    static boolean isAcceptable(long issuedAt, long expires, long now, long skewSeconds, long maxLifetimeSeconds) {
        boolean hasIssuedAt = issuedAt > 0;
        if (hasIssuedAt && issuedAt > now + skewSeconds) {
            return false;
        }
        long lifetime = hasIssuedAt ? expires - issuedAt : expires - now;
        return lifetime <= maxLifetimeSeconds;
    }
}
