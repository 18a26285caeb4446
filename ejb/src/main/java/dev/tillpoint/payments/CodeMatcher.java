package dev.tillpoint.payments;

import dev.tillpoint.payments.codes.CodeSecrets;
import dev.tillpoint.payments.codes.Totp;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import dev.tillpoint.shared.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Finds which of a user's authorizations a security code belongs to, and for which time step.
 * Revoked and expired authorizations are matched too (so the POS hears why a code is refused);
 * when several match, an active one wins, then the one expiring last.
 *
 * <p>The work is the same whoever the user is: the user's authorizations (active first, then by
 * expiry, newest first) are filled up with decoys to {@code tillpoint.payments.code-match-candidates}
 * (default 8), so every request decrypts that many secrets and computes that many codes per step;
 * a wrong code for a user with many authorizations takes as long as one for an unknown user. Only a
 * user with more matchable authorizations than that (a phone replaced every day keeps a day of
 * revoked ones) costs more, up to {@value #MAX_CANDIDATES}, the most a code is matched against.
 * Reads columns over JDBC, not entities: the authorization the payment then uses is read again under its lock.
 */
@ApplicationScoped
public class CodeMatcher {

    private static final String DECOY_ID = "decoy";
    static final int MAX_CANDIDATES = 64;

    @Inject
    CodeSecrets secrets;

    @Inject
    PaymentPolicy policy;

    @Inject
    @ConfigProperty(name = "tillpoint.payments.code-match-candidates", defaultValue = "8")
    int candidates;

    private String decoyCiphertext;

    /** The matched authorization and step. */
    public record Match(String authorizationId, long step) {
    }

    /** An authorization whose codes could still be presented. */
    record Candidate(String id, String secretCiphertext, Long lastUsedStep) {
        @Override
        public String toString() {
            return "Candidate[id=" + id + "]";
        }
    }

    @PostConstruct
    void prepareDecoy() {
        if (candidates < 1 || candidates > MAX_CANDIDATES) {
            throw new IllegalStateException("tillpoint.payments.code-match-candidates must be 1.." + MAX_CANDIDATES);
        }
        byte[] secret = secrets.newSecret();
        decoyCiphertext = secrets.encrypt(secret, DECOY_ID);
        Arrays.fill(secret, (byte) 0);
    }

    /** In the caller's transaction; {@code db} is its connection. */
    public Optional<Match> match(Connection db, String userId, String securityCode, Instant now) throws SQLException {
        List<Candidate> found = new ArrayList<>(candidates);
        try (PreparedStatement select = db.prepareStatement("select id, secret_ciphertext, last_used_step"
                + " from offline_authorizations where customer_id = ? and expires_at > ?"
                + " order by case when (revoked_at is null or revoked_at >= expires_at) and expires_at > ?"
                + " then 0 else 1 end, expires_at desc, id limit " + MAX_CANDIDATES)) {
            select.setString(1, userId);
            Sql.setInstant(select, 2, now.minus(policy.expiredMatch()));
            Sql.setInstant(select, 3, now);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    found.add(new Candidate(row.getString(1), row.getString(2), Sql.getLong(row, 3)));
                }
            }
        }
        return firstMatch(slate(found), securityCode, Totp.stepAt(now));
    }

    /** The user's candidates in order of preference, then decoys up to {@link #candidates}. */
    List<Candidate> slate(List<Candidate> found) {
        List<Candidate> slate = new ArrayList<>(Math.max(candidates, found.size()));
        slate.addAll(found);
        while (slate.size() < candidates) {
            slate.add(new Candidate(DECOY_ID, decoyCiphertext, null));
        }
        return slate;
    }
    /** Every candidate is tried, even after a match, so that where the match is takes no time to tell. */
    private Optional<Match> firstMatch(List<Candidate> slate, String securityCode, long current) {
        Match first = null;
        for (Candidate candidate : slate) {
            Optional<Long> step = stepOf(candidate, securityCode, current);
            if (first == null && step.isPresent() && !DECOY_ID.equals(candidate.id())) {
                first = new Match(candidate.id(), step.get());
            }
        }
        return Optional.ofNullable(first);
    }

    /**
     * The step within the skew window whose code is {@code securityCode}: of several (a collision),
     * one not yet used is preferred. Every step is compared, in constant time each.
     */
    private Optional<Long> stepOf(Candidate candidate, String securityCode, long current) {
        byte[] secret = secrets.decrypt(candidate.secretCiphertext(), candidate.id());
        try {
            Long unused = null;
            Long used = null;
            long first = current - policy.codeSkewSteps();
            String[] codes = Totp.codes(secret, first, current + policy.codeSkewSteps());
            for (long step = first; step <= current + policy.codeSkewSteps(); step++) {
                if (Totp.matches(codes[(int) (step - first)], securityCode)) {
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
