package dev.tillpoint.payments;

import dev.tillpoint.shared.ErrorCode;
import dev.tillpoint.shared.Result;
import dev.tillpoint.shared.StoredTime;
import dev.tillpoint.shared.TransactionLocks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import dev.tillpoint.shared.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * POS idempotency keys with Stripe's semantics, scoped to the terminal: one mechanism for payments,
 * refunds and reversals by key, inside the request's own transaction.
 *
 * <p>{@link #claim} first takes a transaction-scoped try-lock on (terminal, key)
 * ({@link TransactionLocks}): a duplicate that arrives while the first request runs fails to take
 * it and is answered {@link Claim.State#IN_PROGRESS} at once, without waiting. Holding the lock, it
 * reads the key's row: none means the request is new; a stored row is replayed, or is another
 * request's (conflict), or was reversed. The outcome is written by {@link #complete} in the same
 * transaction as the money, so a key is stored if and only if its answer was; a crash mid-request
 * leaves no row and no lock behind. Rows are kept (at least 24 h, as the contract asks; nothing
 * deletes them yet), backed by the primary key of {@code pos_idempotency_keys} and the unique keys
 * of payments and refunds.
 */
@ApplicationScoped
public class IdempotencyKeys {

    /** What a key is used for. */
    public enum Operation {
        PAYMENT, REFUND
    }

    /** A key's row as stored: the request's identity and its stored answer. */
    public record StoredKey(Operation operation, String fingerprint, boolean reversed, String paymentId,
            String refundId, ErrorCode outcomeCode, String outcomeDetail) {
    }

    /** What claiming a key came to. */
    public record Claim(State state, StoredKey stored) {

        /** The states of a key as a request finds it. */
        public enum State {
            /** Unused: this request runs, and completes the key in its transaction. */
            NEW,
            /** Used by the same request before: answer what it answered ({@link #stored}). */
            REPLAY,
            /** Used by another request (another body or operation): 409 IDEMPOTENCY_CONFLICT. */
            CONFLICT,
            /** Another request with this key is running now: 409 IDEMPOTENCY_IN_PROGRESS. */
            IN_PROGRESS,
            /** The terminal reversed the key before any payment used it: 409 PAYMENT_REVERSED. */
            REVERSED
        }

        /** The answer to give for every state but NEW and REPLAY. */
        <T> Result<T> refusal() {
            return switch (state) {
                case CONFLICT -> Result.failure(ErrorCode.IDEMPOTENCY_CONFLICT,
                        "This Idempotency-Key was used for a different request.");
                case IN_PROGRESS -> Result.failure(ErrorCode.IDEMPOTENCY_IN_PROGRESS,
                        "A request with this Idempotency-Key is still running.");
                case REVERSED -> Result.failure(ErrorCode.PAYMENT_REVERSED,
                        "The terminal reversed this Idempotency-Key.");
                case NEW, REPLAY -> throw new IllegalStateException("Not a refusal: " + state);
            };
        }

        /** Whether this REPLAY's stored answer is a decline (else it names what was made). */
        boolean replaysDecline() {
            return stored.outcomeCode() != null;
        }

        /** The stored decline of a REPLAY, or {@code made}: what the first request made, read again. */
        <T> Result<T> replay(T made) {
            if (replaysDecline()) {
                return Result.failure(stored.outcomeCode(), stored.outcomeDetail());
            }
            return Result.ok(made);
        }
    }

    @Inject
    Clock clock;

    @Inject
    TransactionLocks locks;

    /** In the caller's transaction ({@code db} is its connection): see the class comment. */
    public Claim claim(Connection db, String terminalId, String key, Operation operation, String fingerprint)
            throws SQLException {
        if (!locks.tryLock(db, lockName(terminalId, key))) {
            return new Claim(Claim.State.IN_PROGRESS, null);
        }
        Optional<StoredKey> found = read(db, terminalId, key);
        if (found.isEmpty()) {
            return new Claim(Claim.State.NEW, null);
        }
        StoredKey stored = found.get();
        if (stored.reversed()) {
            return new Claim(operation == Operation.PAYMENT ? Claim.State.REVERSED : Claim.State.CONFLICT, stored);
        }
        if (stored.operation() != operation || !stored.fingerprint().equals(fingerprint)) {
            return new Claim(Claim.State.CONFLICT, stored);
        }
        return new Claim(Claim.State.REPLAY, stored);
    }

    /**
     * Stores a claimed key's answer in the caller's transaction: the payment or refund made, or the
     * decline code and detail answered (exactly one of the three).
     */
    public void complete(Connection db, String terminalId, String key, Operation operation, String fingerprint,
            String paymentId, String refundId, ErrorCode outcome, String detail) throws SQLException {
        boolean made = paymentId != null || refundId != null;
        try (PreparedStatement insert = db.prepareStatement("insert into pos_idempotency_keys (terminal_id,"
                + " idempotency_key, operation, request_fingerprint, state, payment_id, refund_id, outcome_code,"
                + " outcome_detail, created_at, completed_at) values (?, ?, ?, ?, 'COMPLETED', ?, ?, ?, ?, ?, ?)")) {
            Instant now = StoredTime.now(clock);
            insert.setString(1, terminalId);
            insert.setString(2, key);
            insert.setString(3, operation.name());
            insert.setString(4, fingerprint);
            Sql.setString(insert, 5, paymentId);
            Sql.setString(insert, 6, refundId);
            Sql.setString(insert, 7, made ? null : outcome.name());
            Sql.setString(insert, 8, made ? null : detail == null ? "" : detail);
            Sql.setInstant(insert, 9, now);
            Sql.setInstant(insert, 10, now);
            insert.executeUpdate();
        }
    }

    /**
     * For a reversal of an unanswered request, in the caller's transaction: records the key as
     * reversed when no request used it.
     *
     * @return IN_PROGRESS while a request with the key runs; NEW when the key is now recorded as
     *         reversed; else REPLAY with the stored row (reversed, a payment's or a refund's)
     */
    public Claim reverse(Connection db, String terminalId, String key) throws SQLException {
        if (!locks.tryLock(db, lockName(terminalId, key))) {
            return new Claim(Claim.State.IN_PROGRESS, null);
        }
        Optional<StoredKey> found = read(db, terminalId, key);
        if (found.isPresent()) {
            return new Claim(Claim.State.REPLAY, found.get());
        }
        try (PreparedStatement insert = db.prepareStatement("insert into pos_idempotency_keys (terminal_id,"
                + " idempotency_key, operation, state, created_at, completed_at) values (?, ?, 'PAYMENT', 'REVERSED', ?, ?)")) {
            Instant now = StoredTime.now(clock);
            insert.setString(1, terminalId);
            insert.setString(2, key);
            Sql.setInstant(insert, 3, now);
            Sql.setInstant(insert, 4, now);
            insert.executeUpdate();
        }
        return new Claim(Claim.State.NEW, null);
    }

    private static String lockName(String terminalId, String key) {
        return "pos-idempotency-key\n" + terminalId + "\n" + key;
    }

    private Optional<StoredKey> read(Connection db, String terminalId, String key) throws SQLException {
        try (PreparedStatement select = db.prepareStatement("select operation, request_fingerprint, state, payment_id,"
                + " refund_id, outcome_code, outcome_detail from pos_idempotency_keys"
                + " where terminal_id = ? and idempotency_key = ?")) {
            select.setString(1, terminalId);
            select.setString(2, key);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                String outcome = row.getString(6);
                return Optional.of(new StoredKey(Operation.valueOf(row.getString(1)), row.getString(2),
                        "REVERSED".equals(row.getString(3)), row.getString(4), row.getString(5),
                        outcome == null ? null : ErrorCode.valueOf(outcome), row.getString(7)));
            }
        }
    }
}
