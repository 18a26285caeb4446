package dev.tillpoint.api;

import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * SmallRye JWT's token verification, remembered for a moment per exact token. An app or a terminal
 * sends the same bearer token on every request for minutes, and parsing it, checking its RS256
 * signature and building its claims was the largest single cost of a small request; SmallRye has
 * no setting for this (its caches hold keys, not tokens).
 *
 * <p>Every check still holds: a token is remembered only after SmallRye's own verification accepted
 * it (signature, algorithm, issuer, audience, {@code exp}, and the rest of its configuration), and
 * only the very same string, byte for byte, finds it again, so a changed character is verified
 * afresh. The checks that depend on the time are made again on every use, as SmallRye makes them:
 * {@code exp} plus the clock skew, and {@code iat} plus {@code mp.jwt.verify.token.age} when that is
 * set; a token at or past either bound is handed to SmallRye, which decides. An entry is forgotten
 * {@value #MAX_AGE_SECONDS} s after its verification, so a key withdrawn from a JWKS stops
 * accepting its tokens within that time (and the configured key location is read once anyway).
 * At most {@value #MAX_ENTRIES} tokens are held (beyond, the memory starts afresh), each with its
 * claims: ten megabytes or so. {@link TokenLifetimeFilter}'s rules run on every request as before.
 *
 * <p>Registered as SmallRye's {@code JWTCallerPrincipalFactory} service in the WAR's
 * {@code META-INF/services}: SmallRye looks it up on the deployment's class loader and keeps it in a
 * static field of its server module, which {@link Undeployed} empties when the WAR goes, so that
 * a redeployment finds its own.
 */
public class VerifiedTokens extends JWTCallerPrincipalFactory {

    static final int MAX_ENTRIES = 2_000;
    static final long MAX_AGE_SECONDS = 30;
    private static final long MAX_AGE_NANOS = TimeUnit.SECONDS.toNanos(MAX_AGE_SECONDS);

    private final JWTCallerPrincipalFactory verifier = new DefaultJWTCallerPrincipalFactory();
    private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();

    /** One accepted token: what SmallRye made of it, under which settings, and when. */
    private record Verified(JWTCallerPrincipal principal, JWTAuthContextInfo settings, long verifiedAtNanos) {
    }

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo settings) throws ParseException {
        long now = System.nanoTime();
        Verified known = verified.get(token);
        if (known != null && known.settings() == settings && now - known.verifiedAtNanos() < MAX_AGE_NANOS
                && isStillInTime(known.principal(), settings, Instant.now().getEpochSecond())) {
            return known.principal();
        }
        // Throws on anything SmallRye refuses: nothing is remembered then.
        JWTCallerPrincipal principal = verifier.parse(token, settings);
        if (verified.size() >= MAX_ENTRIES) {
            verified.clear();
        }
        verified.put(token, new Verified(principal, settings, now));
        return principal;
    }

    /**
     * SmallRye's time checks on an accepted token, strictly: it expires at {@code exp + skew}, and
     * with a token age set it is too old at {@code iat + age + skew}; at either bound it is verified
     * again rather than judged here.
     */
    static boolean isStillInTime(JWTCallerPrincipal principal, JWTAuthContextInfo settings, long nowEpochSeconds) {
        long skew = Math.max(0, settings.getClockSkew());
        if (nowEpochSeconds >= principal.getExpirationTime() + skew) {
            return false;
        }
        Long tokenAge = settings.getTokenAge();
        return tokenAge == null || nowEpochSeconds < principal.getIssuedAtTime() + tokenAge + skew;
    }

    /** Forgets SmallRye's chosen factory when the WAR is undeployed (see above). */
    @WebListener
    public static class Undeployed implements ServletContextListener {
        @Override
        public void contextDestroyed(ServletContextEvent event) {
            JWTCallerPrincipalFactory.setInstance(null);
        }
    }
}
