package dev.tillpoint.payments;

import dev.tillpoint.payments.codes.CodeSecrets;
import dev.tillpoint.payments.codes.Totp;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Finds which of a user's authorizations a security code belongs to, and for which time step.
 * Revoked and expired authorizations are matched too (so the POS hears why a code is refused);
 * when several match, an active one wins. Reads projections only, so the authorization the
 * payment then locks is loaded fresh under its lock.
 */
@Stateless
public class CodeMatcher {

    @PersistenceContext(unitName = "tillpoint")
    EntityManager em;

    @Inject
    CodeSecrets secrets;

    @Inject
    PaymentPolicy policy;

    /** The matched authorization and step. */
    public record Match(String authorizationId, long step) {
    }

    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public Optional<Match> match(String userId, String securityCode, Instant now) {
        List<MatchCandidate> candidates = em.createQuery("select new dev.tillpoint.payments.MatchCandidate(a.id,"
                        + " a.secretCiphertext, a.lastUsedStep, a.revokedAt, a.expiresAt) from OfflineAuthorization a"
                        + " where a.customerId = :user and a.expiresAt > :oldest", MatchCandidate.class)
                .setParameter("user", userId)
                .setParameter("oldest", now.minus(policy.expiredMatch()))
                .getResultList();
        long current = Totp.stepAt(now);
        return candidates.stream()
                .sorted(Comparator.comparing((MatchCandidate candidate) -> !candidate.isActiveAt(now))
                        .thenComparing(MatchCandidate::expiresAt, Comparator.reverseOrder()))
                .map(candidate -> stepOf(candidate, securityCode, current).map(step -> new Match(candidate.id(), step)))
                .flatMap(Optional::stream)
                .findFirst();
    }

    /**
     * The step within the skew window whose code is {@code securityCode}: of several (a collision),
     * one not yet used is preferred. Every step is compared, in constant time each.
     */
    private Optional<Long> stepOf(MatchCandidate candidate, String securityCode, long current) {
        byte[] secret = secrets.decrypt(candidate.secretCiphertext(), candidate.id());
        try {
            Long unused = null;
            Long used = null;
            for (long step = current - policy.codeSkewSteps(); step <= current + policy.codeSkewSteps(); step++) {
                if (Totp.matches(Totp.code(secret, step), securityCode)) {
                    boolean fresh = candidate.lastUsedStep() == null || step > candidate.lastUsedStep();
                    if (fresh && unused == null) {
                        unused = step;
                    } else if (!fresh) {
                        used = step;
                    }
                }
            }
            return Optional.ofNullable(unused != null ? unused : used);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }
}
