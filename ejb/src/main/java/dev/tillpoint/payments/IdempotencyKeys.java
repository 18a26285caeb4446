package dev.tillpoint.payments;

import dev.tillpoint.shared.ErrorCode;
import dev.tillpoint.shared.Ids;
import dev.tillpoint.shared.StoredTime;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * POS idempotency keys with Stripe's semantics, scoped to the terminal and backed by the primary
 * key of {@code pos_idempotency_keys} (plus the unique keys of payments and refunds).
 *
 * <p>A key is claimed in a short transaction of its own, committed before the payment starts, so
 * that a duplicate arriving meanwhile sees the claim (409 {@code IDEMPOTENCY_IN_PROGRESS}) instead
 * of waiting or running twice. The payment's transaction locks the claimed row, completes it with
 * its outcome, and commits both together. A claim whose request failed is released; one whose
 * server died is taken over once its lease has run out. Rows are kept (at least 24 h, as the
 * contract asks; nothing deletes them yet).
 */
@Stateless
public class IdempotencyKeys {

    static final String IN_PROGRESS = "IN_PROGRESS";
    static final String COMPLETED = "COMPLETED";
    static final String REVERSED = "REVERSED";
    static final String PAYMENT = "PAYMENT";
    static final String REFUND = "REFUND";

    private static final String COLUMNS = "select operation, request_fingerprint, state, claim_token, payment_id, refund_id,"
            + " outcome_code, outcome_detail, case when claimed_at < :staleBefore then 1 else 0 end"
            + " from pos_idempotency_keys where terminal_id = :terminal and idempotency_key = :key";

    @PersistenceContext(unitName = "tillpoint")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    PaymentPolicy policy;

    /** A key's row as stored. */
    public record StoredKey(String operation, String fingerprint, String state, String claimToken, String paymentId,
                     String refundId, String outcomeCode, String outcomeDetail, boolean claimExpired) {
    }

    /** What claiming a key came to. */
    public sealed interface Claim {
        /** The key is this request's: run it and complete the key with {@code token}. */
        record Claimed(String token) implements Claim {
        }

        /** The same request ran before: answer what it answered. */
        record Completed(StoredKey key) implements Claim {
        }

        /** Refused: in progress, another request's key, or reversed. */
        record Refused(ErrorCode code, String detail) implements Claim {
        }
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Claim claim(String terminalId, String key, String operation, String fingerprint) {
        for (int attempt = 0; attempt < 2; attempt++) {
            String token = Ids.generate("clm");
            Instant now = StoredTime.now(clock);
            int inserted = em.createNativeQuery("insert into pos_idempotency_keys (terminal_id, idempotency_key, operation,"
                            + " request_fingerprint, state, claim_token, claimed_at, created_at)"
                            + " values (:terminal, :key, :operation, :fingerprint, 'IN_PROGRESS', :token, :now, :now)"
                            + " on conflict do nothing")
                    .setParameter("terminal", terminalId)
                    .setParameter("key", key)
                    .setParameter("operation", operation)
                    .setParameter("fingerprint", fingerprint)
                    .setParameter("token", token)
                    .setParameter("now", now)
                    .executeUpdate();
            if (inserted == 1) {
                return new Claim.Claimed(token);
            }
            Optional<StoredKey> stored = read(terminalId, key, false);
            if (stored.isEmpty()) {
                continue; // released meanwhile by a request that failed: claim it afresh
            }
            return judge(terminalId, key, stored.get(), operation, fingerprint, token, now);
        }
        return new Claim.Refused(ErrorCode.IDEMPOTENCY_IN_PROGRESS, "A request with this Idempotency-Key is still running.");
    }

    private Claim judge(String terminalId, String key, StoredKey stored, String operation, String fingerprint,
            String token, Instant now) {
        if (REVERSED.equals(stored.state())) {
            return PAYMENT.equals(operation)
                    ? new Claim.Refused(ErrorCode.PAYMENT_REVERSED, "The terminal reversed this Idempotency-Key.")
                    : conflict();
        }
        if (!stored.operation().equals(operation) || !stored.fingerprint().equals(fingerprint)) {
            return conflict();
        }
        if (COMPLETED.equals(stored.state())) {
            return new Claim.Completed(stored);
        }
        if (stored.claimExpired()) {
            int takenOver = em.createNativeQuery("update pos_idempotency_keys set claim_token = :token, claimed_at = :now"
                            + " where terminal_id = :terminal and idempotency_key = :key and state = 'IN_PROGRESS'"
                            + " and claim_token = :old")
                    .setParameter("token", token)
                    .setParameter("now", now)
                    .setParameter("terminal", terminalId)
                    .setParameter("key", key)
                    .setParameter("old", stored.claimToken())
                    .executeUpdate();
            if (takenOver == 1) {
                return new Claim.Claimed(token);
            }
        }
        return new Claim.Refused(ErrorCode.IDEMPOTENCY_IN_PROGRESS, "A request with this Idempotency-Key is still running.");
    }

    private static Claim conflict() {
        return new Claim.Refused(ErrorCode.IDEMPOTENCY_CONFLICT,
                "This Idempotency-Key was used for a different request.");
    }

    /**
     * Locks the claimed row for the rest of the caller's transaction.
     *
     * @return whether the claim is still this request's (not taken over after its lease ran out)
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public boolean hold(String terminalId, String key, String token) {
        return read(terminalId, key, true)
                .filter(stored -> IN_PROGRESS.equals(stored.state()) && token.equals(stored.claimToken()))
                .isPresent();
    }

    /** Stores the outcome: the payment or refund made, or the decline code and detail answered. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void complete(String terminalId, String key, String token, String paymentId, String refundId,
            ErrorCode outcome, String detail) {
        // Only the columns with a value are set: a null bound into a native query has no SQL type
        // PostgreSQL can infer.
        StringBuilder set = new StringBuilder("update pos_idempotency_keys set state = 'COMPLETED', completed_at = :now,"
                + " claim_token = null, claimed_at = null");
        if (paymentId != null) {
            set.append(", payment_id = :payment");
        }
        if (refundId != null) {
            set.append(", refund_id = :refund");
        }
        if (outcome != null) {
            set.append(", outcome_code = :code, outcome_detail = :detail");
        }
        var update = em.createNativeQuery(set + " where terminal_id = :terminal and idempotency_key = :key"
                        + " and claim_token = :token")
                .setParameter("now", StoredTime.now(clock))
                .setParameter("terminal", terminalId)
                .setParameter("key", key)
                .setParameter("token", token);
        if (paymentId != null) {
            update.setParameter("payment", paymentId);
        }
        if (refundId != null) {
            update.setParameter("refund", refundId);
        }
        if (outcome != null) {
            update.setParameter("code", outcome.name()).setParameter("detail", detail == null ? "" : detail);
        }
        int updated = update.executeUpdate();
        if (updated != 1) {
            throw new IllegalStateException("An idempotency key was completed without its claim");
        }
    }

    /** Forgets a claim in the caller's transaction: answers such as 423 are not stored. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void forget(String terminalId, String key, String token) {
        delete(terminalId, key, token);
    }

    /** Releases the claim of a request that failed, so that its retry can run. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void release(String terminalId, String key, String token) {
        delete(terminalId, key, token);
    }

    /**
     * For a reversal of an unanswered request: records the key as reversed when no request used it,
     * else locks its row and returns it.
     *
     * @return empty when the key is now recorded as reversed
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public Optional<StoredKey> reverseOrLock(String terminalId, String key) {
        Instant now = StoredTime.now(clock);
        int inserted = em.createNativeQuery("insert into pos_idempotency_keys (terminal_id, idempotency_key, operation,"
                        + " state, created_at, completed_at) values (:terminal, :key, 'PAYMENT', 'REVERSED', :now, :now)"
                        + " on conflict do nothing")
                .setParameter("terminal", terminalId)
                .setParameter("key", key)
                .setParameter("now", now)
                .executeUpdate();
        if (inserted == 1) {
            return Optional.empty();
        }
        return read(terminalId, key, true);
    }

    private void delete(String terminalId, String key, String token) {
        em.createNativeQuery("delete from pos_idempotency_keys where terminal_id = :terminal and idempotency_key = :key"
                        + " and state = 'IN_PROGRESS' and claim_token = :token")
                .setParameter("terminal", terminalId)
                .setParameter("key", key)
                .setParameter("token", token)
                .executeUpdate();
    }

    private Optional<StoredKey> read(String terminalId, String key, boolean forUpdate) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(COLUMNS + (forUpdate ? " for update" : ""))
                .setParameter("staleBefore", StoredTime.now(clock).minus(policy.idempotencyClaimLease()))
                .setParameter("terminal", terminalId)
                .setParameter("key", key)
                .getResultList();
        return rows.stream().findFirst().map(row -> new StoredKey((String) row[0], (String) row[1], (String) row[2],
                (String) row[3], (String) row[4], (String) row[5], (String) row[6], (String) row[7],
                ((Number) row[8]).intValue() == 1));
    }
}
