package dev.tillpoint.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collection;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;

/** The time checks a remembered token must pass again on every use, at their bounds. */
class VerifiedTokensTest {

    private static JWTCallerPrincipal token(long issuedAt, long expires) {
        return new JWTCallerPrincipal("header.payload.signature", "JWT") {
            @Override
            protected Collection<String> doGetClaimNames() {
                return List.of("iat", "exp");
            }

            @Override
            protected Object getClaimValue(String name) {
                return switch (name) {
                    case "iat" -> issuedAt;
                    case "exp" -> expires;
                    default -> null;
                };
            }
        };
    }

    private static JWTAuthContextInfo settings(int skew, Long tokenAge) {
        JWTAuthContextInfo settings = new JWTAuthContextInfo();
        settings.setClockSkew(skew);
        settings.setTokenAge(tokenAge);
        return settings;
    }

    @Test
    void expiresAtExpPlusSkewAndIsThenVerifiedAgain() {
        JWTCallerPrincipal token = token(1_000, 1_600);
        assertTrue(VerifiedTokens.isStillInTime(token, settings(60, null), 1_659));
        assertFalse(VerifiedTokens.isStillInTime(token, settings(60, null), 1_660));
        assertFalse(VerifiedTokens.isStillInTime(token, settings(0, null), 1_600));
        assertTrue(VerifiedTokens.isStillInTime(token, settings(0, null), 1_599));
    }

    @Test
    void aConfiguredTokenAgeIsCheckedAgainToo() {
        JWTCallerPrincipal token = token(1_000, 100_000);
        assertTrue(VerifiedTokens.isStillInTime(token, settings(60, 300L), 1_359));
        assertFalse(VerifiedTokens.isStillInTime(token, settings(60, 300L), 1_360));
        assertTrue(VerifiedTokens.isStillInTime(token, settings(60, null), 50_000));
    }
}
