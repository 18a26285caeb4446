package dev.tillpoint.payments;

import dev.tillpoint.ledger.Ledger;
import dev.tillpoint.ledger.PostingOutcome;
import dev.tillpoint.ledger.TransferKind;
import dev.tillpoint.ledger.TransferRequest;
import dev.tillpoint.shared.Currencies;
import dev.tillpoint.shared.ErrorCode;
import dev.tillpoint.shared.Ids;
import dev.tillpoint.shared.Result;
import dev.tillpoint.shared.StoredTime;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

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
 * on {@link PaymentCommand} and {@link RefundCommand}). Locks are taken in one order everywhere
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

    @PersistenceContext(unitName = "tillpoint")
    EntityManager em;

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
    Ledger ledger;

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
        String fingerprint = fingerprints.ofPayment(command);
        IdempotencyKeys.Claim claim = keys.claim(terminal.terminalId(), idempotencyKey,
                IdempotencyKeys.Operation.PAYMENT, fingerprint);
        switch (claim.state()) {
            case NEW:
                break;
            case REPLAY:
                return claim.replay(stored -> em.find(Payment.class, stored.paymentId()).originalApproval());
            default:
                return claim.refusal();
        }
        Instant now = StoredTime.now(clock);
        Answer answer = new Answer(terminal, idempotencyKey, fingerprint, command, now);
        CodeLockouts.Gate gate = lockouts.enter(command.userId(), terminal.terminalId(), now);
        if (gate.locked()) {
            return locked();
        }
        Optional<CodeMatcher.Match> match = matcher.match(command.userId(), command.securityCode(), now);
        if (match.isEmpty()) {
            if (!lockouts.countWrongCode(command.userId(), terminal.terminalId(), now, gate)) {
                return locked();
            }
            return answer.declined(ErrorCode.CODE_INVALID, null, null);
        }
        long step = match.get().step();
        PayingAuthorization authorization = lockAuthorization(match.get().authorizationId(), step);
        Optional<ErrorCode> decline = PaymentRules.firstDecline(authorization, step, terminal.currency(),
                command.currency(), command.amount(), now);
        if (decline.isPresent()) {
            return answer.declined(decline.get(), authorization, step);
        }
        String clearingAccountId = clearingAccountOf(terminal);
        String paymentId = Ids.generate(PAYMENT_PREFIX);
        PostingOutcome posted = ledger.post(new TransferRequest(authorization.accountId(), clearingAccountId,
                command.currency(), command.amount(), TransferKind.PAYMENT, paymentId));
        if (posted instanceof PostingOutcome.InsufficientFunds) {
            // The balance read with the authorization was overtaken by another payment of the account.
            return answer.declined(ErrorCode.INSUFFICIENT_FUNDS, authorization, step);
        }
        em.createNativeQuery("update offline_authorizations set last_used_step = :step,"
                        + " spent_minor = spent_minor + :amount where id = :id")
                .setParameter("step", step)
                .setParameter("amount", command.amount())
                .setParameter("id", authorization.id())
                .executeUpdate();
        Payment payment = new Payment(paymentId, new ApprovedPayment(terminal.terminalId(), terminal.merchantId(),
                authorization.customerId(), authorization.accountId(), authorization.id(), clearingAccountId,
                command.currency(), command.amount(), step, approvalCode(), command.orderId(),
                command.orderDescription(), idempotencyKey), now);
        em.persist(payment);
        keys.complete(terminal.terminalId(), idempotencyKey, IdempotencyKeys.Operation.PAYMENT, fingerprint, paymentId,
                null, null, null);
        events.approved(payment, now);
        return Result.ok(payment.view());
    }

    /** The answers of one payment request that are stored with its key. */
    private final class Answer {
        private final PosTerminal terminal;
        private final String key;
        private final String fingerprint;
        private final PaymentCommand command;
        private final Instant now;

        Answer(PosTerminal terminal, String key, String fingerprint, PaymentCommand command, Instant now) {
            this.terminal = terminal;
            this.key = key;
            this.fingerprint = fingerprint;
            this.command = command;
            this.now = now;
        }

        /** Records the decline (with its step when it counts toward the step's cap) and the key's answer. */
        Result<PaymentView> declined(ErrorCode code, PayingAuthorization authorization, Long step) {
            String detail = PaymentRules.detailOf(code);
            em.persist(new PaymentDecline(Ids.generate(DECLINE_PREFIX), terminal.terminalId(), terminal.merchantId(),
                    command, authorization == null ? null : authorization.id(), code,
                    PaymentRules.STEP_DECLINES.contains(code) ? step : null, now));
            keys.complete(terminal.terminalId(), key, IdempotencyKeys.Operation.PAYMENT, fingerprint, null, null, code,
                    detail);
            return Result.failure(code, detail);
        }
    }

    /**
     * Locks the authorization, then reads what the decline order needs besides its row: the declines
     * its matched step collected and its account's balance. Two statements, because a statement
     * that waited for the row lock still reads everything but the locked row as of its start: a
     * decline committed by the transaction it waited for would go uncounted.
     */
    private PayingAuthorization lockAuthorization(String authorizationId, long step) {
        Object[] row = (Object[]) em.createNativeQuery("select customer_id, account_id, currency, per_transaction_limit,"
                        + " total_limit, spent_minor, last_used_step, revoked_at, expires_at"
                        + " from offline_authorizations where id = :id for update")
                .setParameter("id", authorizationId)
                .getSingleResult();
        Object[] state = (Object[]) em.createNativeQuery("select"
                        + " (select count(*) from payment_declines where authorization_id = :id and code_step = :step),"
                        + " (select credits_posted - debits_posted from ledger_accounts where id = :account)")
                .setParameter("id", authorizationId)
                .setParameter("step", step)
                .setParameter("account", row[1])
                .getSingleResult();
        return new PayingAuthorization(authorizationId, (String) row[0], (String) row[1], ((String) row[2]).trim(),
                ((Number) row[3]).longValue(), ((Number) row[4]).longValue(), ((Number) row[5]).longValue(),
                row[6] == null ? null : ((Number) row[6]).longValue(), StoredTime.fromColumn(row[7]),
                StoredTime.fromColumn(row[8]), ((Number) state[0]).intValue(), ((Number) state[1]).longValue());
    }

    private String clearingAccountOf(PosTerminal terminal) {
        if (terminal.clearingAccountId() != null) {
            return terminal.clearingAccountId();
        }
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
        long amountMinor = command.amount();
        String fingerprint = fingerprints.ofRefund(paymentId, amountMinor);
        IdempotencyKeys.Claim claim = keys.claim(terminal.terminalId(), idempotencyKey, IdempotencyKeys.Operation.REFUND,
                fingerprint);
        switch (claim.state()) {
            case NEW:
                break;
            case REPLAY:
                return claim.replay(stored -> em.find(Refund.class, stored.refundId()).view());
            default:
                return claim.refusal();
        }
        Result<RefundView> outcome = refundLocked(terminal, paymentId, amountMinor, idempotencyKey);
        if (outcome instanceof Result.Ok<RefundView> ok) {
            keys.complete(terminal.terminalId(), idempotencyKey, IdempotencyKeys.Operation.REFUND, fingerprint, null,
                    ok.value().id(), null, null);
        } else if (outcome instanceof Result.Failure<RefundView> failure) {
            keys.complete(terminal.terminalId(), idempotencyKey, IdempotencyKeys.Operation.REFUND, fingerprint, null,
                    null, failure.code(), failure.detail());
        }
        return outcome;
    }

    private Result<RefundView> refundLocked(PosTerminal terminal, String paymentId, long amountMinor, String key) {
        Payment payment = lockedPaymentOf(terminal.merchantId(), paymentId);
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
        requirePosted(ledger.post(new TransferRequest(payment.clearingAccountId(), payment.accountId(), payment.currency(),
                amountMinor, TransferKind.REFUND, refundId)));
        payment.refund(amountMinor);
        Instant now = StoredTime.now(clock);
        Refund refund = new Refund(refundId, payment, terminal.terminalId(), amountMinor, key, now);
        em.persist(refund);
        events.refunded(payment, refund, now);
        return Result.ok(refund.view());
    }

    /**
     * Reverses a payment of the terminal's merchant: undoes an unsettled, unrefunded payment and
     * gives the authorization its amount back; a reversed payment answers as it is.
     *
     * @return the payment, now REVERSED; {@code NOT_FOUND}; {@code PAYMENT_SETTLED}; {@code PAYMENT_REFUNDED}
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public Result<PaymentView> reverse(PosTerminal terminal, String paymentId) {
        return reverseOf(terminal.merchantId(), paymentId);
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
        IdempotencyKeys.Claim claim = keys.reverse(terminal.terminalId(), idempotencyKey);
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
        return reverseOf(terminal.merchantId(), key.paymentId()).map(Optional::of);
    }

    /** A payment of the terminal's merchant as it stands now; empty for any other. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<PaymentView> find(PosTerminal terminal, String paymentId) {
        if (!Ids.isValid(paymentId)) {
            return Optional.empty();
        }
        return Optional.ofNullable(em.find(Payment.class, paymentId))
                .filter(payment -> payment.belongsTo(terminal.merchantId()))
                .map(Payment::view);
    }

    private Result<PaymentView> reverseOf(String merchantId, String paymentId) {
        Payment payment = lockedPaymentOf(merchantId, paymentId);
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
        em.find(OfflineAuthorization.class, payment.authorizationId(), LockModeType.PESSIMISTIC_WRITE)
                .restore(payment.amountMinor());
        String reversalId = Ids.generate(REVERSAL_PREFIX);
        requirePosted(ledger.post(new TransferRequest(payment.clearingAccountId(), payment.accountId(), payment.currency(),
                payment.amountMinor(), TransferKind.REVERSAL, reversalId)));
        Instant now = StoredTime.now(clock);
        payment.reverse(reversalId, now);
        events.reversed(payment, now);
        return Result.ok(payment.view());
    }

    private Payment lockedPaymentOf(String merchantId, String paymentId) {
        if (!Ids.isValid(paymentId)) {
            return null;
        }
        Payment payment = em.find(Payment.class, paymentId, LockModeType.PESSIMISTIC_WRITE);
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
