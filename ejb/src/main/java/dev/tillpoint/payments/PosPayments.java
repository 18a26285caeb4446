package dev.tillpoint.payments;

import dev.tillpoint.ledger.PostingOutcome;
import dev.tillpoint.ledger.Postings;
import dev.tillpoint.ledger.TransferKind;
import dev.tillpoint.ledger.TransferRequest;
import dev.tillpoint.shared.Currencies;
import dev.tillpoint.shared.ErrorCode;
import dev.tillpoint.shared.Ids;
import dev.tillpoint.shared.Result;
import dev.tillpoint.shared.Sql;
import dev.tillpoint.shared.StoredTime;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The POS side of offline payments: a payment, a refund, a reversal, each one JTA transaction that
 * holds its idempotency key, its checks, its money and its answer (DESIGN.md "Offline payments").
 *
 * <p>A payment, top to bottom: the key ({@link IdempotencyKeys}: new, replay, conflict, in
 * progress, reversed); the code locks of the user-terminal pair and the terminal
 * ({@link CodeLockouts}, 423 before any check); the code ({@link CodeMatcher}; no match is
 * {@code CODE_INVALID}, counted exactly); the matched authorization under its row lock, read with
 * its step's declines and its account's balance just after; DESIGN.md's decline order as one pure
 * function ({@link PaymentRules}); then the ledger posting, one targeted update of the
 * authorization, the payment, the key's answer and the event, written together. Declines are
 * answers, not rollbacks: the decline, the key's stored answer and the wrong-code count commit.
 *
 * <p>The caller comes resolved ({@link PosTerminal}); the commands come validated (Bean Validation
 * on {@link PaymentCommand} and {@link RefundCommand}). Every statement is plain JDBC on the
 * transaction's one connection, taken here and handed down ({@link Sql} says why); the helpers are
 * plain CDI beans, so this class's business method is the request's only EJB call. Locks are taken in one order everywhere
 * (the key's try-lock, the code-lock rows, the payment, the authorization, then the ledger's
 * accounts in id order), so these never deadlock.
 */
@Stateless
public class PosPayments {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private static final String PAYMENT_PREFIX = "pay";
    private static final String REFUND_PREFIX = "rfd";
    private static final String REVERSAL_PREFIX = "rvs";
    private static final String DECLINE_PREFIX = "dcl";
    private static final String APPROVAL_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int APPROVAL_CODE_LENGTH = 6;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Resource(lookup = "java:jboss/datasources/TillpointDS")
    DataSource dataSource;

    @Inject
    Clock clock;

    @Inject
    Currencies currencies;

    @Inject
    IdempotencyKeys keys;

    @Inject
    RequestFingerprints fingerprints;

    @Inject
    CodeLockouts lockouts;

    @Inject
    CodeMatcher matcher;

    @Inject
    ClearingAccounts clearingAccounts;

    @Inject
    PosTerminals terminals;

    @Inject
    PaymentEvents events;

    @Inject
    Postings postings;

    /**
     * The second approval.
     *
     * @return the approval; {@code VALIDATION_FAILED} for a currency the bank does not allow;
     *         {@code LOCKED}; one of the 402 declines; the idempotency answers
     *         {@code IDEMPOTENCY_CONFLICT}, {@code IDEMPOTENCY_IN_PROGRESS}, {@code PAYMENT_REVERSED};
     *         or, for a retry, what the first request got
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public Result<PaymentView> pay(PosTerminal terminal, String idempotencyKey, PaymentCommand command) {
        if (!currencies.isAllowed(command.currency())) {
            return Result.invalid("currency", "must be one of " + String.join(", ", currencies.all()));
        }
        try (Connection db = dataSource.getConnection()) {
            return pay(db, terminal, idempotencyKey, command);
        } catch (SQLException e) {
            throw new Sql.Fault(e);
        }
    }

    private Result<PaymentView> pay(Connection db, PosTerminal terminal, String idempotencyKey, PaymentCommand command)
            throws SQLException {
        String fingerprint = fingerprints.ofPayment(command);
        IdempotencyKeys.Claim claim = keys.claim(db, terminal.terminalId(), idempotencyKey,
                IdempotencyKeys.Operation.PAYMENT, fingerprint);
        switch (claim.state()) {
            case NEW:
                break;
            case REPLAY:
                return claim.replay(claim.replaysDecline() ? null
                        : PaymentRow.find(db, claim.stored().paymentId(), false).originalApproval());
            default:
                return claim.refusal();
        }
        Instant now = StoredTime.now(clock);
        Answer answer = new Answer(db, terminal, idempotencyKey, fingerprint, command, now);
        CodeLockouts.Gate gate = lockouts.enter(db, command.userId(), terminal.terminalId(), now);
        if (gate.locked()) {
            return locked();
        }
        Optional<CodeMatcher.Match> match = matcher.match(db, command.userId(), command.securityCode(), now);
        if (match.isEmpty()) {
            if (!lockouts.countWrongCode(db, command.userId(), terminal.terminalId(), now, gate)) {
                return locked();
            }
            return answer.declined(ErrorCode.CODE_INVALID, null, null);
        }
        long step = match.get().step();
        PayingAuthorization authorization = lockAuthorization(db, match.get().authorizationId(), step);
        Optional<ErrorCode> decline = PaymentRules.firstDecline(authorization, step, terminal.currency(),
                command.currency(), command.amount(), now);
        if (decline.isPresent()) {
            return answer.declined(decline.get(), authorization, step);
        }
        String clearingAccountId = clearingAccountOf(terminal);
        String paymentId = Ids.generate(PAYMENT_PREFIX);
        PostingOutcome posted = postings.post(db, new TransferRequest(authorization.accountId(), clearingAccountId,
                command.currency(), command.amount(), TransferKind.PAYMENT, paymentId));
        if (posted instanceof PostingOutcome.InsufficientFunds) {
            // The balance read with the authorization was overtaken by another payment of the account.
            return answer.declined(ErrorCode.INSUFFICIENT_FUNDS, authorization, step);
        }
        try (PreparedStatement update = db.prepareStatement("update offline_authorizations set last_used_step = ?,"
                + " spent_minor = spent_minor + ? where id = ?")) {
            update.setLong(1, step);
            update.setLong(2, command.amount());
            update.setString(3, authorization.id());
            update.executeUpdate();
        }
        PaymentRow payment = PaymentRow.approved(paymentId, new ApprovedPayment(terminal.terminalId(),
                terminal.merchantId(), authorization.customerId(), authorization.accountId(), authorization.id(),
                clearingAccountId, command.currency(), command.amount(), step, approvalCode(), command.orderId(),
                command.orderDescription(), idempotencyKey), now);
        payment.insert(db);
        keys.complete(db, terminal.terminalId(), idempotencyKey, IdempotencyKeys.Operation.PAYMENT, fingerprint,
                paymentId, null, null, null);
        events.approved(db, payment, now);
        return Result.ok(payment.view());
    }

    /** The answers of one payment request that are stored with its key. */
    private final class Answer {
        private final Connection db;
        private final PosTerminal terminal;
        private final String key;
        private final String fingerprint;
        private final PaymentCommand command;
        private final Instant now;

        Answer(Connection db, PosTerminal terminal, String key, String fingerprint, PaymentCommand command, Instant now) {
            this.db = db;
            this.terminal = terminal;
            this.key = key;
            this.fingerprint = fingerprint;
            this.command = command;
            this.now = now;
        }

        /** Records the decline (with its step when it counts toward the step's cap) and the key's answer. */
        Result<PaymentView> declined(ErrorCode code, PayingAuthorization authorization, Long step) throws SQLException {
            String detail = PaymentRules.detailOf(code);
            try (PreparedStatement insert = db.prepareStatement("insert into payment_declines (id, terminal_id,"
                    + " merchant_id, user_id, authorization_id, code, amount_minor, currency, code_step, created_at)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, Ids.generate(DECLINE_PREFIX));
                insert.setString(2, terminal.terminalId());
                insert.setString(3, terminal.merchantId());
                insert.setString(4, command.userId());
                Sql.setString(insert, 5, authorization == null ? null : authorization.id());
                insert.setString(6, code.name());
                insert.setLong(7, command.amount());
                insert.setString(8, command.currency());
                Sql.setLong(insert, 9, PaymentRules.STEP_DECLINES.contains(code) ? step : null);
                Sql.setInstant(insert, 10, now);
                insert.executeUpdate();
            }
            keys.complete(db, terminal.terminalId(), key, IdempotencyKeys.Operation.PAYMENT, fingerprint, null, null,
                    code, detail);
            return Result.failure(code, detail);
        }
    }

    /**
     * Locks the authorization, then reads what the decline order needs besides its row: the declines
     * its matched step collected and its account's balance. Two statements, because a statement
     * that waited for the row lock still reads everything but the locked row as of its start: a
     * decline committed by the transaction it waited for would go uncounted.
     */
    private static PayingAuthorization lockAuthorization(Connection db, String authorizationId, long step)
            throws SQLException {
        String customerId;
        String accountId;
        String currency;
        long perTransaction;
        long total;
        long spent;
        Long lastUsedStep;
        Instant revokedAt;
        Instant expiresAt;
        try (PreparedStatement select = db.prepareStatement("select customer_id, account_id, currency,"
                + " per_transaction_limit, total_limit, spent_minor, last_used_step, revoked_at, expires_at"
                + " from offline_authorizations where id = ? for update")) {
            select.setString(1, authorizationId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("The matched authorization is gone");
                }
                customerId = row.getString(1);
                accountId = row.getString(2);
                currency = row.getString(3).trim();
                perTransaction = row.getLong(4);
                total = row.getLong(5);
                spent = row.getLong(6);
                lastUsedStep = Sql.getLong(row, 7);
                revokedAt = Sql.getInstant(row, 8);
                expiresAt = Sql.getInstant(row, 9);
            }
        }
        try (PreparedStatement select = db.prepareStatement("select"
                + " (select count(*) from payment_declines where authorization_id = ? and code_step = ?),"
                + " (select credits_posted - debits_posted from ledger_accounts where id = ?)")) {
            select.setString(1, authorizationId);
            select.setLong(2, step);
            select.setString(3, accountId);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return new PayingAuthorization(authorizationId, customerId, accountId, currency, perTransaction, total,
                        spent, lastUsedStep, revokedAt, expiresAt, row.getInt(1), row.getLong(2));
            }
        }
    }

    private String clearingAccountOf(PosTerminal terminal) {
        if (terminal.clearingAccountId() != null) {
            return terminal.clearingAccountId();
        }
        // Once per terminal: opened through the ledger's JPA path, which flushes into this same
        // transaction's connection, so the statements after it see the new account.
        String opened = clearingAccounts.of(terminal.terminalId(), terminal.currency());
        terminals.forget(terminal.terminalId());
        return opened;
    }

    private static <T> Result<T> locked() {
        return Result.failure(ErrorCode.LOCKED, "Too many wrong codes at this terminal: its payments for this user are locked for a while.");
    }

    /**
     * A refund of part of a payment of the terminal's merchant; allowed after settlement. Every
     * answer is stored with the key.
     *
     * @return the refund; {@code NOT_FOUND} for no payment of the terminal's merchant;
     *         {@code PAYMENT_REVERSED}; {@code REFUND_EXCEEDS_PAYMENT}; the idempotency answers; or,
     *         for a retry, what the first request got
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public Result<RefundView> refund(PosTerminal terminal, String paymentId, String idempotencyKey, RefundCommand command) {
        try (Connection db = dataSource.getConnection()) {
            return refund(db, terminal, paymentId, idempotencyKey, command.amount());
        } catch (SQLException e) {
            throw new Sql.Fault(e);
        }
    }

    private Result<RefundView> refund(Connection db, PosTerminal terminal, String paymentId, String idempotencyKey,
            long amountMinor) throws SQLException {
        String fingerprint = fingerprints.ofRefund(paymentId, amountMinor);
        IdempotencyKeys.Claim claim = keys.claim(db, terminal.terminalId(), idempotencyKey,
                IdempotencyKeys.Operation.REFUND, fingerprint);
        switch (claim.state()) {
            case NEW:
                break;
            case REPLAY:
                return claim.replay(claim.replaysDecline() ? null : refundById(db, claim.stored().refundId()));
            default:
                return claim.refusal();
        }
        Result<RefundView> outcome = refundLocked(db, terminal, paymentId, amountMinor, idempotencyKey);
        if (outcome instanceof Result.Ok<RefundView> ok) {
            keys.complete(db, terminal.terminalId(), idempotencyKey, IdempotencyKeys.Operation.REFUND, fingerprint,
                    null, ok.value().id(), null, null);
        } else if (outcome instanceof Result.Failure<RefundView> failure) {
            keys.complete(db, terminal.terminalId(), idempotencyKey, IdempotencyKeys.Operation.REFUND, fingerprint,
                    null, null, failure.code(), failure.detail());
        }
        return outcome;
    }

    private Result<RefundView> refundLocked(Connection db, PosTerminal terminal, String paymentId, long amountMinor,
            String key) throws SQLException {
        PaymentRow payment = lockedPaymentOf(db, terminal.merchantId(), paymentId);
        if (payment == null) {
            return paymentNotFound();
        }
        if (payment.isReversed()) {
            return Result.failure(ErrorCode.PAYMENT_REVERSED, "The payment was reversed.");
        }
        if (amountMinor > payment.refundableMinor()) {
            return Result.failure(ErrorCode.REFUND_EXCEEDS_PAYMENT, "Refunds in total would exceed the payment.");
        }
        String refundId = Ids.generate(REFUND_PREFIX);
        requirePosted(postings.post(db, new TransferRequest(payment.clearingAccountId(), payment.accountId(),
                payment.currency(), amountMinor, TransferKind.REFUND, refundId)));
        try (PreparedStatement update = db.prepareStatement("update payments set refunded_minor = refunded_minor + ?"
                + " where id = ?")) {
            update.setLong(1, amountMinor);
            update.setString(2, payment.id());
            update.executeUpdate();
        }
        Instant now = StoredTime.now(clock);
        RefundView refund = new RefundView(refundId, payment.id(), amountMinor, payment.currency(), now);
        try (PreparedStatement insert = db.prepareStatement("insert into refunds (id, payment_id, terminal_id,"
                + " merchant_id, customer_id, currency, amount_minor, idempotency_key, created_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, refundId);
            insert.setString(2, payment.id());
            insert.setString(3, terminal.terminalId());
            insert.setString(4, payment.merchantId());
            insert.setString(5, payment.customerId());
            insert.setString(6, payment.currency());
            insert.setLong(7, amountMinor);
            insert.setString(8, key);
            Sql.setInstant(insert, 9, now);
            insert.executeUpdate();
        }
        events.refunded(db, payment, refund, terminal.terminalId(), now);
        return Result.ok(refund);
    }

    private static RefundView refundById(Connection db, String refundId) throws SQLException {
        try (PreparedStatement select = db.prepareStatement("select payment_id, amount_minor, currency, created_at"
                + " from refunds where id = ?")) {
            select.setString(1, refundId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("A stored idempotency key names a missing refund");
                }
                return new RefundView(refundId, row.getString(1), row.getLong(2), row.getString(3).trim(),
                        Sql.getInstant(row, 4));
            }
        }
    }

    /**
     * Reverses a payment of the terminal's merchant: undoes an unsettled, unrefunded payment and
     * gives the authorization its amount back; a reversed payment answers as it is.
     *
     * @return the payment, now REVERSED; {@code NOT_FOUND}; {@code PAYMENT_SETTLED}; {@code PAYMENT_REFUNDED}
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public Result<PaymentView> reverse(PosTerminal terminal, String paymentId) {
        try (Connection db = dataSource.getConnection()) {
            return reverseOf(db, terminal.merchantId(), paymentId);
        } catch (SQLException e) {
            throw new Sql.Fault(e);
        }
    }

    /**
     * The reversal of a request the POS never heard the answer to: reverses the payment made with
     * the key, or, when none was made, records the key as reversed so that a payment arriving later
     * with it is refused. A declined request moved no money and needs no undoing.
     *
     * @return the reversed payment, or empty when no payment was made with the key;
     *         {@code IDEMPOTENCY_IN_PROGRESS} while the request still runs;
     *         {@code IDEMPOTENCY_CONFLICT} for a refund's key; {@code PAYMENT_SETTLED}, {@code PAYMENT_REFUNDED}
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public Result<Optional<PaymentView>> reverseByKey(PosTerminal terminal, String idempotencyKey) {
        try (Connection db = dataSource.getConnection()) {
            IdempotencyKeys.Claim claim = keys.reverse(db, terminal.terminalId(), idempotencyKey);
            if (claim.state() == IdempotencyKeys.Claim.State.IN_PROGRESS) {
                return claim.refusal();
            }
            IdempotencyKeys.StoredKey key = claim.stored();
            if (claim.state() == IdempotencyKeys.Claim.State.NEW || key.reversed() || key.paymentId() == null
                    && key.operation() == IdempotencyKeys.Operation.PAYMENT) {
                return Result.ok(Optional.empty());
            }
            if (key.operation() != IdempotencyKeys.Operation.PAYMENT) {
                return Result.failure(ErrorCode.IDEMPOTENCY_CONFLICT, "This Idempotency-Key was used for a refund.");
            }
            return reverseOf(db, terminal.merchantId(), key.paymentId()).map(Optional::of);
        } catch (SQLException e) {
            throw new Sql.Fault(e);
        }
    }

    /** A payment of the terminal's merchant as it stands now; empty for any other. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<PaymentView> find(PosTerminal terminal, String paymentId) {
        if (!Ids.isValid(paymentId)) {
            return Optional.empty();
        }
        try (Connection db = dataSource.getConnection()) {
            return Optional.ofNullable(PaymentRow.find(db, paymentId, false))
                    .filter(payment -> payment.belongsTo(terminal.merchantId()))
                    .map(PaymentRow::view);
        } catch (SQLException e) {
            throw new Sql.Fault(e);
        }
    }

    private Result<PaymentView> reverseOf(Connection db, String merchantId, String paymentId) throws SQLException {
        PaymentRow payment = lockedPaymentOf(db, merchantId, paymentId);
        if (payment == null) {
            return paymentNotFound();
        }
        if (payment.isReversed()) {
            return Result.ok(payment.view());
        }
        if (payment.isSettled()) {
            return Result.failure(ErrorCode.PAYMENT_SETTLED, "The payment is settled; refund it instead.");
        }
        if (payment.refundableMinor() < payment.amountMinor()) {
            return Result.failure(ErrorCode.PAYMENT_REFUNDED, "The payment was refunded; refund the rest instead.");
        }
        // A reversal gives the amount back to the remaining limit (the step stays used).
        try (PreparedStatement restore = db.prepareStatement("update offline_authorizations"
                + " set spent_minor = spent_minor - ? where id = ? and spent_minor >= ?")) {
            restore.setLong(1, payment.amountMinor());
            restore.setString(2, payment.authorizationId());
            restore.setLong(3, payment.amountMinor());
            if (restore.executeUpdate() != 1) {
                throw new IllegalStateException("Authorization " + payment.authorizationId() + " never spent this amount");
            }
        }
        String reversalId = Ids.generate(REVERSAL_PREFIX);
        requirePosted(postings.post(db, new TransferRequest(payment.clearingAccountId(), payment.accountId(),
                payment.currency(), payment.amountMinor(), TransferKind.REVERSAL, reversalId)));
        Instant now = StoredTime.now(clock);
        PaymentRow reversed = payment.reversed(reversalId, now);
        try (PreparedStatement update = db.prepareStatement("update payments set status = 'REVERSED', reversal_id = ?,"
                + " reversed_at = ? where id = ? and status = 'APPROVED' and settlement_id is null and refunded_minor = 0")) {
            update.setString(1, reversalId);
            Sql.setInstant(update, 2, now);
            update.setString(3, payment.id());
            if (update.executeUpdate() != 1) {
                throw new IllegalStateException("Payment " + payment.id() + " can no longer be reversed");
            }
        }
        events.reversed(db, reversed, now);
        return Result.ok(reversed.view());
    }

    private static PaymentRow lockedPaymentOf(Connection db, String merchantId, String paymentId) throws SQLException {
        if (!Ids.isValid(paymentId)) {
            return null;
        }
        PaymentRow payment = PaymentRow.find(db, paymentId, true);
        return payment != null && payment.belongsTo(merchantId) ? payment : null;
    }

    private static <T> Result<T> paymentNotFound() {
        return Result.failure(ErrorCode.NOT_FOUND, "The merchant has no payment with this id.");
    }

    /** Clearing accounts may go negative, so a refund or reversal can never lack funds. */
    private static void requirePosted(PostingOutcome outcome) {
        if (!(outcome instanceof PostingOutcome.Posted)) {
            throw new IllegalStateException("A clearing account refused a debit: " + outcome);
        }
    }

    private static String approvalCode() {
        StringBuilder code = new StringBuilder(APPROVAL_CODE_LENGTH);
        for (int i = 0; i < APPROVAL_CODE_LENGTH; i++) {
            code.append(APPROVAL_ALPHABET.charAt(RANDOM.nextInt(APPROVAL_ALPHABET.length())));
        }
        return code.toString();
    }
}
